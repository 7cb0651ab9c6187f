import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { nominatedGroupLabel } from "~/i18n/labels";
import type {
  NominationGroupView,
  NominationItemView,
  NominationPageView,
} from "../page-data.server";

/** How a nomination can be taken off the list on this page, if at all. */
export interface RemoveAction {
  intent: "withdraw" | "remove";
  label: string;
  /** The button's accessible name, starting with its label: "Intrekken: Jan Jansen". */
  accessibleName: (name: string) => string;
  /** Whether this nomination can be taken off (a participant withdraws only proposals). */
  allows: (item: NominationItemView) => boolean;
}

/** The nominated raters per group, with the group's limits and how many there are now. */
export function NominationGroups({
  view,
  removeAction,
}: {
  view: NominationPageView;
  removeAction: RemoveAction | null;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="voordracht-title">
      <h2 id="voordracht-title">{t("nominations.list.title")}</h2>
      {view.groups.map((group) => (
        <NominationGroup key={group.group} group={group} removeAction={removeAction} />
      ))}
      {view.removed.length > 0 ? (
        <>
          <h3>{t("nominations.list.removedTitle")}</h3>
          <ul>
            {view.removed.map((item) => (
              <li key={item.id}>
                {t("nominations.list.removedItem", {
                  name: item.name,
                  group: t(nominatedGroupLabel[item.group]),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function NominationGroup({
  group,
  removeAction,
}: {
  group: NominationGroupView;
  removeAction: RemoveAction | null;
}) {
  const { t } = useTranslation();
  const headingId = `groep-${group.group}`;
  return (
    <div className="nomination-group">
      <h3 id={headingId}>{t(nominatedGroupLabel[group.group])}</h3>
      <p className="muted">
        {t("nominations.list.limits", { count: group.count, min: group.min, max: group.max })}
      </p>
      {group.items.length === 0 ? (
        <p>{t("nominations.list.empty")}</p>
      ) : (
        <ul className="nomination-list" aria-labelledby={headingId}>
          {group.items.map((item) => (
            <li key={item.id} className="nomination-list__item">
              <span className="nomination-list__who">
                <span className="nomination-list__name">{item.name}</span>
                {item.detail ? <span className="muted"> · {item.detail}</span> : null}
                {item.addedOnApproval ? (
                  <span className="muted"> · {t("nominations.list.addedOnApproval")}</span>
                ) : null}
              </span>
              {removeAction?.allows(item) ? (
                <Form method="post" className="nomination-list__action">
                  <input type="hidden" name="intent" value={removeAction.intent} />
                  <input type="hidden" name="nominationId" value={item.id} />
                  <button
                    type="submit"
                    className="button button--secondary button--small"
                    aria-label={removeAction.accessibleName(item.name)}
                  >
                    {removeAction.label}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
