import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { badRequest, conflict, notFound } from "~/utils/http-errors.server";
import { getDb } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { CompetencyDetails } from "~/reports/components/competency-section";
import { NormSection, TrendSection } from "~/reports/components/norm-and-trend";
import { RadarSection } from "~/reports/components/radar-section";
import { GeneralComments } from "~/reports/components/report-comments";
import { ReportHeader } from "~/reports/components/report-header";
import { ReportSummary } from "~/reports/components/report-summary";
import { HowToRead, ResponseOverview } from "~/reports/components/response-overview";
import { SharingPanel } from "~/reports/components/sharing-panel";
import { chosenSeries } from "~/reports/radar-series";
import { loadReportView, loadSharingState, setSharing } from "~/reports/report-access.server";
import { assertOnlyKnownFields, readFormBody } from "~/utils/form-body.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("report.title"));
export const headers = privatePageHeaders;

// The page data is a view for this viewer only, at the precision shown: see
// app/reports/report-view.ts. Never the stored report.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const participantId = params.participantId ?? "";
  const chosen = chosenSeries(new URL(request.url).searchParams.getAll("reeks"));
  const report = await loadReportView(db, user, participantId, {
    normChosen: chosen.includes("norm"),
  });
  if (!report) throw notFound();
  if (report.status === "not_released") return { report, chosen, sharing: null };
  const sharing =
    report.view.as === "participant" ? await loadSharingState(db, participantId) : null;
  return {
    report,
    chosen,
    // Only when the page offers sharing: otherwise it shows nothing of it.
    sharing: sharing?.possible && sharing.managerName ? sharing : null,
  };
}

/** The participant shares the report with their manager, or stops sharing it. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const body = await readFormBody(request);
  assertOnlyKnownFields(body, (name) => name === "intent");
  const intent = body.get("intent");
  const t = translator(await getLocale(request));
  if (intent !== "share" && intent !== "unshare") throw badRequest(t, "http.unknownIntent");
  const participantId = params.participantId ?? "";
  const outcome = await setSharing(await getDb(), user, participantId, intent === "share");
  if (outcome === "not_allowed") throw notFound();
  if (outcome === "blocked") throw conflict(t, "report.sharing.notPossible");
  return redirect(`/rapporten/${participantId}#delen`);
}

export default function ReportPage() {
  const { report, chosen, sharing } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (report.status === "not_released") {
    return (
      <div className="container narrow">
        <h1>{t("report.notReleased.title")}</h1>
        <p>{t("report.notReleased.body", { cycle: report.cycleName })}</p>
      </div>
    );
  }
  const content = report.view;
  return (
    <article className="container report">
      <ReportHeader content={content} />
      <SharingPanel sharing={sharing} />
      <HowToRead k={content.k} />
      <ResponseOverview rows={content.responseOverview} />
      <ReportSummary summary={content.summary} />
      <RadarSection content={content} chosen={chosen} />
      <NormSection norm={content.norm} normWithheld={content.normWithheld} />
      <TrendSection content={content} />
      <CompetencyDetails content={content} />
      <GeneralComments content={content} />
    </article>
  );
}
