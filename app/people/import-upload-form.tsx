import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrorSummary, useKitForm, type FormResult } from "~/components/forms";
import { FileOrTextFields } from "~/components/upload-fields";
import { useTranslation } from "~/i18n/use-translation";
import { importUploadSchema, MAX_IMPORT_MEGABYTES } from "./import-upload-schema";

// The first step of an import: a CSV file, or its text pasted. Nothing is stored yet; the
// next page shows what the file would change.

export function ImportUploadForm({ lastResult }: { lastResult: FormResult | null | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useKitForm({ id: "importeren", schema: importUploadSchema, lastResult });
  const labels = {
    file: t("people.import.upload.file"),
    text: t("people.import.upload.text"),
  };
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      className="stack-form import-form"
    >
      <FormErrorSummary form={form} fields={fields} labels={labels} lastResult={lastResult} />
      <FileOrTextFields
        file={{
          field: fields.file,
          label: labels.file,
          hint: t("people.import.upload.fileHint", { megabytes: MAX_IMPORT_MEGABYTES }),
        }}
        text={{ field: fields.text, label: labels.text, hint: t("people.import.upload.textHint") }}
        accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
        rows={8}
      />
      <div className="form-actions">
        <button type="submit" className="button">
          {t("people.import.upload.submit")}
        </button>
        <p className="form-actions__hint">{t("people.import.upload.nothingYet")}</p>
      </div>
    </Form>
  );
}
