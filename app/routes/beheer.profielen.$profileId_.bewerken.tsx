import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { ProfileEditForm } from "~/profiles/components/profile-edit-form";
import { profileEditAction } from "~/profiles/edit-action.server";
import { editorPage } from "~/profiles/edit.server";
import { PROFILE_EDIT_BODY_MAX_BYTES } from "~/security/body-limit.js";
import { readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { conflict, notFound } from "~/utils/http-errors.server";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) =>
    data ? t("profiles.edit.title", { name: data.profile.name }) : t("error.notFound.title"),
  );
export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const page = await editorPage(await getDb(), user.organisationId, params.profileId ?? "");
  // Another organisation's profile (or none) is a 404, never a 403.
  if (page === null) throw notFound();
  if (page === "retired")
    throw conflict(translator(await getLocale(request)), "profiles.edit.issue.retired");
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const t = translator(await getLocale(request));
  const body = await readFormBody(request, PROFILE_EDIT_BODY_MAX_BYTES);
  return profileEditAction(await getDb(), t, user, params.profileId ?? "", body);
}

export default function EditProfilePage() {
  const { profile, version, values, sharedCounts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="container narrow">
      <p className="eyebrow">
        <Link to={`/beheer/profielen/${profile.id}`}>{profile.name}</Link>
      </p>
      <h1>{t("profiles.edit.title", { name: profile.name })}</h1>
      <p>{t("profiles.edit.intro", { version })}</p>
      <ProfileEditForm
        values={values}
        version={version}
        sharedCounts={sharedCounts}
        lastResult={actionData?.result}
        review={actionData?.review}
      />
      <p>
        <Link to={`/beheer/profielen/${profile.id}`}>{t("profiles.edit.cancel")}</Link>
      </p>
    </div>
  );
}
