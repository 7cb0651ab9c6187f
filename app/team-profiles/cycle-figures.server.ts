import type { DB } from "#db/database";
import type { CurrentUser } from "~/auth/guards.server";
import { raterAddressKey } from "~/invitations/rater-address";
import { addressKeysOf } from "~/invitations/rater-address.server";
import {
  normMinParticipants,
  REPORT_FORMAT_VERSION,
  type ReportContent,
} from "~/reports/report-content";
import { competenciesOfTeams } from "./engine/reading";
import { compareByName, compareDutchText } from "~/people/dutch-order";
import {
  computeTeamFigures,
  type CycleTeamFigures,
  type MemberScores,
  type ViewerKnowledge,
} from "./engine/team-figures";

export interface ProfileCompetency {
  key: string;
  name: string;
  clusterName: string;
  organisationWide: boolean;
}

export interface ReleasedCycle {
  id: string;
  name: string;
  releasedAt: string;
  k: number;
  profileKey: string;
  leadAccess: string;
  organisationId: string;
}

function releasedCycles(db: DB) {
  return (
    db
      .selectFrom("cycle")
      .select([
        "cycle.id",
        "cycle.name",
        "cycle.released_at",
        "cycle.min_group_size",
        "cycle.profile_key",
        "cycle.lead_access",
        "cycle.organisation_id",
      ])
      .where("cycle.status", "=", "released")
      .where("cycle.released_at", "is not", null)
      .where("cycle.profile_snapshot_id", "is not", null)
      // Only once every report is written: figures over a half-written release would change
      // later, and two versions of a team figure give away the members added in between.
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("participant")
              .leftJoin("report", "report.participant_id", "participant.id")
              .select("participant.id")
              .whereRef("participant.cycle_id", "=", "cycle.id")
              .where("report.id", "is", null),
          ),
        ),
      )
      .orderBy("cycle.released_at", "desc")
      .orderBy("cycle.id")
  );
}

function toReleasedCycle(row: {
  id: string;
  name: string;
  released_at: string | null;
  min_group_size: number;
  profile_key: string;
  lead_access: string;
  organisation_id: string;
}): ReleasedCycle {
  return {
    id: row.id,
    name: row.name,
    releasedAt: row.released_at ?? "",
    k: row.min_group_size,
    profileKey: row.profile_key,
    leadAccess: row.lead_access,
    organisationId: row.organisation_id,
  };
}

/** Released cycles in which the team (or a team below it) had members, newest first. */
export async function releasedCyclesOfTeam(db: DB, teamId: string): Promise<ReleasedCycle[]> {
  const rows = await releasedCycles(db)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("participant_team")
          .select("participant_team.cycle_id")
          .whereRef("participant_team.cycle_id", "=", "cycle.id")
          .where("participant_team.team_id", "=", teamId),
      ),
    )
    .execute();
  return rows.map(toReleasedCycle);
}

export async function releasedCyclesOfOrganisation(
  db: DB,
  organisationId: string,
): Promise<ReleasedCycle[]> {
  const rows = await releasedCycles(db)
    .where("cycle.organisation_id", "=", organisationId)
    .execute();
  return rows.map(toReleasedCycle);
}

/**
 * The reports of the cycle the viewer has read: their own participation, and the lead views of
 * reports shared with them now or read as lead before (a withdrawn consent does not make them
 * forget).
 */
async function reportsRead(
  db: DB,
  viewerPersonId: string,
  cycleId: string,
): Promise<{ own: Set<string>; leadViews: Set<string> }> {
  const [ownAndShared, viewed] = await Promise.all([
    db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .select(["participant.id", "participant.person_id"])
      .where("participant.cycle_id", "=", cycleId)
      .where((eb) =>
        eb.or([
          eb("participant.person_id", "=", viewerPersonId),
          eb.and([
            eb("participant.manager_person_id", "=", viewerPersonId),
            eb("participant.shared_with_lead_at", "is not", null),
            eb("cycle.lead_access", "=", "with_consent"),
          ]),
        ]),
      )
      .execute(),
    db
      .selectFrom("audit_log")
      .select("details")
      .where("actor_person_id", "=", viewerPersonId)
      .where("action", "in", ["report_viewed_by_lead", "team_member_results_viewed"])
      .execute(),
  ]);
  const own = new Set<string>();
  const leadViews = new Set<string>();
  for (const row of ownAndShared) (row.person_id === viewerPersonId ? own : leadViews).add(row.id);
  const mentioned = new Set<string>();
  for (const row of viewed) {
    for (const id of participantIdsIn(row.details)) mentioned.add(id);
  }
  if (mentioned.size > 0) {
    const inCycle = await db
      .selectFrom("participant")
      .select("id")
      .where("cycle_id", "=", cycleId)
      .where("id", "in", [...mentioned])
      .execute();
    for (const row of inCycle) if (!own.has(row.id)) leadViews.add(row.id);
  }
  return { own, leadViews };
}

