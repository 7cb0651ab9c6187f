import type { DB } from "#db/database";
import { profileChoices, profileNameOf } from "~/profiles/library.server";

/**
 * The function profiles a person can be given: the organisation's current profiles, and the
 * one they hold already when it was retired since (so saving the form keeps it).
 */
export async function personProfileOptions(
  db: DB,
  organisationId: string,
  currentKey: string | null,
): Promise<{ id: string; name: string }[]> {
  const choices = await profileChoices(db, organisationId);
  if (!currentKey || choices.some((choice) => choice.id === currentKey)) return choices;
  return [
    { id: currentKey, name: await profileNameOf(db, organisationId, currentKey) },
    ...choices,
  ];
}
