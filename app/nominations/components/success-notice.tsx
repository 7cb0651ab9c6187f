import { useTranslation } from "~/i18n/use-translation";
import type { Notice } from "../notices";

export function SuccessNotice({ notice }: { notice: Notice | null }) {
  const { t } = useTranslation();
  if (!notice) return null;
  return (
    <p className="notice notice--success" role="status">
      {t(notice.key, { count: notice.count })}
    </p>
  );
}
