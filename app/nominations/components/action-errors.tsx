import type { SubmissionResult } from "@conform-to/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "~/i18n/use-translation";

/**
 * The error summary after a refused post: every message of the answer, focused (and so
 * scrolled to and read out) when it appears.
 */
export function ActionErrors({ result }: { result: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const messages = [
    ...new Set(
      Object.values(result?.error ?? {})
        .flatMap((errors) => errors ?? [])
        .filter(Boolean),
    ),
  ];
  const hasMessages = messages.length > 0;
  useEffect(() => {
    if (hasMessages) ref.current?.focus();
  }, [result, hasMessages]);
  if (!hasMessages) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2>{t("nominations.page.errorsTitle")}</h2>
      <ul>
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
