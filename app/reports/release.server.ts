import { inTransaction } from "#db/transaction";
import type { Kysely } from "kysely";
import { jsonTextField } from "#db/dialect";
import { newId } from "#db/ids";
import type { Database, Relationship } from "#db/schema";
import { raterAddressKey } from "~/invitations/rater-address";
import { addressKeysOf } from "~/invitations/rater-address.server";
import { GENERAL_QUESTIONS, type Questionnaire } from "~/rater/questionnaire";
import { readQuestionnaire } from "~/rater/questionnaire.server";
import type { RaterAnswers } from "./engine/anonymity";
import { normWithheldFor } from "./norm-knowledge";
import {
  buildLeadView,
  buildReport,
  normMinParticipants,
  normOfReport,
  organisationNorm,
  REPORT_FORMAT_VERSION,
  trendAgainst,
  type RaterComment,
  type ReportContent,
  type ReportInput,
} from "./report-content";
import { fullName } from "~/people/full-name";
import { withAncestors } from "~/teams/tree";

const YIELD_EVERY = 25;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface CycleReportInputs {
  cycle: { id: string; name: string; releasedAt: string | null; leadAccess: string };
  participants: {
    id: string;
    personId: string;
    managerPersonId: string | null;
    /** The person's team as it is now (at release: the team the team profiles count them in). */
    teamId: string | null;
    hasReport: boolean;
    /** Other participants of the cycle this person rated (a submitted invitation). */
    ratedParticipantIds: string[];
    /**
     * The manager answered for this participant in another role than "manager": the lead
     * view, built without the "manager" answers, would still hold theirs, unrecognisable.
     */
    managerAnsweredAsOther: boolean;
    input: ReportInput;
  }[];
}

