import type { Locale } from "#db/schema";
import { translator } from "~/i18n/messages";
import { renderEmail, type EmailBlock, type EmailContent } from "../layout.server";

/**
 * To the participant when the lead (or HR) approved their nominations, or changed them
 * afterwards. It may name the raters who were removed or added: nominations are not answers.
 */
export function nominationDecisionEmail(options: {
  locale: Locale;
  organisationName: string;
  firstName: string;
  cycleName: string;
  kind: "approved" | "changed";
  actorName: string;
  removed: readonly string[];
  added: readonly string[];
  link: string;
}): EmailContent {
  const t = translator(options.locale);
  const organisation = options.organisationName;
  const cycle = options.cycleName;
  const actor = options.actorName;
  const approved = options.kind === "approved";
  const blocks: EmailBlock[] = [
    { type: "paragraph", text: t("email.greeting", { name: options.firstName }) },
    {
      type: "paragraph",
      text: approved
        ? t("nominations.email.decision.approvedIntro", { actor, cycle })
        : t("nominations.email.decision.changedIntro", { actor, cycle }),
    },
  ];
  if (options.removed.length > 0) {
    blocks.push({
      type: "paragraph",
      text: t("nominations.email.decision.removed", { names: options.removed.join(", ") }),
    });
  }
  if (options.added.length > 0) {
    blocks.push({
      type: "paragraph",
      text: t("nominations.email.decision.added", { names: options.added.join(", ") }),
    });
  }
  blocks.push(
    { type: "paragraph", text: t("nominations.email.decision.next") },
    { type: "button", label: t("nominations.email.decision.button"), href: options.link },
  );
  return renderEmail({
    lang: options.locale,
    subject: approved
      ? t("nominations.email.decision.approvedSubject", { cycle })
      : t("nominations.email.decision.changedSubject", { cycle }),
    organisationName: organisation,
    blocks,
    footer: t("email.footer", { organisation }),
  });
}
