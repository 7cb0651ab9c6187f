import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { messageRef, translator } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { stageImport } from "~/people/import.server";
import { ImportHelp } from "~/people/import-help";
import { ImportUploadForm } from "~/people/import-upload-form";
import {
  IMPORT_UPLOAD_FIELDS,
  importUploadSchema,
  MAX_IMPORT_BYTES,
  uploadTooLarge,
} from "~/people/import-upload-schema";
import { readTextUpload } from "~/people/import-upload.server";
import { UPLOAD_BODY_MAX_BYTES } from "~/security/body-limit.js";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("people.import.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr_admin");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const read = await readTextUpload(request, translator(await getLocale(request)), {
    fields: IMPORT_UPLOAD_FIELDS,
    maxPartBytes: MAX_IMPORT_BYTES,
    maxBodyBytes: UPLOAD_BODY_MAX_BYTES,
    schema: importUploadSchema,
    refusals: {
      tooLarge: uploadTooLarge,
      workbook: messageRef("people.import.upload.workbook"),
      binary: messageRef("people.import.upload.binary"),
    },
  });
  if (read.refused) return read.refused;
  const { upload } = read;
  const importId = await stageImport(await getDb(), user, upload);
  return redirect(`/beheer/mensen/importeren/${importId}`);
}

export default function ImportPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to="/beheer/mensen">{t("people.list.heading")}</Link>
      </p>
      <h1>{t("people.import.heading")}</h1>
      <p>{t("people.import.intro")}</p>
      <ImportUploadForm lastResult={actionData?.result} />
      <ImportHelp />
    </div>
  );
}
