import type { Locale, Relationship } from "#db/schema";
import { translator, type MessageKey, type Translate } from "~/i18n/messages";
import { formatDay } from "~/utils/dates";
import { renderEmail, type EmailBlock, type EmailContent } from "../layout.server";
import { raterMailLinkLabel } from "~/i18n/labels";

/** One questionnaire a rater is asked to fill in: about whom, in which role, and the link. */
export interface RaterLink {
  relationship: Relationship;
  participantName: string;
  href: string;
}

/** What the invitation and the reminder mail share: the rater, the round and the links. */
export interface RaterLinksMail {
  locale: Locale;
  organisationName: string;
  raterName: string;
  cycleName: string;
  links: readonly RaterLink[];
  /** YYYY-MM-DD, or null when the cycle has no answer deadline. */
  answerDeadline: string | null;
  /** Estimated minutes per questionnaire, or null when unknown. */
  minutesPerQuestionnaire: number | null;
  /** The anonymity threshold k of the cycle. */
  minGroupSize: number;
  managerIdentifiable: boolean;
}

/** "Jan Jansen, als collega": the button text of one link, so a list of links stays clear. */
export function raterLinkLabel(
  t: Translate,
  link: Pick<RaterLink, "relationship" | "participantName">,
) {
  return t(raterMailLinkLabel[link.relationship], { name: link.participantName });
}

/** The blocks after the introduction: every link, the deadline, the time, the promise. */
export function raterLinkBlocks(mail: RaterLinksMail): EmailBlock[] {
  const t = translator(mail.locale);
  const blocks: EmailBlock[] = mail.links.map((link) => ({
    type: "button",
    label: raterLinkLabel(t, link),
    href: link.href,
  }));
  if (mail.answerDeadline) {
    const deadline = formatDay(mail.answerDeadline, mail.locale);
    blocks.push({
      type: "paragraph",
      text: t("invitations.email.deadline", { deadline, count: mail.links.length }),
    });
  }
  if (mail.minutesPerQuestionnaire !== null) {
    blocks.push({
      type: "paragraph",
      text: t("invitations.email.time", { minutes: mail.minutesPerQuestionnaire }),
    });
  }
  const onlySelf = mail.links.every((link) => link.relationship === "self");
  blocks.push({
    type: "paragraph",
    text: onlySelf
      ? t("invitations.email.anonymity.selfOnly")
      : t("invitations.email.anonymity", { k: mail.minGroupSize }),
  });
  if (mail.managerIdentifiable && mail.links.some((link) => link.relationship === "manager")) {
    blocks.push({ type: "paragraph", text: t("invitations.email.managerRecognisable") });
  }
  blocks.push({ type: "small", text: t("invitations.email.personal") });
  return blocks;
}

const MAIL_TEXTS = {
  invitation: {
    subject: "invitations.email.invitation.subject",
    intro: "invitations.email.invitation.intro",
  },
  reminder: {
    subject: "invitations.email.reminder.subject",
    intro: "invitations.email.reminder.intro",
  },
} as const satisfies Record<string, Record<string, MessageKey>>;

export type RaterLinksMailKind = keyof typeof MAIL_TEXTS;

/** The subject of a rater-links mail: it names the round, never a link or a participant. */
export function raterLinksSubject(kind: RaterLinksMailKind, locale: Locale, cycleName: string) {
  return translator(locale)(MAIL_TEXTS[kind].subject, { cycle: cycleName });
}

/**
 * A mail to a rater, one per address for the whole round: the invitation lists every
 * questionnaire they are asked for (a lead rating eight team members gets one mail, not
 * nine), a reminder only the questionnaires still open.
 */
export function raterLinksEmail(kind: RaterLinksMailKind, mail: RaterLinksMail): EmailContent {
  const t = translator(mail.locale);
  const texts = MAIL_TEXTS[kind];
  const organisation = mail.organisationName;
  const params = { organisation, cycle: mail.cycleName, count: mail.links.length };
  return renderEmail({
    lang: mail.locale,
    subject: raterLinksSubject(kind, mail.locale, mail.cycleName),
    organisationName: organisation,
    blocks: [
      { type: "paragraph", text: t("email.greeting", { name: mail.raterName }) },
      // One questionnaire or several: the count picks the form.
      { type: "paragraph", text: t(texts.intro, params) },
      ...raterLinkBlocks(mail),
    ],
    footer: t("email.footer", { organisation }),
  });
}
