import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useLocation } from "@remix-run/react";
import { useMemo } from "react";
import { describedBy, FieldError } from "~/components/field-error";
import { useTranslation } from "~/i18n/use-translation";
import { nominationFormMessages } from "../messages";
import { createProposalSchema, createReviewSchema, CUSTOMER_NAME_MAX } from "../nomination-forms";
import { NOTICE_PARAM } from "../notices";

interface CustomerFormProps {
  intent: "propose-customer" | "add-customer";
  title: string;
  intro: string;
  submitLabel: string;
  lastResult: SubmissionResult<string[]> | undefined;
}

/**
 * A customer by name and address (also outside the organisation), validated as the server
 * does. After a success (the redirect carries a notice) the form starts empty again; after a
 * refusal it keeps what was typed.
 */
export function CustomerForm(props: CustomerFormProps) {
  const location = useLocation();
  const succeeded = new URLSearchParams(location.search).has(NOTICE_PARAM);
  return <CustomerFormFields key={succeeded ? location.key : "klant"} {...props} />;
}

function CustomerFormFields({ intent, title, intro, submitLabel, lastResult }: CustomerFormProps) {
  const { t } = useTranslation();
  const schema = useMemo(() => {
    const messages = nominationFormMessages(t);
    return intent === "propose-customer"
      ? createProposalSchema(messages)
      : createReviewSchema(messages);
  }, [t, intent]);
  const [form, fields] = useForm({
    id: "klant",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const introId = "klant-intro";
  return (
    <section aria-labelledby="klant-title">
      <h2 id="klant-title">{title}</h2>
      <p id={introId}>{intro}</p>
      <Form method="post" {...getFormProps(form)} className="stack-form" preventScrollReset>
        <input type="hidden" name="intent" value={intent} />
        <div className="text-field">
          <label htmlFor={fields.name.id}>{t("nominations.customer.name")}</label>
          <FieldError id={fields.name.errorId} errors={fields.name.errors} />
          <input
            {...getInputProps(fields.name, { type: "text" })}
            maxLength={CUSTOMER_NAME_MAX}
            autoComplete="off"
            aria-describedby={describedBy(null, fields.name.errorId, fields.name.errors)}
          />
        </div>
        <div className="text-field">
          <label htmlFor={fields.email.id}>{t("nominations.customer.email")}</label>
          <FieldError id={fields.email.errorId} errors={fields.email.errors} />
          <input
            {...getInputProps(fields.email, { type: "email" })}
            autoComplete="off"
            inputMode="email"
            spellCheck={false}
            aria-describedby={describedBy(null, fields.email.errorId, fields.email.errors)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {submitLabel}
          </button>
        </div>
      </Form>
    </section>
  );
}
