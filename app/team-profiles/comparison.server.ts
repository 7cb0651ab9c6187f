import { inTransaction } from "#db/transaction";
import { recordAudit } from "~/audit/audit-log.server";
import type { DB } from "#db/database";
import type { CurrentUser } from "~/auth/guards.server";
import {
  cycleFiguresOf,
  loadCycleFigureInputs,
  releasedCyclesOfOrganisation,
  selectableTeams,
  type CycleFigureInputs,
  type CycleFigures,
  type ProfileCompetency,
  type ReleasedCycle,
} from "./cycle-figures.server";
import { displayFigure } from "./display";
import { sharedAxes } from "./engine/reading";
import { dayInOrganisation } from "~/utils/dates";
import {
  LATEST_CYCLE,
  type ComparedTeam,
  type ComparisonCell,
  type ComparisonForm,
  type ComparisonPageModel,
  type ComparisonQuery,
  type TeamComparison,
} from "./comparison-model";

export * from "./comparison-model";

// The page model of /teams/vergelijken (and its CSV): two or more teams side by side. Every
// figure comes from cycleFiguresOf (the anonymity engine, as this viewer may see it), on the
// comparison's axes only; this module only picks the shared axes and the teams' figures, it
// never computes a team figure.

/** Leads and HR compare teams; everyone else gets a 404 (the caller throws it). */
export function mayCompareTeams(user: CurrentUser): boolean {
  return user.isHrAdmin || user.visibleTeamIds.length > 0;
}

/**
 * The comparison page for this user, with the cycles its figures come from (for the audit log,
 * not for the page), or null when it must answer 404: the user may not compare teams, a chosen
 * team is not one they may pick, or the round does not exist.
 */
export async function loadTeamComparison(
  db: DB,
  user: CurrentUser,
  query: ComparisonQuery,
): Promise<{ page: ComparisonPageModel; cycleIds: string[] } | null> {
  if (!mayCompareTeams(user)) return null;
  const [selectable, cycles] = await Promise.all([
    selectableTeams(db, user),
    releasedCyclesOfOrganisation(db, user.organisationId),
  ]);
  const byId = new Map(selectable.map((team) => [team.id, team]));
  if (query.teamIds.some((id) => !byId.has(id))) return null;
  const ronde = query.ronde ?? cycles[0]?.id ?? LATEST_CYCLE;
  if (ronde !== LATEST_CYCLE && !cycles.some((cycle) => cycle.id === ronde)) return null;

  const form: ComparisonForm = {
    groups: groupTeams(selectable),
    cycles: cycles.map((cycle) => ({
      id: cycle.id,
      name: cycle.name,
      day: dayInOrganisation(new Date(cycle.releasedAt)),
    })),
    ronde,
    chosenTeamIds: query.teamIds,
  };
  if (query.teamIds.length < 2) {
    const problem = query.teamIds.length === 1 && query.submitted ? "one" : "none";
    return { page: { form, problem, comparison: null }, cycleIds: [] };
  }
  const teams = query.teamIds.map((id) => byId.get(id)!);
  const { comparison, cycleIds } = await buildComparison(db, user, teams, ronde, cycles);
  return { page: { form, problem: null, comparison }, cycleIds };
}

function groupTeams(
  teams: readonly { id: string; name: string; parentName: string | null }[],
): ComparisonForm["groups"] {
  // selectableTeams sorts by (parent name or own name), a top-level team before its sub-teams.
  const groups: ComparisonForm["groups"] = [];
  for (const team of teams) {
    const name = team.parentName ?? team.name;
    const last = groups.at(-1);
    if (last && last.name === name) last.teams.push({ id: team.id, name: team.name });
    else groups.push({ name, teams: [{ id: team.id, name: team.name }] });
  }
  return groups;
}

