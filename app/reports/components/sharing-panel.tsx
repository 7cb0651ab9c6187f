import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { SharingState } from "../report-access.server";

/** The participant shares the report with their manager, or stops sharing it (#delen). */
export function SharingPanel({ sharing }: { sharing: SharingState | null }) {
  const { t } = useTranslation();
  if (!sharing?.possible || !sharing.managerName) return null;
  return (
    <section aria-labelledby="delen" className="panel sharing">
      <h2 id="delen">{t("report.sharing.title")}</h2>
      <p>
        {sharing.shared
          ? t("report.sharing.shared", { manager: sharing.managerName })
          : t("report.sharing.notShared", { manager: sharing.managerName })}
      </p>
      {sharing.blocked ? (
        <p className="notice">{t("report.sharing.blocked", { manager: sharing.managerName })}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value={sharing.shared ? "unshare" : "share"} />
          <button type="submit" className="button button--secondary">
            {sharing.shared
              ? t("report.sharing.unshare")
              : t("report.sharing.share", { manager: sharing.managerName })}
          </button>
        </Form>
      )}
    </section>
  );
}
