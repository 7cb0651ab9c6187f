import { dayInOrganisation } from "~/utils/dates";
import { displayDifference } from "./display";
import type { TeamCompetencyFigure, WithheldReason } from "./engine/team-figures";
import type { TeamProfileRow } from "./team-profile-csv";

// The team profile's models (no server code here): what loadTeamProfile builds for the page and
// the CSV, and the page data the route sends, which is only what the page shows.

export interface TeamProfileTeam {
  id: string;
  name: string;
  parent: { id: string; name: string } | null;
}

export interface TeamProfileCycle {
  id: string;
  name: string;
  releasedAt: string;
  k: number;
}

export interface MemberResult {
  participantId: string;
  name: string;
  /** The member's "all others" score of the lead view, as shown, in row order; null: not shown. */
  scores: (number | null)[];
}

/** One team in one released cycle as this viewer may see it; every figure as shown. */
export interface TeamProfile {
  status: "ready";
  team: TeamProfileTeam;
  cycle: TeamProfileCycle;
  /** Every released cycle of the team, newest first: the choices of the cycle form. */
  cycles: TeamProfileCycle[];
  /** The profile's rating scale (the radar's range). */
  scale: { min: number; max: number };
  previousCycle: TeamProfileCycle | null;
  rows: TeamProfileRow[];
  anyShown: boolean;
  /** The reasons of the withheld figures, each once (for the explanation when none shows). */
  withheldReasons: WithheldReason[];
  /** Competency names, strongest and weakest first; null without enough shown figures. */
  reading: { basis: "norm" | "team"; strongest: string[]; weakest: string[] } | null;
  /** Direct sub-teams that had members in this cycle. */
  subTeams: { id: string; name: string }[];
  /** Only for the members' round manager, only members who shared; else null. */
  memberResults: MemberResult[] | null;
}

export interface NoTeamProfile {
  status: "no_cycle";
  team: TeamProfileTeam;
}

/** A row of the page's table: the team's figure, the norm's mean and the difference, as shown. */
export interface TeamProfileRowView {
  key: string;
  name: string;
  clusterName: string;
  organisationWide: boolean;
  team: TeamCompetencyFigure;
  /** The norm's mean (the page does not show how many participants are behind it). */
  norm: number | null;
  /** Team − norm, from the two shown figures. */
  difference: number | null;
  trend: { previous: number; change: number } | null;
}

/** What /teams/<id>/profiel sends the browser. */
export interface TeamProfilePage {
  status: "ready";
  team: TeamProfileTeam;
  /** `day`: the release day, as the page writes it. */
  cycle: { id: string; name: string; day: string; k: number };
  cycles: { id: string; name: string }[];
  scale: { min: number; max: number };
  anyShown: boolean;
  /**
   * The radar's and the table's rows, with the trend's round; only when a figure is shown (else
   * the page shows neither, only why: `withheldReasons`).
   */
  rows: TeamProfileRowView[];
  previousCycleName: string | null;
  /** Only when no figure is shown (the page explains why then); empty otherwise. */
  withheldReasons: WithheldReason[];
  reading: TeamProfile["reading"];
  subTeams: { id: string; name: string }[];
  /** The members' own results with the competencies as the table heads them. */
  memberResults: {
    competencies: { key: string; name: string; organisationWide: boolean }[];
    members: MemberResult[];
  } | null;
}

export interface NoTeamProfilePage {
  status: "no_cycle";
  team: { id: string; name: string };
}

/** The page data of a team profile: what the page shows, nothing more. */
export function teamProfilePage(
  profile: TeamProfile | NoTeamProfile,
): TeamProfilePage | NoTeamProfilePage {
  if (profile.status === "no_cycle") {
    return { status: "no_cycle", team: { id: profile.team.id, name: profile.team.name } };
  }
  const { cycle } = profile;
  return {
    status: "ready",
    team: profile.team,
    cycle: {
      id: cycle.id,
      name: cycle.name,
      day: dayInOrganisation(new Date(cycle.releasedAt)),
      k: cycle.k,
    },
    cycles: profile.cycles.map((option) => ({ id: option.id, name: option.name })),
    scale: profile.scale,
    anyShown: profile.anyShown,
    previousCycleName: profile.anyShown ? (profile.previousCycle?.name ?? null) : null,
    rows: (profile.anyShown ? profile.rows : []).map((row) => ({
      key: row.key,
      name: row.name,
      clusterName: row.clusterName,
      organisationWide: row.organisationWide,
      team: row.team,
      norm: row.norm?.mean ?? null,
      difference:
        row.team.shown && row.norm ? displayDifference(row.team.mean, row.norm.mean) : null,
      trend: row.trend,
    })),
    withheldReasons: profile.anyShown ? [] : profile.withheldReasons,
    reading: profile.anyShown ? profile.reading : null,
    subTeams: profile.subTeams,
    memberResults: profile.memberResults
      ? {
          competencies: profile.rows.map((row) => ({
            key: row.key,
            name: row.name,
            organisationWide: row.organisationWide,
          })),
          members: profile.memberResults,
        }
      : null,
  };
}
