import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from "react";
import type { z } from "~/utils/zod";
import { translateMessageRef, type Translate } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";

// The form kit: the one way to build a form in Rondom. Schemas (zod) say what is wrong with
// message references (`messageRef("people.issue.emailInvalid")`), never with text; the
// server answers with the same references (`submission.reply()`), and the parts below
// translate them in the reader's language. Every form is a plain <Form method="post"> that
// works without JavaScript; with JavaScript the same schema checks it before it is sent.
// docs/contributing.md shows a whole form built from these parts.

/** What a route's action returns for a form: Conform's answer, with message references. */
export type FormResult = SubmissionResult<string[]>;

type AnyField = FieldMetadata<unknown, Record<string, unknown>, string[]>;
/** Any field of any form; the kit only reads its id, name, key and errors. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type KitField = FieldMetadata<any, any, string[]>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FormShape = Record<string, any>;

/** Counts the submits the browser refused; see `useKitForm`. */
interface RefusedSubmits {
  /** How many submits the browser refused (the schema found problems before sending). */
  attempt: number;
}

/**
 * Conform's useForm with Rondom's settings: check on submit, then again on every input
 * (so an error goes away as soon as it is fixed), with the same schema as the server.
 * The form also counts the submits the browser refused (`form.attempt`), so the error summary
 * takes focus then too, in every form alike, not only when the server refuses.
 */
export function useKitForm<Schema extends z.ZodType<FormShape, FormShape>>(options: {
  id: string;
  /**
   * The form's schema; or, for a form whose buttons ask for different checks (save a draft,
   * send), a function that picks the schema for the data being checked.
   */
  schema: Schema | ((formData: FormData) => Schema);
  lastResult?: FormResult | null;
  defaultValue?: Record<string, unknown>;
}) {
  const { id, schema, lastResult, defaultValue } = options;
  const [form, fields] = useForm<z.input<Schema>, z.output<Schema>, string[]>({
    id,
    lastResult: lastResult ?? undefined,
    defaultValue: defaultValue as never,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseWithZod(formData, {
        schema: typeof schema === "function" ? schema(formData) : schema,
      }),
  });
  const [attempt, setAttempt] = useState(0);
  // Conform's form is a proxy that reads its state lazily; this one hands out the same
  // values, with a submit handler that counts the refusals and the count itself.
  const kitForm = new Proxy(form, {
    get(target, key) {
      if (key === "attempt") return attempt;
      if (key === "onSubmit") {
        return (event: FormEvent<HTMLFormElement>) => {
          target.onSubmit(event);
          if (event.defaultPrevented) setAttempt((count) => count + 1);
        };
      }
      return Reflect.get(target, key);
    },
  }) as typeof form & RefusedSubmits;
  return [kitForm, fields] as const;
}

export function translateErrors(t: Translate, errors: readonly string[] | undefined): string[] {
  return [...new Set((errors ?? []).filter(Boolean).map((ref) => translateMessageRef(t, ref)))];
}

/** The error line of a field; its id is what the field's aria-describedby names. */
export function ErrorList({ id, errors }: { id: string; errors?: readonly string[] }) {
  const { t } = useTranslation();
  const texts = translateErrors(t, errors);
  if (texts.length === 0) return null;
  return (
    <p className="field-error" id={id}>
      {texts.join(" ")}
    </p>
  );
}

