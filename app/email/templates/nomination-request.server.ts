import type { Locale } from "#db/schema";
import { translator, type MessageKey } from "~/i18n/messages";
import { formatDay } from "~/utils/dates";
import { renderEmail, type EmailBlock, type EmailContent } from "../layout.server";

const TEXTS = {
  request: {
    subject: "nominations.email.request.subject",
    intro: "nominations.email.request.intro",
    deadline: "nominations.email.request.deadline",
    button: "nominations.email.request.button",
    note: "nominations.email.request.automatic",
  },
  review: {
    subject: "nominations.email.review.subject",
    intro: "nominations.email.review.intro",
    deadline: "nominations.email.review.deadline",
    button: "nominations.email.review.button",
    note: "nominations.email.review.changes",
  },
} as const satisfies Record<string, Record<string, MessageKey>>;

/**
 * A mail that asks for the next step of nominating, with the link to take it: "request" to a
 * participant when nominating starts ("please nominate your raters before <deadline>"),
 * "review" to the lead when a participant submits ("nominations to approve").
 */
export function nominationRequestEmail(
  kind: keyof typeof TEXTS,
  options: {
    locale: Locale;
    organisationName: string;
    /** The recipient's first name. */
    firstName: string;
    /** Whose nominations they are, when the recipient is not the participant (the lead). */
    participantName?: string;
    cycleName: string;
    /** The nomination deadline (YYYY-MM-DD), if the round has one. */
    deadline: string | null;
    link: string;
  },
): EmailContent {
  const t = translator(options.locale);
  const texts = TEXTS[kind];
  const organisation = options.organisationName;
  const params = {
    cycle: options.cycleName,
    organisation,
    ...(options.participantName !== undefined ? { participant: options.participantName } : {}),
  };
  const blocks: EmailBlock[] = [
    { type: "paragraph", text: t("email.greeting", { name: options.firstName }) },
    { type: "paragraph", text: t(texts.intro, params) },
  ];
  if (options.deadline) {
    blocks.push({
      type: "paragraph",
      text: t(texts.deadline, { date: formatDay(options.deadline, options.locale) }),
    });
  }
  blocks.push(
    { type: "button", label: t(texts.button), href: options.link },
    { type: "small", text: t(texts.note) },
  );
  return renderEmail({
    lang: options.locale,
    subject: t(texts.subject, params),
    organisationName: organisation,
    blocks,
    footer: t("email.footer", { organisation }),
  });
}