/**
 * Participants of the cycle whose report the viewer has read: their own, and the lead views of
 * reports shared with them or read as lead. (What that tells them per competency is
 * loadViewerKnowledge's business.)
 */
export async function knownParticipantIds(
  db: DB,
  viewerPersonId: string,
  cycleId: string,
): Promise<Set<string>> {
  const { own, leadViews } = await reportsRead(db, viewerPersonId, cycleId);
  return new Set([...own, ...leadViews]);
}

/** What the team figures of a cycle may count on the viewer knowing (see the engine's header). */
export interface CycleKnowledge {
  /** Their own participation: its score on every competency where their report shows one. */
  known: ReadonlySet<string>;
  /** Per competency: lead views read, their own ratings and repeat voices. */
  viewer: ViewerKnowledge;
  /** Participant → competency → the "all others" n, for the members where it matters. */
  raters: ReadonlyMap<string, Readonly<Record<string, number>>>;
  /**
   * Participant → the viewer's submitted answers for them that are not a manager's (those are
   * inside the lead view's figures; a manager's answers are left out of it).
   */
  ownVoicesInLeadView: ReadonlyMap<string, number>;
  /** Participant → second (third, …) answers of one other person for them. */
  repeatVoices: ReadonlyMap<string, number>;
}

/**
 * What the viewer knows of the cycle's scores, per competency. Answers are anonymous, but who
 * answered for whom is not: every invitation the viewer submitted is a voice behind that
 * participant's scores whose rating they know. `alsoRead` asks what they would know having
 * read these participants' lead views too (the sharing guard).
 *
 * The viewer's invitations are those linked to their person and, as a second line of defence
 * for any not linked to it, those at an address of theirs: their directory address now or one
 * stored on an invitation linked to them, compared as raterAddressKey does (case, spaces and a
 * "+tag" aside). Counting one too many as theirs only withholds more.
 */