/** aria-describedby for a control with an optional hint and possibly an error. */
export function describedBy(
  hintId: string | null | undefined,
  errorId: string,
  errors?: readonly string[],
): string | undefined {
  return [hintId, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
}

type InputType =
  "text" | "email" | "number" | "date" | "search" | "password" | "tel" | "url" | "file";

/** The id of a field's hint, when it has one. */
function hintIdOf(field: KitField, hint: ReactNode): string | undefined {
  return hint ? `${field.id}-hint` : undefined;
}

/**
 * What every labelled field shares: label, hint, error line, then the control, which gets
 * the aria-describedby that names the hint and the error.
 */
function FieldFrame({
  field,
  label,
  hint,
  className,
  children,
}: {
  field: KitField;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
  children: (ariaDescribedBy: string | undefined) => ReactNode;
}) {
  const hintId = hintIdOf(field, hint);
  return (
    <div className={className ? `text-field ${className}` : "text-field"}>
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
      {children(describedBy(hintId, field.errorId, field.errors))}
    </div>
  );
}

interface FieldProps {
  field: KitField;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
}

/** A labelled text input. */
export function TextField({
  type = "text",
  inputProps,
  ...frame
}: FieldProps & {
  type?: InputType;
  /** Anything else for the input: autoComplete, inputMode, maxLength, min, max, … */
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
}) {
  const { field } = frame;
  return (
    <FieldFrame {...frame}>
      {(ariaDescribedBy) => (
        <input
          {...getInputProps(field as AnyField, { type })}
          key={field.key}
          {...inputProps}
          aria-describedby={ariaDescribedBy}
        />
      )}
    </FieldFrame>
  );
}

/** A labelled multi-line text field. */
export function TextAreaField({
  textareaProps,
  ...frame
}: FieldProps & { textareaProps?: TextareaHTMLAttributes<HTMLTextAreaElement> }) {
  const { field } = frame;
  return (
    <FieldFrame {...frame}>
      {(ariaDescribedBy) => (
        <textarea
          {...getTextareaProps(field as AnyField)}
          key={field.key}
          {...textareaProps}
          aria-describedby={ariaDescribedBy}
        />
      )}
    </FieldFrame>
  );
}

export interface Choice {
  value: string;
  label: ReactNode;
  /** Shown but not choosable (someone invited already, say); the label says why. */
  disabled?: boolean;
}

/** A labelled drop-down list. */
export function SelectField({
  options,
  emptyOption,
  ...frame
}: Omit<FieldProps, "className"> & {
  options: readonly Choice[];
  /** The label of a first, empty choice ("no team"), when the field may be left empty. */
  emptyOption?: ReactNode;
}) {
  const { field } = frame;
  return (
    <FieldFrame {...frame}>
      {(ariaDescribedBy) => (
        <select
          {...getSelectProps(field as AnyField)}
          key={field.key}
          aria-describedby={ariaDescribedBy}
        >
          {emptyOption !== undefined ? <option value="">{emptyOption}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/**
 * A group of radio buttons (or, with `type="checkbox"`, check boxes) in a fieldset whose
 * legend is the question. The fieldset carries the hint and the error, so a screen reader
 * announces them once for the group rather than for every choice.
 */
export function RadioGroup({
  field,
  legend,
  hint,
  choices,
  type = "radio",
  className,
}: {
  field: KitField;
  legend: ReactNode;
  hint?: ReactNode;
  choices: readonly Choice[];
  type?: "radio" | "checkbox";
  className?: string;
}) {
  const hintId = hintIdOf(field, hint);
  return (
    // The fieldset has the field's id (each choice has an id of its own), so the error
    // summary's link leads to the group.
    <fieldset
      id={field.id}
      tabIndex={-1}
      className={className ? `choice-group ${className}` : "choice-group"}
      aria-describedby={describedBy(hintId, field.errorId, field.errors)}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
      {choices.map((choice) => (
        <label className="checkbox" key={choice.value}>
          <input
            {...getInputProps(field as AnyField, { type, value: choice.value })}
            key={`${field.key}-${choice.value}`}
            id={`${field.id}-${choice.value}`}
            disabled={choice.disabled}
            aria-invalid={undefined}
            aria-describedby={undefined}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

/** A field as the error summary lists it: where it is and what it is called. */
export interface SummaryField {
  /** The id of the control the link leads to. */
  id: string;
  label: string;
  errors?: readonly string[];
  /**
   * The whole line instead of "label: errors", for an entry that stands for several fields
   * with one problem ("Communiceren: 2 vragen zonder antwoord").
   */
  text?: string;
}

/** The fields of a Conform form for the summary, labelled. */
function summaryFields(
  fields: Record<string, KitField>,
  labels: Record<string, string>,
): SummaryField[] {
  return Object.entries(labels).flatMap(([name, label]) => {
    const field = fields[name];
    return field ? [{ id: field.id, label, errors: field.errors }] : [];
  });
}

/**
 * The answer to a refused post with nothing to point at but the form: a one-button form, or
 * a refusal that came before the form could be checked. Message references, like a reply.
 * The page shows it with `RefusalSummary`.
 */
export function formRefusal(...messages: string[]): FormResult {
  return { status: "error", error: { "": messages } };
}

/** Every message of a server answer, the form's own and every field's. */
export function allErrorsOf(result: FormResult | null | undefined): string[] {
  return Object.values(result?.error ?? {}).flatMap((errors) => errors ?? []);
}

/**
 * The base of the two error summaries below: the problems of a refused form, above it (the
 * form's own messages, then each field's, linking to the field). It takes focus, so it is
 * scrolled to and a screen reader reads what to fix, when the server refuses a post (a new
 * `lastResult` with errors) or the browser refuses a submit (`attempt` goes up); only then,
 * not when a problem comes back while someone types.
 */
export function ErrorSummary({
  id,
  title,
  formErrors,
  fields = [],
  lastResult,
  role = "region",
  attempt = 0,
  listId,
  children,
}: {
  id: string;
  /** Defaults to "Controleer het formulier". */
  title?: string;
  /** Message references of the form as a whole (Conform's `form.errors`). */
  formErrors?: readonly string[];
  fields?: readonly SummaryField[];
  lastResult?: FormResult | null;
  /** "alert" where the summary replaces the page's main message (a refused one-button form). */
  role?: "region" | "alert";
  /** The submits the browser refused (the kit form's `form.attempt`). */
  attempt?: number;
  /**
   * The id of the list of problems: what the form's `aria-describedby` names once it has
   * errors of its own (Conform's `form.errorId`, set by getFormProps).
   */
  listId?: string;
  /** What to do about it, under the list (a link to start again). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // The server answer and the refused submit the summary has already answered by taking focus.
  const handled = useRef<{ result: FormResult | null | undefined; attempt: number }>({
    result: null,
    attempt: 0,
  });
  const formTexts = translateErrors(t, formErrors);
  const withErrors = fields.filter((field) => field.errors?.length);
  const hasProblems = formTexts.length > 0 || withErrors.length > 0;
  useEffect(() => {
    const refusedByServer =
      lastResult !== handled.current.result && allErrorsOf(lastResult).length > 0;
    const refusedByBrowser = attempt > handled.current.attempt;
    handled.current = { result: lastResult, attempt };
    if ((refusedByServer || refusedByBrowser) && hasProblems) ref.current?.focus();
  }, [lastResult, attempt, hasProblems]);
  if (!hasProblems) return null;
  return (
    <div
      className="error-summary"
      role={role}
      tabIndex={-1}
      ref={ref}
      id={id}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{title ?? t("form.errorSummary.title")}</h2>
      <ul id={listId}>
        {formTexts.map((text) => (
          <li key={text}>{text}</li>
        ))}
        {withErrors.map((field) => (
          <li key={field.id}>
            <a href={`#${field.id}`}>
              {field.text ?? `${field.label}: ${translateErrors(t, field.errors).join(" ")}`}
            </a>
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}

/**
 * The error summary of a kit form (`useKitForm`): its own errors and its labelled fields'
 * errors; takes focus when the server or the browser refuses the form.
 */
export function FormErrorSummary({
  form,
  fields = {},
  labels = {},
  lastResult,
  title,
  role,
}: {
  form: { id: string; errorId?: string; errors?: string[]; attempt?: number };
  fields?: Record<string, KitField>;
  labels?: Record<string, string>;
  lastResult?: FormResult | null;
  title?: string;
  /** "alert" for a form that, refused, comes back as a new page without JavaScript. */
  role?: "region" | "alert";
}) {
  return (
    <ErrorSummary
      id={`${form.id}-errors`}
      listId={form.errorId}
      title={title}
      formErrors={form.errors}
      fields={summaryFields(fields, labels)}
      lastResult={lastResult}
      attempt={form.attempt}
      role={role}
    />
  );
}

/**
 * The summary of a refused post that is not tied to one form's fields (a one-button form,
 * a page-level action): every message of the server's answer, as an alert that takes focus.
 */
export function RefusalSummary({
  id,
  result,
  title,
  listId,
}: {
  id: string;
  result: FormResult | null | undefined;
  title?: string;
  /** See ErrorSummary: the id the refused form's `aria-describedby` names. */
  listId?: string;
}) {
  return (
    <ErrorSummary
      id={id}
      role="alert"
      title={title}
      formErrors={allErrorsOf(result)}
      lastResult={result}
      listId={listId}
    />
  );
}
