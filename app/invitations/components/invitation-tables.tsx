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

function RaterCell({ name, email }: { name: string; email: string }) {
  return (
    <th scope="row">
      {name}
      <br />
      <span className="muted">{email}</span>
    </th>
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
  const { t, locale } = useTranslation();
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
                <th scope="col">{t("invitations.participant.list.rater")}</th>
                <th scope="col">{t("invitations.participant.list.group")}</th>
                <th scope="col">{t("invitations.participant.list.sentAt")}</th>
                {mayRevoke ? <th scope="col">{t("invitations.participant.list.action")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.handle}>
                  <RaterCell name={invitation.raterName} email={invitation.raterEmail} />
                  <td>{t(relationshipLabel[invitation.relationship])}</td>
                  <td>{dayOf(invitation.sentAt, locale, t)}</td>
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
  const { t, locale } = useTranslation();
  if (revoked.length === 0) return null;
  const title = t("invitations.participant.revoked.title");
  return (
    <section aria-labelledby="revoked-title">
      <h2 id="revoked-title">{title}</h2>
      <TableScroll label={title}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("invitations.participant.list.rater")}</th>
              <th scope="col">{t("invitations.participant.list.group")}</th>
              <th scope="col">{t("invitations.participant.revoked.at")}</th>
            </tr>
          </thead>
          <tbody>
            {revoked.map((invitation) => (
              <tr key={invitation.handle}>
                <RaterCell name={invitation.raterName} email={invitation.raterEmail} />
                <td>{t(relationshipLabel[invitation.relationship])}</td>
                <td>{dayOf(invitation.revokedAt, locale, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
