/** The error line under a form field; its id is what the field's aria-describedby names. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={id}>
      {errors.join(" ")}
    </p>
  );
}

/** aria-describedby for a field with a hint and possibly an error. */
export function describedBy(hintId: string | null, errorId: string, errors?: string[]) {
  return [hintId, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
}
