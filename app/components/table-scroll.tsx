import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";

/**
 * A wide table that scrolls sideways on a narrow screen. The region is focusable so that
 * keyboard users can scroll it too (WCAG 2.1.1). Its name says it is a table ("Tabel:
 * Medewerkers"), so it never repeats the name of the section around it.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const name = t("table.label", { name: label });
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard
    <div className="table-scroll" tabIndex={0} role="region" aria-label={name}>
      {children}
    </div>
  );
}
