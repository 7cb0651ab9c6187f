import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { FormErrorSummary, TextField, useKitForm, type FormResult } from "~/components/forms";
import { FileOrTextFields } from "~/components/upload-fields";
import { useTranslation } from "~/i18n/use-translation";
import {
  PROFILE_IMPORT_MAX_KILOBYTES,
  PROFILE_NAME_MAX,
  profileUploadSchema,
} from "../import-upload-schema";

// The first step of a profile import: a file or its text, and the profile's name. Nothing is
// stored in the library yet; the next page shows the profile as it would be stored.

export function ProfileUploadForm({ lastResult }: { lastResult: FormResult | null | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useKitForm({
    id: "profiel-importeren",
    schema: profileUploadSchema,
    lastResult,
  });
  const labels = {
    file: t("profiles.import.upload.file"),
    text: t("profiles.import.upload.text"),
    name: t("profiles.import.upload.name"),
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
          hint: t("profiles.import.upload.fileHint", { kilobytes: PROFILE_IMPORT_MAX_KILOBYTES }),
        }}
        text={{
          field: fields.text,
          label: labels.text,
          hint: t("profiles.import.upload.textHint"),
        }}
        accept=".md,.txt,text/markdown,text/plain"
        rows={10}
      />
      <TextField
        field={fields.name}
        label={labels.name}
        hint={t("profiles.import.upload.nameHint")}
        inputProps={{ maxLength: PROFILE_NAME_MAX, autoComplete: "off" }}
      />
      <div className="form-actions">
        <button type="submit" className="button">
          {t("profiles.import.upload.submit")}
        </button>
        <p className="form-actions__hint">{t("profiles.import.upload.nothingYet")}</p>
      </div>
    </Form>
  );
}