/** Everything a released cycle's reports are built from, read in a handful of queries. */
export async function loadReportInputs(
  db: Kysely<Database>,
  cycleId: string,
): Promise<CycleReportInputs> {
  const cycle = await db
    .selectFrom("cycle")
    .select([
      "id",
      "name",
      "status",
      "profile_snapshot_id",
      "min_group_size",
      "manager_identifiable",
      "lead_access",
      "released_at",
    ])
    .where("id", "=", cycleId)
    .executeTakeFirstOrThrow();
  if (cycle.status !== "released" || !cycle.profile_snapshot_id) {
    throw new Error("Rapporten worden alleen gemaakt voor een vrijgegeven ronde met een profiel");
  }
  // Each participant is rated on their own profile's version (the round's where they have none).
  const questionnaires = new Map<string, Promise<Questionnaire>>();
  const questionnaireOf = (snapshotId: string | null) => {
    const version = snapshotId ?? cycle.profile_snapshot_id!;
    let questionnaire = questionnaires.get(version);
    if (!questionnaire) {
      questionnaire = readQuestionnaire(db, version);
      questionnaires.set(version, questionnaire);
    }
    return questionnaire;
  };
  const settings = {
    k: cycle.min_group_size,
    managerIdentifiable: cycle.manager_identifiable === 1,
  };

  const participants = await db
    .selectFrom("participant")
    .innerJoin("person", "person.id", "participant.person_id")
    .leftJoin("report", "report.participant_id", "participant.id")
    .select([
      "participant.id",
      "participant.person_id",
      "participant.manager_person_id",
      "participant.profile_snapshot_id",
      "person.team_id",
      "person.first_name",
      "person.last_name",
      "report.id as report_id",
    ])
    .where("participant.cycle_id", "=", cycleId)
    // Every list below in the order of a stable key, not the database's: a mean sums its
    // values in list order, and floating-point sums in another order can differ in the last
    // digit (PostgreSQL returns rows in the order they lie, which an update changes). The
    // keys are random ids, so the order tells nothing about who answered when.
    .orderBy("participant.id")
    .execute();

  const [responses, ratings, comments, invitations, ratedByPerson] = await Promise.all([
    db
      .selectFrom("response")
      .select(["id", "participant_id", "relationship"])
      .where("cycle_id", "=", cycleId)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("rating")
      .innerJoin("response", "response.id", "rating.response_id")
      .select(["rating.response_id", "rating.indicator_id", "rating.score"])
      .where("response.cycle_id", "=", cycleId)
      .execute(),
    db
      .selectFrom("comment")
      .innerJoin("response", "response.id", "comment.response_id")
      .select([
        "comment.id",
        "comment.response_id",
        "comment.competency_id",
        "comment.question",
        "comment.text",
      ])
      .where("response.cycle_id", "=", cycleId)
      .orderBy("comment.id")
      .execute(),
    // Every invitation counts as invited, withdrawn ones too, as the participant saw it while
    // the round ran (app/cycles/progress.ts). Leaving out status "revoked" would count a
    // withdrawn rater only if they had answered or declined (an open invitation alone gets that
    // status), so the report would tell the participant whether the rater who left had answered.
    db
      .selectFrom("invitation")
      .select(["participant_id", "relationship"])
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("cycle_id", "=", cycleId)
      .groupBy(["participant_id", "relationship"])
      .execute(),
    // Who rated whom is known to the rater: it decides which norm figures they may see, and
    // whether a manager answered in another role.
    db
      .selectFrom("invitation")
      .select(["participant_id", "rater_person_id", "rater_email", "relationship"])
      .where("cycle_id", "=", cycleId)
      .where("status", "=", "submitted")
      .execute(),
  ]);

  const ratingsByResponse = new Map<string, Record<string, number | null>>();
  for (const rating of ratings) {
    const answers = ratingsByResponse.get(rating.response_id) ?? {};
    answers[rating.indicator_id] = rating.score;
    ratingsByResponse.set(rating.response_id, answers);
  }
  const ratersByParticipant = new Map<string, RaterAnswers[]>();
  for (const response of responses) {
    const list = ratersByParticipant.get(response.participant_id) ?? [];
    list.push({
      id: response.id,
      relationship: response.relationship,
      ratings: ratingsByResponse.get(response.id) ?? {},
    });
    ratersByParticipant.set(response.participant_id, list);
  }
  const participantOfResponse = new Map(responses.map((r) => [r.id, r.participant_id]));
  const commentsByParticipant = new Map<string, RaterComment[]>();
  for (const comment of comments) {
    const participantId = participantOfResponse.get(comment.response_id);
    if (!participantId) continue;
    const list = commentsByParticipant.get(participantId) ?? [];
    list.push({
      id: comment.id,
      raterId: comment.response_id,
      competencyId: comment.competency_id,
      question: comment.question,
      text: comment.text,
    });
    commentsByParticipant.set(participantId, list);
  }
  const ratedParticipantsOf = new Map<string, string[]>();
  for (const row of ratedByPerson) {
    if (row.rater_person_id === null) continue;
    const list = ratedParticipantsOf.get(row.rater_person_id) ?? [];
    list.push(row.participant_id);
    ratedParticipantsOf.set(row.rater_person_id, list);
  }
  const managerOf = new Map(participants.map((p) => [p.id, p.manager_person_id]));
  // The manager's answer is recognised by their person and, as a second line of defence for
  // an invitation not linked to it, by an address of theirs (their directory address now or
  // one stored on an invitation linked to them; case, spaces and a "+tag" aside). Taking an
  // answer for theirs when it is not only costs the lead view, never the manager's anonymity.
  const managerAddresses = await addressKeysOf(
    db,
    participants.flatMap((p) => (p.manager_person_id ? [p.manager_person_id] : [])),
  );
  const managerAnsweredAsOther = new Set(
    ratedByPerson
      .filter((row) => {
        const managerId = managerOf.get(row.participant_id);
        if (row.relationship === "manager" || !managerId) return false;
        return (
          row.rater_person_id === managerId ||
          (managerAddresses.get(managerId)?.has(raterAddressKey(row.rater_email)) ?? false)
        );
      })
      .map((row) => row.participant_id),
  );
  const invitedByParticipant = new Map<string, Partial<Record<Relationship, number>>>();
  for (const row of invitations) {
    const counts = invitedByParticipant.get(row.participant_id) ?? {};
    counts[row.relationship] = Number(row.count);
    invitedByParticipant.set(row.participant_id, counts);
  }

  return {
    cycle: {
      id: cycle.id,
      name: cycle.name,
      releasedAt: cycle.released_at,
      leadAccess: cycle.lead_access,
    },
    participants: await Promise.all(
      participants.map(async (participant) => ({
        id: participant.id,
        personId: participant.person_id,
        managerPersonId: participant.manager_person_id,
        teamId: participant.team_id,
        hasReport: participant.report_id !== null,
        ratedParticipantIds: (ratedParticipantsOf.get(participant.person_id) ?? []).filter(
          (id) => id !== participant.id,
        ),
        managerAnsweredAsOther: managerAnsweredAsOther.has(participant.id),
        input: {
          participantId: participant.id,
          participantFirstName: participant.first_name,
          participantName: fullName(participant),
          cycleName: cycle.name,
          questionnaire: await questionnaireOf(participant.profile_snapshot_id),
          settings,
          raters: ratersByParticipant.get(participant.id) ?? [],
          comments: commentsByParticipant.get(participant.id) ?? [],
          invited: invitedByParticipant.get(participant.id) ?? {},
          generalQuestions: GENERAL_QUESTIONS,
        },
      })),
    ),
  };
}

