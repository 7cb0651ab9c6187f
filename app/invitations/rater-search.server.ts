import type { DB } from "#db/database";
import { loadDirectory } from "~/nominations/directory.server";
import { searchDirectory } from "~/nominations/directory-search";
import type { SearchView } from "~/nominations/page-data.server";
import { raterAddressKey } from "./rater-address";

/** A person found in the directory, and whether HR can add them as a late rater. */
export interface LateRaterCandidate {
  id: string;
  name: string;
  teamName: string | null;
  /** Why the person cannot be chosen, or null. */
  unavailable: "participant" | "invited" | null;
}

export type LateRaterSearch = SearchView<LateRaterCandidate>;

/**
 * Searches the organisation's active people by name (the directory search of the nomination
 * pages), marking the participant and people invited already as unavailable: withdrawn
 * invitations too, since one voice per rater holds for the whole round (one-voice.ts).
 */
export async function searchLateRaters(
  db: DB,
  organisationId: string,
  participantId: string,
  query: string,
): Promise<LateRaterSearch> {
  const outcome = searchDirectory(await loadDirectory(db, organisationId), query);
  if (outcome.status !== "done") return { status: outcome.status, query };
  const participant = await db
    .selectFrom("participant")
    .select("person_id")
    .where("id", "=", participantId)
    .executeTakeFirstOrThrow();
  const invited = await db
    .selectFrom("invitation")
    .select(["rater_person_id", "rater_email"])
    .where("participant_id", "=", participantId)
    .execute();
  const invitedIds = new Set(invited.map((row) => row.rater_person_id));
  const invitedAddresses = new Set(invited.map((row) => raterAddressKey(row.rater_email)));
  return {
    status: "done",
    query: query.trim(),
    more: outcome.more,
    results: outcome.results.map((person) => ({
      id: person.id,
      name: person.name,
      teamName: person.teamName,
      unavailable:
        person.id === participant.person_id
          ? "participant"
          : invitedIds.has(person.id) || invitedAddresses.has(raterAddressKey(person.email))
            ? "invited"
            : null,
    })),
  };
}
