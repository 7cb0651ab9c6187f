import type { CycleStatus, ParticipantNominationStatus } from "#db/schema";
import { TableScroll } from "~/components/table-scroll";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import type { ParticipantListItem } from "../participants.server";
import { ParticipantProfileForm } from "./participant-profile-form";
import { PersonActionForm } from "./person-action-form";

const NOMINATION_STATUS: Record<ParticipantNominationStatus, MessageKey> = {
  open: "cycles.participants.nominations.open",
  submitted: "cycles.participants.nominations.submitted",
  approved: "cycles.participants.nominations.approved",
};

/**
 * The participants of a cycle with their team, manager and the profile they are rated on;
 * while a draft, a choice of that profile; while nominating, how far their nominations are;
 * while participants may change, a button to remove each.
 */
export function ParticipantList({
  status,
  participants,
  editable,
  profiles,
}: {
  status: CycleStatus;
  participants: readonly ParticipantListItem[];
  editable: boolean;
  /** The library's current profiles, to choose from (a draft only; empty otherwise). */
  profiles: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const showNominations = status === "nominating";
  const chooseProfile = status === "draft" && profiles.length > 0;
  return (
    <section aria-labelledby="participants-title">
      <h2 id="participants-title">
        {t("cycles.participants.list.title", { count: participants.length })}
      </h2>
      {participants.length === 0 ? (
        <p>{t("cycles.participants.list.empty")}</p>
      ) : (
        <>
          {editable && showNominations ? (
            <p className="hint">{t("cycles.participants.list.removeHint")}</p>
          ) : null}
          <TableScroll label={t("cycles.participants.list.caption")}>
            <table className="data-table data-table--compact">
              <thead>
                <tr>
                  <th scope="col">{t("cycles.participants.list.name")}</th>
                  <th scope="col">{t("cycles.participants.list.team")}</th>
                  <th scope="col">{t("cycles.participants.list.manager")}</th>
                  <th scope="col">{t("cycles.participants.list.profile")}</th>
                  {showNominations ? (
                    <th scope="col">{t("cycles.participants.list.nominations")}</th>
                  ) : null}
                  {editable ? (
                    <th scope="col">
                      <span className="visually-hidden">
                        {t("cycles.participants.list.actions")}
                      </span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {participants.map((participant) => (
                  <tr key={participant.id}>
                    <th scope="row">{participant.name}</th>
                    <td>{participant.teamName ?? "—"}</td>
                    <td>{participant.managerName ?? t("cycles.participants.list.noManager")}</td>
                    <td>
                      {chooseProfile ? (
                        <ParticipantProfileForm participant={participant} profiles={profiles} />
                      ) : (
                        participant.profileName
                      )}
                    </td>
                    {showNominations ? (
                      <td>{t(NOMINATION_STATUS[participant.nominationStatus])}</td>
                    ) : null}
                    {editable ? (
                      <td>
                        <PersonActionForm
                          intent="remove"
                          idField="participantId"
                          person={participant}
                          label={t("cycles.participants.list.remove")}
                          buttonClassName="link-button"
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