/**
 * Computes and stores the report of every participant of a released cycle. Runs once, at
 * release: a participant who already has a report keeps it unchanged (docs/domain.md: a released
 * report never changes). With each report go the inputs of the team profiles, frozen alike:
 * the participant's "all others" score per competency as the stored report shows it
 * (competency_score) and the teams they belonged to at that moment (participant_team).
 * Returns how many reports were written.
 */
export async function computeCycleReports(
  db: Kysely<Database>,
  cycleId: string,
  now: Date = new Date(),
  createId: () => string = newId,
): Promise<number> {
  const { cycle, participants } = await loadReportInputs(db, cycleId);

  // Every participant's figures first: the organisation norm is computed over all of them.
  // Now and then the event loop gets a turn, so a server releasing a big cycle keeps
  // answering other requests.
  const built: {
    participant: (typeof participants)[number];
    content: ReportContent;
    leadView: ReportContent | null;
  }[] = [];
  for (const [index, participant] of participants.entries()) {
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
    // No lead view where it could not leave the manager's own answers out.
    const leadMayRead =
      cycle.leadAccess === "with_consent" &&
      participant.managerPersonId !== null &&
      !participant.managerAnsweredAsOther;
    built.push({
      participant,
      content: buildReport(participant.input),
      leadView: leadMayRead ? buildLeadView(participant.input) : null,
    });
  }

  const norm = await cycleNorm(db, cycle.id, built);

  const teamPathOf = participants.some((participant) => !participant.hasReport)
    ? await teamPaths(db, cycle.id)
    : () => [];

  const contentOf = new Map(built.map(({ participant, content }) => [participant.id, content]));

  let written = 0;
  for (const [index, { participant, content, leadView }] of built.entries()) {
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
    if (participant.hasReport) continue;
    const previous = await previousReport(db, participant.personId, cycle.id, cycle.releasedAt);
    // Each report carries the norm of its own competencies only, all it shows.
    const ownNorm = normOfReport(norm, content);
    const report: ReportContent = {
      ...content,
      norm: ownNorm,
      normWithheld: normWithheldFor({
        norm: ownNorm,
        k: participant.input.settings.k,
        own: content,
        rated: participant.ratedParticipantIds.flatMap((id) => contentOf.get(id) ?? []),
      }),
      trend: trendAgainst(content, previous),
      leadView,
    };
    const teamPath = teamPathOf(participant.teamId);
    const store = async (trx: Kysely<Database>): Promise<boolean> => {
      const inserted = await trx
        .insertInto("report")
        .values({
          id: createId(),
          cycle_id: cycle.id,
          participant_id: participant.id,
          format_version: REPORT_FORMAT_VERSION,
          content: JSON.stringify(report),
          computed_at: now.toISOString(),
        })
        .onConflict((oc) => oc.column("participant_id").doNothing())
        .executeTakeFirst();
      // Another run stored this participant's report first: its rows came with it.
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      await storeTeamProfileInputs(trx, cycle.id, participant.id, report, teamPath);
      return true;
    };
    const stored = await inTransaction(db, store);
    if (stored) written++;
  }
  return written;
}

/**
 * The organisation norm of the cycle, over every participant's figures. Reports written later
 * (finishPendingReleases) keep the norm the cycle was released with: as the reports written
 * so far carry it, each for its own competencies (older ones for all). A competency none of
 * them is about (no participant rated on it has a report yet) has shown its norm to nobody:
 * it comes from the figures, as at release.
 */
