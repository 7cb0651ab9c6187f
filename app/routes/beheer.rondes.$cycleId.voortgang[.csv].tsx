import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/audit/audit-log.server";
import { requireCycleForHr } from "~/cycles/cycle-access.server";
import { loadCycleProgress } from "~/cycles/dashboard.server";
import { progressCsv, progressCsvFileName } from "~/cycles/progress-csv";
import { hasInvitations } from "~/cycles/transitions";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { dayInOrganisation } from "~/utils/dates";
import { csvResponse } from "~/utils/csv-response.server";
import { notFound } from "~/utils/http-errors.server";
import { relationshipGroupLabel } from "~/i18n/labels";

// /beheer/rondes/<id>/voortgang.csv: the progress counts as a spreadsheet. Before collecting
// starts there are no counts to export, and the file does not exist (404).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, cycle } = await requireCycleForHr(request, params.cycleId);
  const t = translator(await getLocale(request));
  if (!hasInvitations(cycle.status)) throw notFound(t);
  const participants = await loadCycleProgress(db, cycle);
  const csv = progressCsv(participants, {
    participant: t("cycles.progress.participant"),
    team: t("cycles.progress.team"),
    outlook: t("cycles.progress.outlook"),
    column: (group, count) =>
      t("cycles.csv.column", {
        group: t(relationshipGroupLabel[group]),
        count: t(`cycles.csv.count.${count}`),
      }),
    outlookValue: {
      enough: t("cycles.outlook.enough"),
      waiting: t("cycles.outlook.waiting"),
      at_risk: t("cycles.outlook.at_risk"),
    },
  });
  await recordAudit(db, {
    organisationId: user.organisationId,
    actorPersonId: user.id,
    action: "cycle_progress_exported",
    subjectType: "cycle",
    subjectId: cycle.id,
    details: { participants: participants.length },
  });
  const fileName = progressCsvFileName(t("cycles.csv.filePrefix"), cycle.name, dayInOrganisation());
  return csvResponse(csv, fileName);
}
