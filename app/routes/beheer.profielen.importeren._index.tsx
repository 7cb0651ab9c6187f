import {
  data,
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
import { readTextUpload } from "~/people/import-upload.server";
import { ProfileUploadForm } from "~/profiles/components/import-upload-form";
import { stageProfileImport } from "~/profiles/import.server";
import {
  isMarkdownUpload,
  PROFILE_IMPORT_MAX_BYTES,
  PROFILE_UPLOAD_FIELDS,
  profileUploadSchema,
  profileUploadTooLarge,
} from "~/profiles/import-upload-schema";
import { slugify } from "~/profiles/plain-text-import";
import { PROFILE_UPLOAD_BODY_MAX_BYTES } from "~/security/body-limit.js";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("profiles.import.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr_admin");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const read = await readTextUpload(request, translator(await getLocale(request)), {
    fields: PROFILE_UPLOAD_FIELDS,
    maxPartBytes: PROFILE_IMPORT_MAX_BYTES,
    maxBodyBytes: PROFILE_UPLOAD_BODY_MAX_BYTES,
    schema: profileUploadSchema,
    refusals: {
      tooLarge: profileUploadTooLarge,
      workbook: messageRef("profiles.import.upload.workbook"),
      binary: messageRef("profiles.import.upload.binary"),
    },
  });
  if (read.refused) return read.refused;
  const { submission, upload } = read;
  const name = submission.value.name ?? null;
  // Plain text takes its key from the name, so the name needs a letter or digit.
  if (!isMarkdownUpload(upload) && !slugify(name ?? "")) {
    const reason = messageRef(
      name ? "profiles.import.upload.nameNoKey" : "profiles.import.upload.nameRequired",
    );
    return data({ result: submission.reply({ fieldErrors: { name: [reason] } }) }, { status: 400 });
  }
  const importId = await stageProfileImport(await getDb(), user, {
    fileName: upload.fileName,
    name,
    content: upload.content,
  });
  return redirect(`/beheer/profielen/importeren/${importId}`);
}

export default function ProfileImportPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="container narrow">
      <p className="eyebrow">
        <Link to="/beheer/profielen">{t("profiles.library.title")}</Link>
      </p>
      <h1>{t("profiles.import.title")}</h1>
      <p>{t("profiles.import.intro")}</p>
      <ProfileUploadForm lastResult={actionData?.result} />
    </div>
  );
}
