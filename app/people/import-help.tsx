import { TableScroll } from "~/components/table-scroll";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { COLUMN_ALIASES, type ImportColumn } from "./columns";

// What an import file looks like, below the upload form: the columns Rondom recognises and
// an example.

const COLUMN_HELP: { column: ImportColumn; required: boolean; meaning: MessageKey }[] = [
  { column: "employeeNumber", required: true, meaning: "people.import.help.employeeNumber" },
  { column: "name", required: true, meaning: "people.import.help.name" },
  { column: "firstName", required: false, meaning: "people.import.help.firstName" },
  { column: "lastName", required: false, meaning: "people.import.help.lastName" },
  { column: "email", required: true, meaning: "people.import.help.email" },
  { column: "team", required: false, meaning: "people.import.help.team" },
  { column: "lead", required: false, meaning: "people.import.help.lead" },
  { column: "role", required: false, meaning: "people.import.help.role" },
  { column: "language", required: false, meaning: "people.import.help.language" },
  { column: "profile", required: false, meaning: "people.import.help.profile" },
];

/**
 * As a personnel system exports it: each person's own manager. Aylin leads Publiekszaken (the
 * others there name her) and names Sanne, who thereby leads Dienstverlening. The function
 * profiles are ones Rondom comes with, named as people write them; Mark gets none.
 */
export const IMPORT_EXAMPLE = [
  "Personeelsnummer;Naam;E-mail;Team;Leidinggevende;Rol;Taal;Functieprofiel",
  "100234;Sanne de Vries;s.devries@gemeente.example;Dienstverlening;;;nl;Toepassing beleid",
  "100912;Aylin Yılmaz;a.yilmaz@gemeente.example;Dienstverlening > Publiekszaken;100234;;English;Competentieprofiel Projectleider",
  "100871;Vries, Pieter de;p.devries@gemeente.example;Dienstverlening > Publiekszaken;100912;;;medewerker publiekszaken",
  "101005;Mark Janssen;m.janssen@gemeente.example;Dienstverlening > Publiekszaken;a.yilmaz@gemeente.example;HR;;",
].join("\n");

export function ImportHelp() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="help-title" className="import-help">
      <h2 id="help-title">{t("people.import.help.title")}</h2>
      <p>{t("people.import.help.format")}</p>
      <TableScroll label={t("people.import.help.columns")}>
        <table className="data-table">
          <caption className="visually-hidden">{t("people.import.help.columns")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("people.import.help.column")}</th>
              <th scope="col">{t("people.import.help.aliases")}</th>
              <th scope="col">{t("people.import.help.meaning")}</th>
            </tr>
          </thead>
          <tbody>
            {COLUMN_HELP.map(({ column, required, meaning }) => {
              const [name, ...aliases] = COLUMN_ALIASES[column];
              return (
                <tr key={column}>
                  <th scope="row">
                    {name}
                    {required ? ` (${t("people.import.help.required")})` : null}
                  </th>
                  <td>{aliases.join(", ")}</td>
                  <td>{t(meaning)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p>{t("people.import.help.rules")}</p>
      <h3>{t("people.import.help.example")}</h3>
      <pre className="import-example">
        <code>{IMPORT_EXAMPLE}</code>
      </pre>
    </section>
  );
}
