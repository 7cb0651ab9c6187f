import { relationshipLabel } from "~/i18n/labels";
import { useTranslation } from "~/i18n/use-translation";
import type { InvitedRater } from "~/invitations/invited-raters.server";

/** One rater: the name, the group, and whether HR added or withdrew them; never their answer. */
function InvitedRaterItem({ rater }: { rater: InvitedRater }) {
  const { t } = useTranslation();
  const notes = [
    rater.addedLater ? t("nominations.invited.addedLater") : null,
    rater.withdrawn ? t("nominations.invited.withdrawn") : null,
  ].filter(Boolean);
  return (
    <li>
      {t("nominations.invited.item", {
        name: rater.name,
        group: t(relationshipLabel[rater.relationship]),
      })}
      {notes.length > 0 ? <span className="muted"> ({notes.join(", ")})</span> : null}
    </li>
  );
}

function InvitedRaterList({ raters }: { raters: readonly InvitedRater[] }) {
  return (
    <ul>
      {raters.map((rater, index) => (
        <InvitedRaterItem key={`${rater.relationship}-${rater.name}-${index}`} rater={rater} />
      ))}
    </ul>
  );
}

/**
 * Everyone invited to rate the participant, on their nomination page: whoever added them
 * (the lead, HR), so nobody rates them unseen. Never who answered or declined.
 */
export function InvitedRatersSection({ raters }: { raters: readonly InvitedRater[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="uitgenodigd-title">
      <h2 id="uitgenodigd-title">{t("nominations.invited.title")}</h2>
      <p>{t("nominations.invited.intro")}</p>
      {raters.length === 0 ? (
        <p>{t("nominations.invited.empty")}</p>
      ) : (
        <InvitedRaterList raters={raters} />
      )}
    </section>
  );
}

/** The same list on Mijn Rondom, folded away (a disclosure works without JavaScript). */
export function InvitedRatersDetails({ raters }: { raters: readonly InvitedRater[] }) {
  const { t } = useTranslation();
  if (raters.length === 0) return null;
  return (
    <details className="invited-raters">
      <summary>{t("nominations.invited.summary", { count: raters.length })}</summary>
      <p className="hint">{t("nominations.invited.intro")}</p>
      <InvitedRaterList raters={raters} />
    </details>
  );
}
