import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { NoticeBanner } from "~/components/notice";
import { CycleProgress } from "~/cycles/components/cycle-progress";
import { CycleFinished, NextStep } from "~/cycles/components/next-step";
import { CycleSettingsSection } from "~/cycles/components/settings-summary";
import { StatusIntro, StatusSteps } from "~/cycles/components/status-steps";
import { requireCycleForHr } from "~/cycles/cycle-access.server";
import { loadCyclePage } from "~/cycles/dashboard.server";
import { runTransition } from "~/cycles/lifecycle.server";
import { CYCLE_NOTICES, TRANSITION_NOTICE } from "~/cycles/notices";
import {
  createTransitionSchema,
  isTransitionFormField,
  missingConfirmation,
  REFUSAL_MESSAGE,
} from "~/cycles/transition-schema";
import { getLocale } from "~/i18n/locale.server";
import { messageRef, translator } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { notFound } from "~/utils/http-errors.server";
import { titleMeta } from "~/utils/meta";
import { noticeLocation, readNotice } from "~/utils/notices";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) => (data ? data.cycle.name : t("error.notFound.title")));
export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, cycle } = await requireCycleForHr(request, params.cycleId);
  return {
    ...(await loadCyclePage(db, cycle, user.id)),
    notice: readNotice(request, CYCLE_NOTICES),
  };
}

/**
 * The intent is the step to take; runTransition runs the step's own function
 * (startNominating, startCollecting, closeCycle, releaseCycle in lifecycle.server.ts).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, cycle } = await requireCycleForHr(request, params.cycleId);
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, isTransitionFormField);
  const submission = parseWithZod(body, { schema: createTransitionSchema() });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const transition = submission.value.intent;
  const outcome = await runTransition(db, transition, {
    organisationId: user.organisationId,
    cycleId: cycle.id,
    actorPersonId: user.id,
    confirmation: submission.value.confirm ?? null,
  });
  switch (outcome.status) {
    case "done":
      return redirect(
        noticeLocation(`/beheer/rondes/${cycle.id}`, CYCLE_NOTICES, TRANSITION_NOTICE[transition]),
      );
    case "needs_confirmation":
      return data(
        {
          result: submission.reply({
            fieldErrors: { confirm: [missingConfirmation(outcome.confirmation)] },
          }),
        },
        { status: 400 },
      );
    case "refused":
      return data(
        {
          result: submission.reply({
            formErrors: outcome.reasons.map((reason) => messageRef(REFUSAL_MESSAGE[reason])),
          }),
        },
        { status: 409 },
      );
    case "not_found":
      throw notFound(translator(await getLocale(request)));
  }
}

export default function CyclePage() {
  const { cycle, dashboard, notice, ...page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to="/beheer/rondes">{t("cycles.list.title")}</Link>
      </p>
      <h1>{cycle.name}</h1>
      <NoticeBanner notice={notice} />
      <StatusIntro status={cycle.status} />
      <StatusSteps status={cycle.status} />

      {dashboard.next ? (
        <NextStep
          transition={dashboard.next.transition}
          check={dashboard.next.check}
          facts={dashboard.facts}
          lastResult={actionData?.result}
        />
      ) : (
        <CycleFinished reports={dashboard.reports} />
      )}

      <CycleProgress
        cycle={cycle}
        dashboard={dashboard}
        groups={page.groups}
        minGroupSize={page.settings.minGroupSize}
        participantsEditable={page.participantsEditable}
      />

      <CycleSettingsSection
        cycleId={cycle.id}
        settings={page.settings}
        profileName={page.profileName}
        thresholdsLocked={cycle.thresholdsLocked}
        editable={page.settingsEditable}
      />
    </div>
  );
}
