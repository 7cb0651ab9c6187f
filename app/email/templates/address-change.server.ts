import type { Locale } from "#db/schema";
import { translator } from "~/i18n/messages";
import { renderEmail, type EmailContent } from "../layout.server";

export function confirmAddressSubject(locale: Locale, organisationName: string): string {
  return translator(locale)("email.addressChange.subject", { organisation: organisationName });
}

/** To the address in force: HR asked to change it; only this mailbox can make it happen. */
export function confirmAddressEmail(options: {
  locale: Locale;
  organisationName: string;
  firstName: string;
  newEmail: string;
  link: string;
  validDays: number;
}): EmailContent {
  const t = translator(options.locale);
  const organisation = options.organisationName;
  return renderEmail({
    lang: options.locale,
    subject: confirmAddressSubject(options.locale, organisation),
    organisationName: organisation,
    blocks: [
      { type: "paragraph", text: t("email.greeting", { name: options.firstName }) },
      {
        type: "paragraph",
        text: t("email.addressChange.intro", { organisation, email: options.newEmail }),
      },
      { type: "paragraph", text: t("email.addressChange.confirm") },
      { type: "button", label: t("email.addressChange.button"), href: options.link },
      { type: "paragraph", text: t("email.addressChange.validity", { days: options.validDays }) },
      { type: "small", text: t("email.addressChange.notYou") },
    ],
    footer: t("email.footer", { organisation }),
  });
}

/** To the old address, after a change that needed no confirmation: so nothing goes unseen. */
export function addressChangedEmail(options: {
  locale: Locale;
  organisationName: string;
  firstName: string;
  newEmail: string;
}): EmailContent {
  const t = translator(options.locale);
  const organisation = options.organisationName;
  return renderEmail({
    lang: options.locale,
    subject: t("email.addressChanged.subject", { organisation }),
    organisationName: organisation,
    blocks: [
      { type: "paragraph", text: t("email.greeting", { name: options.firstName }) },
      {
        type: "paragraph",
        text: t("email.addressChanged.body", { organisation, email: options.newEmail }),
      },
      { type: "small", text: t("email.addressChanged.notYou") },
    ],
    footer: t("email.footer", { organisation }),
  });
}
