import { useEffect, useRef } from "react";
import { useTranslation } from "~/i18n/use-translation";

export interface SummaryField {
  /** The id of the control the link leads to. */
  id: string;
  label: string;
  errors?: string[];
}

/**
 * The problems of a refused form, each linking to its field, above the form. It takes focus
 * after every refused submit (`attempt` changes), so a screen reader user hears what to fix.
 */
export function FormErrorSummary({
  id,
  formErrors,
  fields,
  attempt,
}: {
  id: string;
  formErrors?: string[];
  fields: SummaryField[];
  /** Counts refused submits (in the browser and from the server); 0 before the first. */
  attempt: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const withErrors = fields.filter((field) => field.errors?.length);
  const hasProblems = Boolean(formErrors?.length) || withErrors.length > 0;
  useEffect(() => {
    if (attempt > 0 && hasProblems) ref.current?.focus();
  }, [attempt, hasProblems]);
  if (!hasProblems) return null;
  return (
    <div
      className="error-summary"
      role="region"
      tabIndex={-1}
      ref={ref}
      id={id}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{t("cycles.form.errorSummary")}</h2>
      <ul>
        {formErrors?.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {withErrors.map((field) => (
          <li key={field.id}>
            <a href={`#${field.id}`}>
              {field.label}: {field.errors?.join(" ")}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