export async function loadViewerKnowledge(
  db: DB,
  viewerPersonId: string,
  cycleId: string,
  competencyKeys: readonly string[],
  alsoRead: readonly string[] = [],
): Promise<CycleKnowledge> {
  const [read, addressKeys, submitted] = await Promise.all([
    reportsRead(db, viewerPersonId, cycleId),
    addressKeysOf(db, [viewerPersonId]),
    db
      .selectFrom("invitation")
      .select(["participant_id", "relationship", "rater_person_id", "rater_email"])
      .where("cycle_id", "=", cycleId)
      .where("status", "=", "submitted")
      .execute(),
  ]);
  const viewerAddresses = addressKeys.get(viewerPersonId) ?? new Set<string>();
  for (const id of alsoRead) if (!read.own.has(id)) read.leadViews.add(id);

  const notOtherPeople = new Map<string, number>();
  const add = (map: Map<string, number>, id: string, count: number) =>
    map.set(id, (map.get(id) ?? 0) + count);
  const ownVoicesInLeadView = new Map<string, number>();
  const repeatVoices = new Map<string, number>();
  // A person who answered twice for a participant (before one voice per rater) is one person
  // behind two voices. Counted by person and by address: the sum can only be more than the
  // real number, which is the safe side.
  const voicesOf = new Map<string, { participantId: string; who: string; voices: number }>();
  const countVoice = (participantId: string, who: string) => {
    const id = `${participantId}\u0000${who}`;
    const entry = voicesOf.get(id) ?? { participantId, who, voices: 0 };
    entry.voices++;
    voicesOf.set(id, entry);
  };
  // A lead view leaves out every manager's answers: with another manager's among them, the
  // viewer's own answers do not complete it to the score.
  const withOtherManagers = new Set<string>();
  for (const row of submitted) {
    const address = raterAddressKey(row.rater_email);
    if (row.rater_person_id !== null) {
      countVoice(row.participant_id, `person:${row.rater_person_id}`);
    }
    countVoice(row.participant_id, `address:${address}`);
    // Each question on its safe side: "the viewer knows this answer" when it may be theirs,
    // "another manager's" unless it is theirs (linked to them, or unlinked at their address).
    const mayBeViewers = row.rater_person_id === viewerPersonId || viewerAddresses.has(address);
    const isViewers =
      row.rater_person_id === null
        ? viewerAddresses.has(address)
        : row.rater_person_id === viewerPersonId;
    if (row.relationship === "manager" && !isViewers && read.leadViews.has(row.participant_id)) {
      withOtherManagers.add(row.participant_id);
    }
    // Their own self-assessment is no voice behind "all others" (and their own scores they
    // know anyway).
    if (!mayBeViewers || row.relationship === "self") continue;
    add(notOtherPeople, row.participant_id, 1);
    if (row.relationship !== "manager") add(ownVoicesInLeadView, row.participant_id, 1);
  }
  const viewerVoice = new Set([
    `person:${viewerPersonId}`,
    ...[...viewerAddresses].map((address) => `address:${address}`),
  ]);
  for (const { participantId, who, voices } of voicesOf.values()) {
    if (voices < 2 || viewerVoice.has(who)) continue;
    add(notOtherPeople, participantId, voices - 1);
    add(repeatVoices, participantId, voices - 1);
  }

  // The reports behind it: the "all others" n per competency where the viewer's own voices (or
  // repeat voices) count, and the lead views read.
  const needed = [...new Set([...notOtherPeople.keys(), ...read.leadViews])];
  const reports =
    needed.length === 0
      ? []
      : await db
          .selectFrom("report")
          .select(["participant_id", "format_version", "content"])
          .where("cycle_id", "=", cycleId)
          .where("participant_id", "in", needed)
          .execute();
  const raters = new Map<string, Record<string, number>>();
  const knownScores = new Map<string, Set<string>>();
  const partlyKnownScores = new Map<string, Set<string>>();
  const mark = (map: Map<string, Set<string>>, id: string, key: string) =>
    map.set(id, (map.get(id) ?? new Set()).add(key));
  for (const report of reports) {
    const content = readReport(report.format_version, report.content);
    if (!content) continue;
    const n: Record<string, number> = {};
    for (const competency of content.competencies) {
      const others = competency.figures.others;
      if (others) n[competency.key] = others.n;
    }
    raters.set(report.participant_id, n);
    if (!read.leadViews.has(report.participant_id)) continue;
    // Read as lead, but no lead view stored with it (another format): any of it may be known.
    const leadShows = new Set(
      (content.leadView?.competencies ?? []).filter((c) => c.figures.others).map((c) => c.key),
    );
    for (const key of Object.keys(n)) {
      const exact = leadShows.has(key) && !withOtherManagers.has(report.participant_id);
      mark(exact ? knownScores : partlyKnownScores, report.participant_id, key);
    }
  }
  // A lead view read whose report cannot be read here: any of it may be known.
  for (const id of read.leadViews) {
    if (!raters.has(id)) partlyKnownScores.set(id, new Set(competencyKeys));
  }
  return {
    known: read.own,
    viewer: { knownScores, partlyKnownScores, notOtherPeople },
    raters,
    ownVoicesInLeadView,
    repeatVoices,
  };
}

/** The report's content, or null when it is of another format or unreadable. */
function readReport(formatVersion: number, content: string): ReportContent | null {
  if (formatVersion !== REPORT_FORMAT_VERSION) return null;
  try {
    const parsed = JSON.parse(content) as ReportContent;
    return Array.isArray(parsed?.competencies) ? parsed : null;
  } catch {
    return null;
  }
}

function participantIdsIn(details: string | null): string[] {
  if (!details) return [];
  try {
    const parsed = JSON.parse(details) as { participantId?: unknown; participantIds?: unknown };
    const ids: unknown[] = [
      parsed.participantId,
      ...(Array.isArray(parsed.participantIds) ? parsed.participantIds : []),
    ];
    return ids.filter((id): id is string => typeof id === "string");
  } catch {
    return [];
  }
}

export async function loadReleasedCycle(db: DB, cycleId: string): Promise<ReleasedCycle | null> {
  const row = await releasedCycles(db).where("cycle.id", "=", cycleId).executeTakeFirst();
  return row ? toReleasedCycle(row) : null;
}

export interface CycleProfile {
  /** In profile order. */
  competencies: ProfileCompetency[];
  /** The range of the rating scale (a radar's axis). */
  scale: { min: number; max: number };
  /** Participant → the competency keys of the version they were rated on. */
  keysOfParticipant: Map<string, ReadonlySet<string>>;
}

