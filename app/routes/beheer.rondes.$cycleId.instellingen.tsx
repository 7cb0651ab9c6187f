import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CycleSettingsForm } from "~/cycles/components/cycle-settings-form";
import { SettingsSummary } from "~/cycles/components/settings-summary";
import { requireCycleForHr } from "~/cycles/cycle-access.server";
import { profileChoices, profileNameOf } from "~/profiles/library.server";
import {
  createCycleSettingsSchema,
  cycleSettingsFormValues,
  isCycleSettingsField,
} from "~/cycles/cycle-schema";
import { settingsFromCycle, updateCycleSettings } from "~/cycles/cycles.server";
import { CYCLE_NOTICES } from "~/cycles/notices";
import { LOCK_REASON_MESSAGE } from "~/cycles/settings-description";
import {
  allSettingsLocked,
  changedFields,
  fieldLocks,
  settingsLocks,
} from "~/cycles/settings-locks";
import { messageRef } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { dayInOrganisation } from "~/utils/dates";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";
import { noticeLocation } from "~/utils/notices";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) =>
    data ? t("cycles.edit.title", { name: data.cycle.name }) : t("error.notFound.title"),
  );
export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, cycle } = await requireCycleForHr(request, params.cycleId);
  const settings = settingsFromCycle(cycle);
  const locks = settingsLocks({
    status: cycle.status,
    thresholdsLockedAt: cycle.thresholds_locked_at,
  });
  return {
    cycle: { id: cycle.id, name: cycle.name },
    today: dayInOrganisation(),
    // Once the profile is locked the page shows only the round's own: no list to choose from.
    profiles: locks.profile ? [] : await profileChoices(db, cycle.organisation_id),
    saved: {
      settings,
      profileName: await profileNameOf(db, cycle.organisation_id, cycle.profile_key),
      locks,
    },
    allLocked: allSettingsLocked({
      status: cycle.status,
      thresholdsLockedAt: cycle.thresholds_locked_at,
    }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, cycle } = await requireCycleForHr(request, params.cycleId);
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, isCycleSettingsField);
  const lockFacts = { status: cycle.status, thresholdsLockedAt: cycle.thresholds_locked_at };
  const locks = fieldLocks(lockFacts);
  const saved = settingsFromCycle(cycle);
  const schema = createCycleSettingsSchema({
    // A launched cycle keeps its profile, even one retired since (as the form in the browser
    // allows).
    profileIds: [
      ...(await profileChoices(db, cycle.organisation_id)).map((profile) => profile.id),
      ...(locks.profileKey ? [cycle.profile_key] : []),
    ],
    today: dayInOrganisation(),
    savedDeadlines: {
      nominationDeadline: saved.nominationDeadline,
      answerDeadline: saved.answerDeadline,
    },
  });
  const submission = parseWithZod(body, { schema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const changed = changedFields(saved, submission.value);
  const lockedChanges = changed.filter((field) => locks[field] !== null);
  if (lockedChanges.length > 0) {
    return data(
      {
        result: submission.reply({
          formErrors: [messageRef("cycles.edit.lockedNotChanged")],
          fieldErrors: Object.fromEntries(
            lockedChanges.map((field) => [field, [messageRef(LOCK_REASON_MESSAGE[locks[field]!])]]),
          ),
        }),
      },
      { status: 409 },
    );
  }
  const backToCycle = `/beheer/rondes/${cycle.id}`;
  if (changed.length === 0) {
    return redirect(noticeLocation(backToCycle, CYCLE_NOTICES, "ongewijzigd"));
  }
  const outcome = await updateCycleSettings(db, {
    cycle,
    actorPersonId: user.id,
    settings: submission.value,
    changedFields: changed.length,
  });
  if (outcome === "conflict") {
    return data(
      { result: submission.reply({ formErrors: [messageRef("cycles.edit.conflict")] }) },
      { status: 409 },
    );
  }
  return redirect(noticeLocation(backToCycle, CYCLE_NOTICES, "opgeslagen"));
}

export default function CycleSettingsPage() {
  const { cycle, today, profiles, saved, allLocked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="container narrow">
      <p className="eyebrow">
        <Link to={`/beheer/rondes/${cycle.id}`}>{cycle.name}</Link>
      </p>
      <h1>{t("cycles.edit.heading")}</h1>
      {allLocked ? (
        <>
          <p className="notice">{t("cycles.edit.allLocked")}</p>
          <SettingsSummary settings={saved.settings} profileName={saved.profileName} />
          <p>
            <Link to={`/beheer/rondes/${cycle.id}`}>{t("cycles.edit.back")}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("cycles.edit.intro")}</p>
          <CycleSettingsForm
            formId="instellingen"
            profiles={profiles}
            today={today}
            defaultValue={cycleSettingsFormValues(saved.settings)}
            saved={saved}
            lastResult={actionData?.result}
            submitLabel={t("cycles.edit.submit")}
            cancelTo={`/beheer/rondes/${cycle.id}`}
          />
        </>
      )}
    </div>
  );
}
