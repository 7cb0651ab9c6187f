import { useTranslation } from "~/i18n/use-translation";

/** The self-assessment and the manager's invitation, which nobody nominates. */
export function AutomaticRaters({
  participantName,
  managerName,
}: {
  participantName: string;
  managerName: string | null;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="vanzelf-title">
      <h2 id="vanzelf-title">{t("nominations.automatic.title")}</h2>
      <p>{t("nominations.automatic.intro")}</p>
      <ul>
        <li>{t("nominations.automatic.self", { name: participantName })}</li>
        {managerName ? <li>{t("nominations.automatic.manager", { name: managerName })}</li> : null}
      </ul>
      {managerName ? null : <p className="hint">{t("nominations.automatic.noManager")}</p>}
    </section>
  );
}