/**
 * The competencies and the rating scale of the cycle's frozen profiles. Participants may be
 * rated on different profiles: the competencies of all of them, each once (a competency key
 * is one competency across an organisation's profiles), the round's own profile first, then
 * the others in the order their participants were added. Each competency's figures rest on
 * the members who were rated on it.
 */
export async function loadCycleProfile(db: DB, cycleId: string): Promise<CycleProfile> {
  const cycle = await db
    .selectFrom("cycle")
    .select("profile_snapshot_id")
    .where("id", "=", cycleId)
    .executeTakeFirstOrThrow();
  const participantVersions = await db
    .selectFrom("participant")
    .select(["id", "profile_snapshot_id"])
    .where("cycle_id", "=", cycleId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const used = new Set(
    participantVersions.flatMap(
      (row) => row.profile_snapshot_id ?? cycle.profile_snapshot_id ?? [],
    ),
  );
  const versions = [
    ...(cycle.profile_snapshot_id && used.has(cycle.profile_snapshot_id)
      ? [cycle.profile_snapshot_id]
      : []),
    ...[...used].filter((version) => version !== cycle.profile_snapshot_id),
  ];
  if (versions.length === 0) {
    return { competencies: [], scale: { min: 1, max: 5 }, keysOfParticipant: new Map() };
  }
  // Every version's competencies (as its questionnaire has them: with indicators) and scale in
  // two reads, however many versions: each page with team figures reads them, and a round over
  // 40 function profiles took 40 questionnaires (120 queries) per page load.
  const [rows, points] = await Promise.all([
    db
      .selectFrom("profile_competency as c")
      .innerJoin("profile_cluster as cl", "cl.id", "c.cluster_id")
      .select([
        "c.snapshot_id",
        "c.key",
        "c.name",
        "c.is_organisation_wide",
        "cl.name as clusterName",
      ])
      .where("c.snapshot_id", "in", versions)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("profile_indicator as i")
            .select("i.id")
            .whereRef("i.snapshot_id", "=", "c.snapshot_id")
            .whereRef("i.competency_id", "=", "c.id"),
        ),
      )
      .orderBy("cl.position")
      .orderBy("c.position")
      .execute(),
    db
      .selectFrom("profile_scale_point")
      .select("value")
      .where("snapshot_id", "in", versions)
      .execute(),
  ]);
  const rowsOf = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = rowsOf.get(row.snapshot_id) ?? [];
    list.push(row);
    rowsOf.set(row.snapshot_id, list);
  }
  const competencies = new Map<string, ProfileCompetency>();
  const versionOf = new Map<string, string>();
  for (const version of versions) {
    for (const row of rowsOf.get(version) ?? []) {
      if (competencies.has(row.key)) continue;
      versionOf.set(row.key, version);
      competencies.set(row.key, {
        key: row.key,
        name: row.name,
        clusterName: row.clusterName,
        organisationWide: row.is_organisation_wide === 1,
      });
    }
  }
  await nameApartCompetencies(db, competencies, versionOf);
  const keysOfVersion = new Map(
    [...rowsOf].map(([version, list]) => [version, new Set(list.map((row) => row.key))]),
  );
  const keysOfParticipant = new Map<string, ReadonlySet<string>>();
  for (const row of participantVersions) {
    const keys = keysOfVersion.get(row.profile_snapshot_id ?? cycle.profile_snapshot_id ?? "");
    if (keys) keysOfParticipant.set(row.id, keys);
  }
  const values = points.map((point) => point.value);
  return {
    keysOfParticipant,
    competencies: [...competencies.values()],
    scale:
      values.length > 0
        ? { min: Math.min(...values), max: Math.max(...values) }
        : { min: 1, max: 5 },
  };
}

/**
 * Two competencies of one name (HR kept one apart from the library's when importing a
 * profile) would be two rows or axes no reader could tell apart: each gets the name of the
 * profile it comes from, "Samenwerken (Projectleider)".
 */