async function buildComparison(
  db: DB,
  user: CurrentUser,
  teams: readonly { id: string; name: string; parentName: string | null }[],
  ronde: string,
  cycles: readonly ReleasedCycle[],
): Promise<{ comparison: TeamComparison; cycleIds: string[] }> {
  // The cycle per team: the chosen one, or each team's own newest released cycle.
  const cycleOfTeam = new Map<string, ReleasedCycle | null>();
  if (ronde === LATEST_CYCLE) {
    // One query for every team: in which of the organisation's released cycles it had members.
    const memberships = await db
      .selectFrom("participant_team")
      .select(["team_id", "cycle_id"])
      .distinct()
      .where(
        "team_id",
        "in",
        teams.map((team) => team.id),
      )
      .execute();
    for (const team of teams) {
      const own = new Set(
        memberships.filter((row) => row.team_id === team.id).map((row) => row.cycle_id),
      );
      // `cycles` is newest first.
      cycleOfTeam.set(team.id, cycles.find((cycle) => own.has(cycle.id)) ?? null);
    }
  } else {
    const cycle = cycles.find((candidate) => candidate.id === ronde) ?? null;
    for (const team of teams) cycleOfTeam.set(team.id, cycle);
  }

  // Each cycle's inputs, as this viewer may see them.
  const cycleIds = [...new Set([...cycleOfTeam.values()].flatMap((c) => (c ? [c.id] : [])))];
  const inputsByCycle = new Map<string, CycleFigureInputs>();
  for (const cycleId of cycleIds) {
    const inputs = await loadCycleFigureInputs(db, cycleId, user.id);
    // `cycles` holds released cycles only; one that is not (any more) is a broken invariant.
    if (!inputs) throw new Error(`Ronde ${cycleId} is niet vrijgegeven`);
    inputsByCycle.set(cycleId, inputs);
  }

  // Each team's own profile: what its members were rated on in its round (a round may mix
  // profiles). Teams on the same competencies compare on all of them; otherwise on the
  // organisation-wide ones they share.
  const profiles: ProfileCompetency[][] = teams.flatMap((team) => {
    const cycle = cycleOfTeam.get(team.id);
    if (!cycle) return [];
    const { profile, ratedOn } = inputsByCycle.get(cycle.id)!;
    const rated = ratedOn.get(team.id);
    return [
      rated
        ? profile.competencies.filter((competency) => rated.has(competency.key))
        : profile.competencies,
    ];
  });
  const { keys, organisationWideOnly } =
    profiles.length > 0 ? sharedAxes(profiles) : { keys: [], organisationWideOnly: false };
  const competencyByKey = new Map(profiles[0]?.map((c) => [c.key, c]) ?? []);
  const axes = keys.map((key) => {
    const competency = competencyByKey.get(key);
    return {
      key,
      name: competency?.name ?? key,
      organisationWide: competency?.organisationWide ?? false,
    };
  });

  // One engine run per cycle, on the axes alone (of a round over 40 profiles, a handful of its
  // some 250 competencies): the engine decides each competency on its own, so these are the
  // figures a run on every competency would give for them. An axis the cycle does not have
  // stays out, as it would.
  const figuresByCycle = new Map<string, CycleFigures>();
  for (const [cycleId, inputs] of inputsByCycle) {
    const inCycle = new Set(inputs.profile.competencies.map((competency) => competency.key));
    figuresByCycle.set(
      cycleId,
      cycleFiguresOf(
        inputs,
        keys.filter((key) => inCycle.has(key)),
      ),
    );
  }

  const compared = teams.map((team): ComparedTeam => {
    const cycle = cycleOfTeam.get(team.id) ?? null;
    const teamFigures = cycle ? figuresByCycle.get(cycle.id)?.figures.teams.get(team.id) : null;
    const cells: Record<string, ComparisonCell> = {};
    for (const key of keys) {
      const figure = teamFigures?.competencies[key];
      if (!figure) cells[key] = { shown: false, reason: "not_in_cycle" };
      else if (figure.shown)
        cells[key] = { shown: true, mean: displayFigure(figure.mean), members: figure.members };
      else cells[key] = { shown: false, reason: figure.reason };
    }
    const cellList = Object.values(cells);
    return {
      id: team.id,
      name: team.name,
      cycle: cycle
        ? {
            name: cycle.name,
            k: cellList.some((cell) => !cell.shown && cell.reason === "too_few") ? cycle.k : null,
          }
        : null,
      cells,
      anyShown: cellList.some((cell) => cell.shown),
    };
  });

  const onlyCycle = cycleIds.length === 1 ? figuresByCycle.get(cycleIds[0]!)! : null;
  const norm = onlyCycle
    ? {
        values: Object.fromEntries(
          keys.map((key) => {
            const figure = onlyCycle.figures.norm[key];
            return [
              key,
              figure
                ? { mean: displayFigure(figure.mean), participants: figure.participants }
                : null,
            ];
          }),
        ),
      }
    : null;

  return {
    comparison: {
      axes,
      organisationWideOnly,
      teams: compared,
      norm,
      scale: scaleOf(cycleIds.map((id) => figuresByCycle.get(id)!.scale)),
    },
    cycleIds,
  };
}

/** The range that holds every cycle's rating scale (1–5 when there is none). */
function scaleOf(scales: readonly { min: number; max: number }[]): { min: number; max: number } {
  if (scales.length === 0) return { min: 1, max: 5 };
  return {
    min: Math.min(...scales.map((scale) => scale.min)),
    max: Math.max(...scales.map((scale) => scale.max)),
  };
}

/**
 * The comparison, with its view or export in the audit log when it shows figures. Both in one
 * transaction, as sharing checks and changes in one (sharing-guard.server.ts): no share can
 * land between reading the figures and logging that this user saw them.
 */
export async function loadAndLogComparison(
  db: DB,
  user: CurrentUser,
  query: ComparisonQuery,
  action: "team_comparison_viewed" | "team_comparison_exported",
): Promise<ComparisonPageModel | null> {
  return inTransaction(db, async (trx) => {
    const loaded = await loadTeamComparison(trx, user, query);
    if (loaded?.page.comparison) {
      await recordAudit(trx, {
        organisationId: user.organisationId,
        actorPersonId: user.id,
        action,
        subjectType: "team",
        subjectId: null,
        details: {
          cycleIds: loaded.cycleIds,
          teamIds: loaded.page.comparison.teams.map((team) => team.id),
        },
      });
    }
    return loaded?.page ?? null;
  });
}
