import type { Locale } from "#db/schema";
import { translator } from "~/i18n/messages";
import { formatDay } from "~/utils/dates";
import { renderEmail, type EmailBlock, type EmailContent } from "../layout.server";

/** To the lead when a participant submits their nominations: "nominations to approve". */
export function nominationReviewEmail(options: {
  locale: Locale;
  organisationName: string;
  leadFirstName: string;
  participantName: string;
  cycleName: string;
  deadline: string | null;
  link: string;
}): EmailContent {
  const t = translator(options.locale);
  const organisation = options.organisationName;
  const participant = options.participantName;
  const blocks: EmailBlock[] = [
    { type: "paragraph", text: t("email.greeting", { name: options.leadFirstName }) },
    {
      type: "paragraph",
      text: t("nominations.email.review.intro", { participant, cycle: options.cycleName }),
    },
  ];
  if (options.deadline) {
    blocks.push({
      type: "paragraph",
      text: t("nominations.email.review.deadline", {
        date: formatDay(options.deadline, options.locale),
      }),
    });
  }
  blocks.push(
    { type: "button", label: t("nominations.email.review.button"), href: options.link },
    { type: "small", text: t("nominations.email.review.changes") },
  );
  return renderEmail({
    lang: options.locale,
    subject: t("nominations.email.review.subject", { participant }),
    organisationName: organisation,
    blocks,
    footer: t("email.footer", { organisation }),
  });
}