async function nameApartCompetencies(
  db: DB,
  competencies: Map<string, ProfileCompetency>,
  versionOf: ReadonlyMap<string, string>,
): Promise<void> {
  const byName = new Map<string, ProfileCompetency[]>();
  for (const competency of competencies.values()) {
    const name = competency.name.toLocaleLowerCase("nl");
    byName.set(name, [...(byName.get(name) ?? []), competency]);
  }
  const shared = [...byName.values()].filter((list) => list.length > 1).flat();
  if (shared.length === 0) return;
  const versions = [...new Set(shared.map((competency) => versionOf.get(competency.key) ?? ""))];
  const names = new Map(
    (
      await db
        .selectFrom("profile_snapshot")
        .select(["id", "name"])
        .where("id", "in", versions)
        .execute()
    ).map((row) => [row.id, row.name]),
  );
  for (const competency of shared) {
    const profileName = names.get(versionOf.get(competency.key) ?? "");
    if (profileName) competency.name = `${competency.name} (${profileName})`;
  }
}

/** Every participant of the cycle with their frozen team path and competency scores. */
export async function loadCycleMembers(db: DB, cycleId: string): Promise<MemberScores[]> {
  const [participants, teams, scores] = await Promise.all([
    // In id order, not the database's: a team's mean sums its members' scores in this order,
    // and a floating-point sum in another order can differ in the last digit.
    db
      .selectFrom("participant")
      .select("id")
      .where("cycle_id", "=", cycleId)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("participant_team")
      .select(["participant_id", "team_id", "depth"])
      .where("cycle_id", "=", cycleId)
      .orderBy("participant_id")
      .orderBy("depth")
      .execute(),
    db
      .selectFrom("competency_score")
      .select(["participant_id", "competency_key", "others_mean"])
      .where("cycle_id", "=", cycleId)
      .execute(),
  ]);
  const paths = new Map<string, string[]>();
  for (const row of teams) {
    const path = paths.get(row.participant_id) ?? [];
    path.push(row.team_id);
    paths.set(row.participant_id, path);
  }
  const scoresOf = new Map<string, Record<string, number>>();
  for (const row of scores) {
    const own = scoresOf.get(row.participant_id) ?? {};
    own[row.competency_key] = row.others_mean;
    scoresOf.set(row.participant_id, own);
  }
  return participants.map((participant) => ({
    participantId: participant.id,
    teamPath: paths.get(participant.id) ?? [],
    scores: scoresOf.get(participant.id) ?? {},
  }));
}

/**
 * Per team, the competencies at least one of its members (in it or a team below) was rated
 * on: participants of one round may be rated on different profiles, and a team profile shows
 * only what its own members' profiles hold.
 */