async function cycleNorm(
  db: Kysely<Database>,
  cycleId: string,
  built: readonly {
    participant: Pick<CycleReportInputs["participants"][number], "hasReport" | "input">;
    content: ReportContent;
  }[],
): Promise<ReportContent["norm"]> {
  const computed = organisationNorm(
    built.map(({ content }) => content),
    normMinParticipants(built[0]?.participant.input.settings.k ?? 0),
  );
  // The norm of each report, not the whole content: one distinct row per profile version
  // (none at release).
  const stored = await db
    .selectFrom("report")
    .select(jsonTextField(db, "content", "norm").as("norm"))
    .distinct()
    .where("cycle_id", "=", cycleId)
    .execute();
  const norm: NonNullable<ReportContent["norm"]> = {};
  const decided = new Set<string>();
  for (const { participant, content } of built) {
    if (!participant.hasReport) continue;
    for (const competency of content.competencies) decided.add(competency.key);
  }
  for (const row of stored) {
    if (row.norm === null) continue;
    const carried = JSON.parse(row.norm) as NonNullable<ReportContent["norm"]>;
    for (const [key, figure] of Object.entries(carried)) {
      norm[key] = figure;
      decided.add(key);
    }
  }
  if (stored.length === 0) return computed;
  for (const [key, figure] of Object.entries(computed ?? {})) {
    if (!decided.has(key)) norm[key] = figure;
  }
  return Object.keys(norm).length > 0 ? norm : null;
}

/**
 * The competency_score rows of a stored report: one per competency whose "all others" score
 * the report shows (none where it is withheld).
 */
export function competencyScoresOf(
  report: Pick<ReportContent, "competencies">,
): { competencyKey: string; othersMean: number }[] {
  return report.competencies.flatMap((competency) => {
    const mean = competency.figures.others?.mean;
    return typeof mean === "number" && Number.isFinite(mean)
      ? [{ competencyKey: competency.key, othersMean: mean }]
      : [];
  });
}

/**
 * The teams of the cycle's organisation as they are now, read once: returns, for a team id,
 * that team and every team above it (own team first). A loop in the parent links ends the
 * path where it would repeat a team.
 */
export async function teamPaths(
  db: Kysely<Database>,
  cycleId: string,
): Promise<(teamId: string | null) => string[]> {
  const teams = await db
    .selectFrom("team")
    .innerJoin("cycle", "cycle.organisation_id", "team.organisation_id")
    .select(["team.id", "team.parent_team_id"])
    .where("cycle.id", "=", cycleId)
    .execute();
  const parentOf = new Map(teams.map((team) => [team.id, team.parent_team_id]));
  return (teamId) => withAncestors(teamId, (id) => parentOf.get(id));
}

async function storeTeamProfileInputs(
  db: Kysely<Database>,
  cycleId: string,
  participantId: string,
  report: ReportContent,
  teamPath: readonly string[],
): Promise<void> {
  const scores = competencyScoresOf(report);
  if (scores.length > 0) {
    await db
      .insertInto("competency_score")
      .values(
        scores.map((score) => ({
          participant_id: participantId,
          cycle_id: cycleId,
          competency_key: score.competencyKey,
          others_mean: score.othersMean,
        })),
      )
      .onConflict((oc) => oc.columns(["participant_id", "competency_key"]).doNothing())
      .execute();
  }
  if (teamPath.length > 0) {
    await db
      .insertInto("participant_team")
      .values(
        teamPath.map((teamId, depth) => ({
          participant_id: participantId,
          cycle_id: cycleId,
          team_id: teamId,
          depth,
        })),
      )
      .onConflict((oc) => oc.columns(["participant_id", "team_id"]).doNothing())
      .execute();
  }
}

/** The person's most recent report from an earlier released cycle, if any. */
async function previousReport(
  db: Kysely<Database>,
  personId: string,
  cycleId: string,
  releasedAt: string | null,
): Promise<{ cycleName: string; content: ReportContent } | null> {
  let query = db
    .selectFrom("report")
    .innerJoin("participant", "participant.id", "report.participant_id")
    .innerJoin("cycle", "cycle.id", "report.cycle_id")
    .select(["cycle.name", "report.content", "report.format_version"])
    .where("participant.person_id", "=", personId)
    .where("cycle.id", "!=", cycleId)
    .where("cycle.status", "=", "released")
    .orderBy("cycle.released_at", "desc")
    .limit(1);
  if (releasedAt) query = query.where("cycle.released_at", "<", releasedAt);
  const row = await query.executeTakeFirst();
  if (!row || row.format_version !== REPORT_FORMAT_VERSION) return null;
  return { cycleName: row.name, content: JSON.parse(row.content) as ReportContent };
}
