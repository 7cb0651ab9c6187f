// What a participant already knows about the organisation norm in their report. Pure.
//
// The norm of a competency is the mean over the round's participants of their "all others"
// score. A participant knows one of those scores (their own) and, when they rated other
// participants of the same round, their own rating of each. Where such a participant's score
// rests on fewer than k raters besides the viewer, the rest is a sum of fewer than k raters'
// ratings: that score counts as known. When fewer than k participants remain unknown, the
// norm would give away their scores together, so it is withheld from this viewer for that
// competency (docs/anonymity.md, rule 3).
import type { ReportContent } from "./report-content";

type Figures = Pick<ReportContent, "competencies">;

function othersCount(report: Figures, competencyKey: string): number | null {
  const competency = report.competencies.find((candidate) => candidate.key === competencyKey);
  return competency?.figures.others?.n ?? null;
}

/**
 * The competency keys whose norm this viewer may not see, in the norm's order.
 * `own`: the viewer's own report; `rated`: the reports of the other participants of the same
 * round the viewer rated (a submitted invitation), null for one whose figures cannot be read
 * (it then counts as known).
 */
export function normWithheldFor(input: {
  norm: ReportContent["norm"];
  k: number;
  own: Figures;
  rated: readonly (Figures | null)[];
}): string[] {
  const { norm, k, own, rated } = input;
  if (!norm) return [];
  return Object.entries(norm).flatMap(([key, figure]) => {
    const ownScore = othersCount(own, key) !== null ? 1 : 0;
    const solvedFromOwnRating = rated.filter((report) => {
      if (report === null) return true;
      const n = othersCount(report, key);
      // Not in the norm at all where its "all others" is not shown.
      return n !== null && n - 1 < k;
    }).length;
    const unknown = figure.participants - ownScore - solvedFromOwnRating;
    return unknown < k ? [key] : [];
  });
}
