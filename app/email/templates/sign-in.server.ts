import type { Locale } from "#db/schema";
import { translator } from "~/i18n/messages";
import { renderEmail, type EmailContent } from "../layout.server";

export function signInSubject(locale: Locale, organisationName: string): string {
  return translator(locale)("email.signIn.subject", { organisation: organisationName });
}

export function signInEmail(options: {
  locale: Locale;
  organisationName: string;
  /**
   * Other organisations where the address belongs to an active person too (from before
   * addresses were unique across organisations); each of them gets a mail of its own.
   */
  otherOrganisationNames?: readonly string[];
  firstName: string;
  link: string;
  code: string;
  validMinutes: number;
}): EmailContent {
  const t = translator(options.locale);
  const organisation = options.organisationName;
  return renderEmail({
    lang: options.locale,
    subject: signInSubject(options.locale, organisation),
    organisationName: organisation,
    blocks: [
      { type: "paragraph", text: t("email.greeting", { name: options.firstName }) },
      { type: "paragraph", text: t("email.signIn.intro", { organisation }) },
      ...(options.otherOrganisationNames?.length
        ? [
            {
              type: "paragraph" as const,
              text: t("email.signIn.severalOrganisations", {
                organisations: [organisation, ...options.otherOrganisationNames].join(", "),
                organisation,
              }),
            },
          ]
        : []),
      { type: "button", label: t("email.signIn.button"), href: options.link },
      { type: "code", label: t("email.signIn.codeLabel"), code: options.code },
      { type: "paragraph", text: t("email.signIn.validity", { minutes: options.validMinutes }) },
      { type: "small", text: t("email.signIn.notYou") },
    ],
    footer: t("email.footer", { organisation }),
  });
}
