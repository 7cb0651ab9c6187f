import { translator } from "~/i18n/messages";
import { renderEmail, type EmailContent } from "../layout.server";
import { raterLinkBlocks, type RaterLinksMail } from "./invitation-links.server";

/**
 * The invitation to a rater: one mail per address for the whole round, listing every
 * questionnaire they are asked for (a lead rating eight team members gets one mail, not nine).
 */
export function invitationEmail(mail: RaterLinksMail): EmailContent {
  const t = translator(mail.locale);
  const organisation = mail.organisationName;
  const params = { organisation, cycle: mail.cycleName, count: mail.links.length };
  return renderEmail({
    lang: mail.locale,
    subject: t("invitations.email.invitation.subject", { cycle: mail.cycleName }),
    organisationName: organisation,
    blocks: [
      { type: "paragraph", text: t("email.greeting", { name: mail.raterName }) },
      {
        type: "paragraph",
        text: t(
          mail.links.length > 1
            ? "invitations.email.invitation.intro.many"
            : "invitations.email.invitation.intro.one",
          params,
        ),
      },
      ...raterLinkBlocks(mail),
    ],
    footer: t("email.footer", { organisation }),
  });
}
