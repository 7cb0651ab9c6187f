import type { DB } from "#db/database";
import type { CycleStatus, NominationStatus, ParticipantNominationStatus } from "#db/schema";
import { hasInvitations } from "~/cycles/transitions";
import { loadInvitedRaters, type InvitedRater } from "~/invitations/invited-raters.server";
import { raterAddressKey } from "~/invitations/rater-address";
import { inDutchOrder } from "~/people/dutch-order";
import { dayInOrganisation } from "~/utils/dates";
import type { NominationSide } from "./candidate-rules";
import { loadDirectory } from "./directory.server";
import { searchDirectory } from "./directory-search";
import { limitOf, type LimitProblem, type NominatedGroup } from "./limits";
import { loadNominationOverview } from "./nomination-store.server";
import { isNominationOpen, type Actor, type NominationContext } from "./participant-context.server";
import { loadReviewQueue } from "./review.server";

// What the participant's page and the lead's page show of one participation, and the lead's
// queue.

export interface NominationItemView {
  id: string;
  name: string;
  /** The team of a colleague or direct report; the address of a customer. */
  detail: string | null;
  status: NominationStatus;
  /** Added on the lead's side (by the lead or HR), not proposed by the participant. */
  addedOnApproval: boolean;
}

export interface NominationGroupView {
  group: NominatedGroup;
  min: number;
  max: number;
  count: number;
  items: NominationItemView[];
}

export interface PersonView {
  id: string;
  name: string;
  teamName: string | null;
}

/** A directory search as a page shows it: what was asked, and who was found. */
export type SearchView<Person = PersonView> = { query: string } & (
  | { status: "empty" }
  | { status: "too_short" }
  | { status: "done"; results: Person[]; more: boolean }
);

export interface NominationPageView {
  participantId: string;
  participantName: string;
  managerName: string | null;
  cycleName: string;
  cycleStatus: CycleStatus;
  nominationDeadline: string | null;
  /** The round is nominating, so the nominations may still change. */
  nominationOpen: boolean;
  nominationStatus: ParticipantNominationStatus;
  submittedOn: string | null;
  approvedOn: string | null;
  approvedByName: string | null;
  groups: NominationGroupView[];
  removed: { id: string; name: string; group: NominatedGroup }[];
  problems: LimitProblem[];
  search: SearchView;
  /** Direct reports not nominated yet; null when the round has no reports group for them. */
  directReports: PersonView[] | null;
  /**
   * On the participant's page once invitations exist: everyone invited to rate the
   * participant, whoever added them, never who answered. Null otherwise.
   */
  invitedRaters: InvitedRater[] | null;
}

const dayOf = (iso: string | null) => (iso ? dayInOrganisation(new Date(iso)) : null);

/**
 * The page of one participation. The search leaves out who cannot be chosen: the participant,
 * the manager and everyone nominated already (on the participant's side also whoever the lead
 * removed, who only the lead can bring back), and direct reports, who have their own list.
 */
export async function loadNominationPageView(
  db: DB,
  context: NominationContext,
  side: NominationSide,
  query: string,
): Promise<NominationPageView> {
  const overview = await loadNominationOverview(db, context);
  const { nominations, limits, directReportIds } = overview;
  const reportsGroup = limitOf(limits, "report") !== null;
  const visible = nominations.filter((n) => n.status !== "removed");

  const taken = new Set<string>([context.person.id]);
  if (context.manager) taken.add(context.manager.id);
  for (const nomination of side === "participant" ? nominations : visible) {
    if (nomination.raterPersonId) taken.add(nomination.raterPersonId);
  }
  const takenAddresses = new Set(visible.map((n) => raterAddressKey(n.raterEmail)));
  // The directory is read only for a search or the list of direct reports.
  const needsDirectory = query.trim() !== "" || reportsGroup;
  const directory = (needsDirectory ? await loadDirectory(db, context.organisationId) : []).filter(
    (person) => !taken.has(person.id) && !takenAddresses.has(raterAddressKey(person.email)),
  );
  const toView = (person: PersonView): PersonView => ({
    id: person.id,
    name: person.name,
    teamName: person.teamName,
  });

  // The participant's page only: the lead's page does not show (so does not send) the list.
  const invitedRaters =
    side === "participant" && hasInvitations(context.cycle.status)
      ? ((await loadInvitedRaters(db, [context.participantId])).get(context.participantId) ?? [])
      : null;

  const outcome = searchDirectory(
    directory.filter((person) => !reportsGroup || !directReportIds.has(person.id)),
    query,
  );
  const search: SearchView =
    outcome.status === "done"
      ? { query, status: "done", results: outcome.results.map(toView), more: outcome.more }
      : { query, status: outcome.status };

  return {
    participantId: context.participantId,
    participantName: context.person.name,
    managerName: context.manager?.name ?? null,
    cycleName: context.cycle.name,
    cycleStatus: context.cycle.status,
    nominationDeadline: context.cycle.nominationDeadline,
    nominationOpen: isNominationOpen(context),
    nominationStatus: context.nominationStatus,
    submittedOn: dayOf(context.submittedAt),
    approvedOn: dayOf(context.approvedAt),
    approvedByName: context.approvedByName,
    groups: limits.map(({ group, min, max }) => ({
      group,
      min,
      max,
      count: overview.counts[group],
      items: visible
        .filter((n) => n.relationship === group)
        .map((n) => ({
          id: n.id,
          name: n.raterName,
          detail: group === "customer" ? n.raterEmail : n.teamName,
          status: n.status,
          addedOnApproval: n.status === "approved" && n.proposedByPersonId !== context.person.id,
        })),
    })),
    removed: nominations
      .filter((n) => n.status === "removed")
      .map((n) => ({ id: n.id, name: n.raterName, group: n.relationship })),
    problems: overview.problems,
    search,
    directReports: reportsGroup
      ? inDutchOrder(directory.filter((person) => directReportIds.has(person.id))).map(toView)
      : null,
    invitedRaters,
  };
}

/** One row of the lead's queue: its columns, no more (page data is shown data). */
export interface ReviewQueueRow {
  participantId: string;
  name: string;
  cycleName: string;
  activeNominations: number;
  /** The groups with fewer nominations than the minimum. */
  tooFewIn: NominatedGroup[];
  submittedOn: string | null;
}

/** The lead's queue (HR: everyone's), by where the nominations stand. */
export async function loadReviewQueueView(db: DB, actor: Actor) {
  const queue = await loadReviewQueue(db, actor);
  const rowsWith = (status: ParticipantNominationStatus): ReviewQueueRow[] =>
    queue
      .filter((entry) => entry.status === status)
      .map((entry) => ({
        participantId: entry.participantId,
        name: entry.name,
        cycleName: entry.cycleName,
        activeNominations: entry.activeNominations,
        tooFewIn: entry.problems
          .filter((problem) => problem.kind === "too_few")
          .map((problem) => problem.group),
        submittedOn: dayOf(entry.submittedAt),
      }));
  return { waiting: rowsWith("submitted"), open: rowsWith("open"), approved: rowsWith("approved") };
}