export function ratedCompetenciesByTeam(
  members: readonly Pick<MemberScores, "participantId" | "teamPath">[],
  keysOfParticipant: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, Set<string>> {
  const byTeam = new Map<string, Set<string>>();
  for (const member of members) {
    const keys = keysOfParticipant.get(member.participantId);
    if (!keys) continue;
    for (const teamId of member.teamPath) {
      const teamKeys = byTeam.get(teamId) ?? new Set<string>();
      for (const key of keys) teamKeys.add(key);
      byTeam.set(teamId, teamKeys);
    }
  }
  return byTeam;
}

/** What a cycle's team figures are computed from, for one viewer. */
export interface CycleFigureInputs {
  cycle: ReleasedCycle;
  profile: CycleProfile;
  /** With the "all others" n of the members where the viewer's knowledge needs it. */
  members: MemberScores[];
  knowledge: CycleKnowledge;
  /** What the viewer would know having also read the lead views asked for (options.alsoRead). */
  knowledgeIfAlsoRead: CycleKnowledge | null;
  /** Per team, the competencies its members were rated on (ratedCompetenciesByTeam). */
  ratedOn: Map<string, Set<string>>;
}

/** The inputs of a released cycle's team figures, or null when it is not (fully) released. */
export async function loadCycleFigureInputs(
  db: DB,
  cycleId: string,
  viewerPersonId: string,
  options: { alsoRead?: readonly string[] } = {},
): Promise<CycleFigureInputs | null> {
  const cycle = await loadReleasedCycle(db, cycleId);
  if (!cycle) return null;
  const profile = await loadCycleProfile(db, cycleId);
  const keys = profile.competencies.map((competency) => competency.key);
  const alsoRead = options.alsoRead ?? [];
  const [members, knowledge, knowledgeIfAlsoRead] = await Promise.all([
    loadCycleMembers(db, cycleId),
    loadViewerKnowledge(db, viewerPersonId, cycleId, keys),
    alsoRead.length > 0
      ? loadViewerKnowledge(db, viewerPersonId, cycleId, keys, alsoRead)
      : Promise.resolve(null),
  ]);
  const raters = new Map([...knowledge.raters, ...(knowledgeIfAlsoRead?.raters ?? [])]);
  return {
    cycle,
    profile,
    ratedOn: ratedCompetenciesByTeam(members, profile.keysOfParticipant),
    members:
      raters.size === 0
        ? members
        : members.map((member) => {
            const n = raters.get(member.participantId);
            return n ? { ...member, raters: n } : member;
          }),
    knowledge,
    knowledgeIfAlsoRead,
  };
}

/**
 * The engine's figures for the viewer, knowing what `knowledge` says (by default: now), for
 * `competencyKeys` (by default every competency of the cycle). The engine decides each
 * competency on its own, over every member and team of the cycle, so the figures of a
 * competency are the same whichever others are computed with it: a page works out only the
 * competencies it shows (a round over 40 function profiles has some 250 competencies; a team
 * page shows its members', a comparison the few the teams share).
 */
export function figuresOf(
  inputs: CycleFigureInputs,
  knowledge: CycleKnowledge = inputs.knowledge,
  competencyKeys: readonly string[] = inputs.profile.competencies.map((c) => c.key),
): CycleTeamFigures {
  const { cycle, members } = inputs;
  return computeTeamFigures({
    competencyKeys,
    members,
    k: cycle.k,
    knownParticipantIds: knowledge.known,
    normMinParticipants: normMinParticipants(cycle.k),
    withholdExposedNorm: true,
    viewer: knowledge.viewer,
  });
}

export interface CycleFigures {
  cycle: ReleasedCycle;
  /** Every competency of the cycle, whether or not `figures` has them. */
  competencies: ProfileCompetency[];
  scale: CycleProfile["scale"];
  /**
   * Every team of the cycle, and the norm, on the competencies asked for (cycleFiguresOf,
   * loadCycleFigures' teamIds); a competency not asked for is absent.
   */
  figures: CycleTeamFigures;
  /** What the figures counted on the viewer knowing (member results apply the same rule). */
  knowledge: CycleKnowledge;
  /** Per team, the competencies its members were rated on. */
  ratedOn: Map<string, Set<string>>;
}

/** The team figures of loaded inputs on `competencyKeys` (by default every competency). */
export function cycleFiguresOf(
  inputs: CycleFigureInputs,
  competencyKeys?: readonly string[],
): CycleFigures {
  return {
    cycle: inputs.cycle,
    competencies: inputs.profile.competencies,
    scale: inputs.profile.scale,
    figures: figuresOf(inputs, inputs.knowledge, competencyKeys),
    knowledge: inputs.knowledge,
    ratedOn: inputs.ratedOn,
  };
}

/**
 * Every team figure of a released cycle as this viewer may see it (thresholds applied); with
 * `teamIds`, only on the competencies those teams' members were rated on (competenciesOfTeams).
 */
export async function loadCycleFigures(
  db: DB,
  cycleId: string,
  viewerPersonId: string,
  options: { teamIds?: readonly string[] } = {},
): Promise<CycleFigures> {
  const inputs = await loadCycleFigureInputs(db, cycleId, viewerPersonId);
  if (!inputs) throw new Error(`Ronde ${cycleId} is niet vrijgegeven`);
  const keys = inputs.profile.competencies.map((competency) => competency.key);
  return cycleFiguresOf(
    inputs,
    options.teamIds ? competenciesOfTeams(keys, inputs.ratedOn, options.teamIds) : keys,
  );
}

export interface SelectableTeam {
  id: string;
  name: string;
  parentName: string | null;
}

/** Teams a user may pick: HR every team of the organisation, a lead the teams they see. */
export async function selectableTeams(db: DB, user: CurrentUser): Promise<SelectableTeam[]> {
  if (!user.isHrAdmin && user.visibleTeamIds.length === 0) return [];
  let query = db
    .selectFrom("team")
    .leftJoin("team as parent", "parent.id", "team.parent_team_id")
    .select(["team.id", "team.name", "parent.name as parent_name"])
    .where("team.organisation_id", "=", user.organisationId);
  if (!user.isHrAdmin) query = query.where("team.id", "in", user.visibleTeamIds);
  const rows = await query.execute();
  return rows
    .map((row) => ({ id: row.id, name: row.name, parentName: row.parent_name }))
    .sort(
      (a, b) =>
        compareDutchText(a.parentName ?? a.name, b.parentName ?? b.name) ||
        (a.parentName === null ? -1 : 0) - (b.parentName === null ? -1 : 0) ||
        compareByName(a, b),
    );
}
