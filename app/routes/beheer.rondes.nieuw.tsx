import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { CycleSettingsForm } from "~/cycles/components/cycle-settings-form";
import { profileChoices } from "~/profiles/library.server";
import {
  createCycleSettingsSchema,
  isCycleSettingsField,
  newCycleFormValues,
} from "~/cycles/cycle-schema";
import { createCycle } from "~/cycles/cycles.server";
import { CYCLE_NOTICES } from "~/cycles/notices";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { dayInOrganisation } from "~/utils/dates";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";
import { noticeLocation } from "~/utils/notices";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("cycles.new.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const today = dayInOrganisation();
  const profiles = await profileChoices(await getDb(), user.organisationId);
  return {
    today,
    profiles,
    defaultValue: newCycleFormValues(
      today,
      profiles.map((profile) => profile.id),
    ),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, isCycleSettingsField);
  const schema = createCycleSettingsSchema({
    profileIds: (await profileChoices(await getDb(), user.organisationId)).map(
      (profile) => profile.id,
    ),
    today: dayInOrganisation(),
  });
  const submission = parseWithZod(body, { schema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const cycleId = await createCycle(await getDb(), {
    organisationId: user.organisationId,
    actorPersonId: user.id,
    settings: submission.value,
  });
  return redirect(noticeLocation(`/beheer/rondes/${cycleId}`, CYCLE_NOTICES, "aangemaakt"));
}

export default function NewCyclePage() {
  const { today, profiles, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="container narrow">
      <p className="eyebrow">
        <Link to="/beheer/rondes">{t("cycles.list.title")}</Link>
      </p>
      <h1>{t("cycles.new.title")}</h1>
      <p>{t("cycles.new.intro")}</p>
      <CycleSettingsForm
        formId="nieuwe-ronde"
        profiles={profiles}
        today={today}
        defaultValue={defaultValue}
        lastResult={actionData?.result}
        submitLabel={t("cycles.new.submit")}
        cancelTo="/beheer/rondes"
      />
    </div>
  );
}
