import { getFormProps } from "@conform-to/react";
import { Form, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "~/utils/zod";
import { TextField, useKitForm, type FormResult, type KitField } from "~/components/forms";
import { NOTICE_PARAM } from "~/utils/notices";

// A rater named by hand, with a name and an address (also outside the organisation), instead
// of picked from the directory: the customer on the nomination pages, the outside rater on
// HR's page of a participant's invitations.

export interface NamedRaterFormProps {
  /** The form's id; its heading's and fields' ids start with it. */
  id: string;
  intent: string;
  title: string;
  headingLevel?: 2 | 3;
  intro?: string;
  labels: { name: string; email: string; submit: string };
  /** The schema the server parses the form with, so the browser checks it the same way. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  schema: z.ZodType<Record<string, any>, Record<string, any>>;
  nameMaxLength: number;
  lastResult: FormResult | undefined;
  defaultValue?: Record<string, unknown>;
  /** Where the form posts; the page itself (with its query) when left out. */
  action?: string;
  /** Fields after the address, such as the group the rater joins. */
  moreFields?: (fields: Record<string, KitField>) => ReactNode;
}

/**
 * After a success (the redirect carries a notice) the form starts empty again; after a
 * refusal it keeps what was typed.
 */
export function NamedRaterForm(props: NamedRaterFormProps) {
  const location = useLocation();
  const succeeded = new URLSearchParams(location.search).has(NOTICE_PARAM);
  return <NamedRaterFields key={succeeded ? location.key : props.id} {...props} />;
}

function NamedRaterFields({
  id,
  intent,
  title,
  headingLevel = 2,
  intro,
  labels,
  schema,
  nameMaxLength,
  lastResult,
  defaultValue,
  action,
  moreFields,
}: NamedRaterFormProps) {
  const [form, fields] = useKitForm({ id, schema, lastResult, defaultValue });
  // The schema may be a page's union of intents; this form is the part with a name and address.
  const { name, email } = fields as Record<"name" | "email", KitField>;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{title}</Heading>
      {intro ? <p>{intro}</p> : null}
      <Form
        method="post"
        action={action}
        {...getFormProps(form)}
        className="stack-form"
        preventScrollReset
      >
        <input type="hidden" name="intent" value={intent} />
        <TextField
          field={name}
          label={labels.name}
          inputProps={{ maxLength: nameMaxLength, autoComplete: "off" }}
        />
        <TextField
          field={email}
          label={labels.email}
          type="email"
          inputProps={{ autoComplete: "off", inputMode: "email", spellCheck: false }}
        />
        {moreFields?.(fields)}
        <div className="form-actions">
          <button type="submit" className="button">
            {labels.submit}
          </button>
        </div>
      </Form>
    </section>
  );
}
