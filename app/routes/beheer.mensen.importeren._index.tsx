import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useMemo } from "react";
import { requireRole } from "~/auth/guards.server";
import { describedBy, FieldError } from "~/components/field-error";
import { TableScroll } from "~/components/table-scroll";
import { getDb } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { translator, type MessageKey, type Translate } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { COLUMN_ALIASES, type ImportColumn } from "~/people/columns";
import { stageImport } from "~/people/import.server";
import {
  createImportUploadSchema,
  MAX_IMPORT_BYTES,
  type ImportUploadMessages,
} from "~/people/import-upload-schema";
import { readImportForm, uploadedText } from "~/people/import-upload.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("people.import.title"));
export const headers = privatePageHeaders;

const MAX_MEGABYTES = MAX_IMPORT_BYTES / (1024 * 1024);

function uploadMessages(t: Translate): ImportUploadMessages {
  return {
    missing: t("people.import.upload.missing"),
    both: t("people.import.upload.both"),
    tooLarge: t("people.import.upload.tooLarge", { megabytes: MAX_MEGABYTES }),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr_admin");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const t = translator(await getLocale(request));
  const formData = await readImportForm(request);
  if (formData === "too_large") {
    return data({ result: undefined, tooLarge: true }, { status: 413 });
  }
  const submission = parseWithZod(formData, {
    schema: createImportUploadSchema(uploadMessages(t)),
  });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), tooLarge: false }, { status: 400 });
  }
  const upload = await uploadedText(submission.value);
  if (upload.status !== "ok") {
    const reason = t(
      upload.status === "workbook"
        ? "people.import.upload.workbook"
        : "people.import.upload.binary",
    );
    return data(
      { result: submission.reply({ formErrors: [reason] }), tooLarge: false },
      { status: 400 },
    );
  }
  const importId = await stageImport(await getDb(), user, upload);
  return redirect(`/beheer/mensen/importeren/${importId}`);
}

export default function ImportPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const messages = useMemo(() => uploadMessages(t), [t]);
  const [form, fields] = useForm({
    id: "importeren",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: createImportUploadSchema(messages) }),
  });
  const formErrors = [...(actionData?.tooLarge ? [messages.tooLarge] : []), ...(form.errors ?? [])];
  const fileHintId = `${fields.file.id}-hint`;
  const textHintId = `${fields.text.id}-hint`;
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to="/beheer/mensen">{t("people.list.heading")}</Link>
      </p>
      <h1>{t("people.import.heading")}</h1>
      <p>{t("people.import.intro")}</p>
      {formErrors.length > 0 ? (
        <div className="error-summary" role="alert" id={form.errorId}>
          <p>{formErrors.join(" ")}</p>
        </div>
      ) : null}
      <Form
        method="post"
        encType="multipart/form-data"
        {...getFormProps(form)}
        className="stack-form import-form"
      >
        <div className="text-field">
          <label htmlFor={fields.file.id}>{t("people.import.upload.file")}</label>
          <p className="hint" id={fileHintId}>
            {t("people.import.upload.fileHint", { megabytes: MAX_MEGABYTES })}
          </p>
          <FieldError id={fields.file.errorId} errors={fields.file.errors} />
          <input
            {...getInputProps(fields.file, { type: "file" })}
            accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
            aria-describedby={describedBy(fileHintId, fields.file.errorId, fields.file.errors)}
          />
        </div>
        <div className="text-field">
          <label htmlFor={fields.text.id}>{t("people.import.upload.text")}</label>
          <p className="hint" id={textHintId}>
            {t("people.import.upload.textHint")}
          </p>
          <FieldError id={fields.text.errorId} errors={fields.text.errors} />
          <textarea
            {...getTextareaProps(fields.text)}
            key={fields.text.key}
            rows={8}
            spellCheck={false}
            className="import-text"
            aria-describedby={describedBy(textHintId, fields.text.errorId, fields.text.errors)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t("people.import.upload.submit")}
          </button>
          <p className="form-actions__hint">{t("people.import.upload.nothingYet")}</p>
        </div>
      </Form>
      <ImportHelp />
    </div>
  );
}

const COLUMN_HELP: { column: ImportColumn; required: boolean; meaning: MessageKey }[] = [
  { column: "employeeNumber", required: true, meaning: "people.import.help.employeeNumber" },
  { column: "name", required: true, meaning: "people.import.help.name" },
  { column: "firstName", required: false, meaning: "people.import.help.firstName" },
  { column: "lastName", required: false, meaning: "people.import.help.lastName" },
  { column: "email", required: true, meaning: "people.import.help.email" },
  { column: "team", required: false, meaning: "people.import.help.team" },
  { column: "lead", required: false, meaning: "people.import.help.lead" },
  { column: "role", required: false, meaning: "people.import.help.role" },
  { column: "language", required: false, meaning: "people.import.help.language" },
];

const EXAMPLE = [
  "Personeelsnummer;Naam;E-mail;Team;Leidinggevende;Rol;Taal",
  "100234;Sanne de Vries;s.devries@gemeente.example;Dienstverlening;100234;;nl",
  "100871;Vries, Pieter de;p.devries@gemeente.example;Dienstverlening > Publiekszaken;100912;;",
  "100912;Aylin Yılmaz;a.yilmaz@gemeente.example;Dienstverlening > Publiekszaken;100912;;English",
  "101005;Mark Janssen;m.janssen@gemeente.example;Dienstverlening > Publiekszaken;100912;HR;",
].join("\n");

function ImportHelp() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="help-title" className="import-help">
      <h2 id="help-title">{t("people.import.help.title")}</h2>
      <p>{t("people.import.help.format")}</p>
      <TableScroll label={t("people.import.help.columns")}>
        <table className="data-table">
          <caption className="visually-hidden">{t("people.import.help.columns")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("people.import.help.column")}</th>
              <th scope="col">{t("people.import.help.aliases")}</th>
              <th scope="col">{t("people.import.help.meaning")}</th>
            </tr>
          </thead>
          <tbody>
            {COLUMN_HELP.map(({ column, required, meaning }) => {
              const [name, ...aliases] = COLUMN_ALIASES[column];
              return (
                <tr key={column}>
                  <th scope="row">
                    {name}
                    {required ? ` (${t("people.import.help.required")})` : null}
                  </th>
                  <td>{aliases.join(", ")}</td>
                  <td>{t(meaning)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p>{t("people.import.help.rules")}</p>
      <h3>{t("people.import.help.example")}</h3>
      <pre className="import-example">
        <code>{EXAMPLE}</code>
      </pre>
    </section>
  );
}
