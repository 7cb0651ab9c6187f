import type { Locale } from "#db/schema";
import { translator } from "~/i18n/messages";
import { formatDay } from "~/utils/dates";
import { renderEmail, type EmailBlock, type EmailContent } from "../layout.server";

/** To a participant when nominating starts: "please nominate your raters before <deadline>". */
export function nominationRequestEmail(options: {
  locale: Locale;
  organisationName: string;
  firstName: string;
  cycleName: string;
  /** The nomination deadline (YYYY-MM-DD), if the round has one. */
  deadline: string | null;
  link: string;
}): EmailContent {
  const t = translator(options.locale);
  const organisation = options.organisationName;
  const cycle = options.cycleName;
  const blocks: EmailBlock[] = [
    { type: "paragraph", text: t("email.greeting", { name: options.firstName }) },
    { type: "paragraph", text: t("nominations.email.request.intro", { cycle, organisation }) },
  ];
  if (options.deadline) {
    blocks.push({
      type: "paragraph",
      text: t("nominations.email.request.deadline", {
        date: formatDay(options.deadline, options.locale),
      }),
    });
  }
  blocks.push(
    { type: "button", label: t("nominations.email.request.button"), href: options.link },
    { type: "small", text: t("nominations.email.request.automatic") },
  );
  return renderEmail({
    lang: options.locale,
    subject: t("nominations.email.request.subject", { cycle }),
    organisationName: organisation,
    blocks,
    footer: t("email.footer", { organisation }),
  });
}
