import { useEffect } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { withoutNotice, type Notice } from "~/utils/notices";

/**
 * The notice after a redirect (see app/utils/notices.ts), as a status message screen readers
 * announce. Once shown it is taken out of the address bar, so it is read once: a reload or a
 * bookmark does not show it again. (Without JavaScript the address keeps it; harmless.)
 */
export function NoticeBanner({ notice }: { notice: Notice | null | undefined }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!notice) return;
    const clean = withoutNotice(window.location.href, notice.countParams);
    const current = window.location.pathname + window.location.search + window.location.hash;
    // The router's own state stays as it is; only the visible address changes.
    if (clean !== current) window.history.replaceState(window.history.state, "", clean);
  }, [notice]);
  if (!notice) return null;
  return (
    <p className={`notice notice--${notice.tone}`} role="status">
      {[
        t(notice.key, { ...notice.params, count: notice.count }),
        ...Object.entries(notice.followUps ?? {}).flatMap(([placeholder, key]) => {
          const count = Number(notice.params?.[placeholder] ?? 0);
          return count > 0 ? [t(key, { count })] : [];
        }),
      ].join(" ")}
    </p>
  );
}
