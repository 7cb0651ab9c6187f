import { Form } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import type { Translate } from "~/i18n/messages";
import { relationshipLabel } from "~/i18n/labels";
import type { Locale } from "~/i18n/locales";
import { useTranslation } from "~/i18n/use-translation";
import { dayInOrganisation, formatDay } from "~/utils/dates";
import type { InvitationListing, RevokedListing } from "../participant-page.server";

// The invitations of one participant on HR's page: who was asked, in which group, when;
// never whether they answered (next to a name, that would break the anonymity promise).

function dayOf(iso: string | null, locale: Locale, t: Translate): string {
  return iso
    ? formatDay(dayInOrganisation(new Date(iso)), locale)
    : t("invitations.participant.list.notSent");
}

/** The columns both tables open with: the rater, their group, and the day named by `dayLabel`. */
function InvitationHeads({ dayLabel }: { dayLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col">{t("invitations.participant.list.rater")}</th>
      <th scope="col">{t("invitations.participant.list.group")}</th>
      <th scope="col">{dayLabel}</th>
    </>
  );
}

function InvitationCells({
  invitation,
  day,
}: {
  invitation: Pick<InvitationListing, "raterName" | "raterEmail" | "relationship">;
  day: string | null;
}) {
  const { t, locale } = useTranslation();
  return (
    <>
      <th scope="row">
        {invitation.raterName}
        <br />
        <span className="muted">{invitation.raterEmail}</span>
      </th>
      <td>{t(relationshipLabel[invitation.relationship])}</td>
      <td>{dayOf(day, locale, t)}</td>
    </>
  );
}

/** The invitations that stand, each with a button to withdraw it while HR may. */
export function InvitedRatersTable({
  invitations,
  mayRevoke,
  pagePath,
}: {
  invitations: readonly InvitationListing[];
  mayRevoke: boolean;
  /** Where the withdraw buttons post: the page without its search. */
  pagePath: string;
}) {
  const { t } = useTranslation();
  const title = t("invitations.participant.list.title");
  return (
    <section aria-labelledby="invited-title">
      <h2 id="invited-title">{title}</h2>
      {invitations.length === 0 ? (
        <p>{t("invitations.participant.list.empty")}</p>
      ) : (
        <TableScroll label={title}>
          <table className="data-table">
            <thead>
              <tr>
                <InvitationHeads dayLabel={t("invitations.participant.list.sentAt")} />
                {mayRevoke ? <th scope="col">{t("invitations.participant.list.action")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.handle}>
                  <InvitationCells invitation={invitation} day={invitation.sentAt} />
                  {mayRevoke ? (
                    <td>
                      <Form method="post" action={pagePath}>
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="handle" value={invitation.handle} />
                        <button
                          type="submit"
                          className="button button--secondary"
                          aria-label={t("invitations.participant.revokeLabel", {
                            name: invitation.raterName,
                          })}
                        >
                          {t("invitations.participant.revoke")}
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/** The invitations HR withdrew, and when. */
export function RevokedInvitationsTable({ revoked }: { revoked: readonly RevokedListing[] }) {
  const { t } = useTranslation();
  if (revoked.length === 0) return null;
  const title = t("invitations.participant.revoked.title");
  return (
    <section aria-labelledby="revoked-title">
      <h2 id="revoked-title">{title}</h2>
      <TableScroll label={title}>
        <table className="data-table">
          <thead>
            <tr>
              <InvitationHeads dayLabel={t("invitations.participant.revoked.at")} />
            </tr>
          </thead>
          <tbody>
            {revoked.map((invitation) => (
              <tr key={invitation.handle}>
                <InvitationCells invitation={invitation} day={invitation.revokedAt} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
