import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { ParticipantListItem } from "../participants.server";

/**
 * The profile one participant of a draft round is rated on, as a small form of its own (a
 * plain post, so it works without JavaScript). The select's name says whose profile it is.
 */
export function ParticipantProfileForm({
  participant,
  profiles,
}: {
  participant: Pick<ParticipantListItem, "id" | "name" | "profileKey" | "profileName">;
  profiles: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const selectId = `profiel-${participant.id}`;
  // A profile retired since the participant got it stays shown until HR picks another.
  const options = profiles.some((profile) => profile.id === participant.profileKey)
    ? profiles
    : [{ id: participant.profileKey, name: participant.profileName }, ...profiles];
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="set-profile" />
      <input type="hidden" name="participantId" value={participant.id} />
      <label htmlFor={selectId} className="visually-hidden">
        {t("cycles.participants.list.profileOf", { name: participant.name })}
      </label>
      <select id={selectId} name="profileKey" defaultValue={participant.profileKey}>
        {options.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {profile.name}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="link-button">
        {t("cycles.participants.list.setProfile")}
        <span className="visually-hidden"> {participant.name}</span>
      </button>
    </Form>
  );
}
