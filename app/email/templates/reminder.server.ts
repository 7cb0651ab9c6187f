import { translator } from "~/i18n/messages";
import { renderEmail, type EmailContent } from "../layout.server";
import { raterLinkBlocks, type RaterLinksMail } from "./invitation-links.server";

/** A reminder to a rater: one mail per address, listing only the questionnaires still open. */
export function reminderEmail(mail: RaterLinksMail): EmailContent {
  const t = translator(mail.locale);
  const organisation = mail.organisationName;
  const params = { organisation, cycle: mail.cycleName, count: mail.links.length };
  return renderEmail({
    lang: mail.locale,
    subject: t("invitations.email.reminder.subject", { cycle: mail.cycleName }),
    organisationName: organisation,
    blocks: [
      { type: "paragraph", text: t("email.greeting", { name: mail.raterName }) },
      {
        type: "paragraph",
        text: t(
          mail.links.length > 1
            ? "invitations.email.reminder.intro.many"
            : "invitations.email.reminder.intro.one",
          params,
        ),
      },
      ...raterLinkBlocks(mail),
    ],
    footer: t("email.footer", { organisation }),
  });
}
