import type { Locale } from "#db/schema";
import { translator } from "~/i18n/messages";
import { renderEmail, type EmailContent } from "../layout.server";

/** "Your report is ready": the link leads to the report, behind the sign-in. */
export function reportReadyEmail(options: {
  locale: Locale;
  organisationName: string;
  firstName: string;
  cycleName: string;
  reportUrl: string;
  /** Whether the participant may share the report with their manager in this round. */
  mayShareWithManager: boolean;
}): EmailContent {
  const t = translator(options.locale);
  const organisation = options.organisationName;
  return renderEmail({
    lang: options.locale,
    subject: t("invitations.email.reportReady.subject", { cycle: options.cycleName }),
    organisationName: organisation,
    blocks: [
      { type: "paragraph", text: t("email.greeting", { name: options.firstName }) },
      {
        type: "paragraph",
        text: t("invitations.email.reportReady.intro", { cycle: options.cycleName }),
      },
      { type: "button", label: t("invitations.email.reportReady.button"), href: options.reportUrl },
      {
        type: "small",
        text: t(
          options.mayShareWithManager
            ? "invitations.email.reportReady.private"
            : "invitations.email.reportReady.privateNoSharing",
        ),
      },
    ],
    footer: t("email.footer", { organisation }),
  });
}
