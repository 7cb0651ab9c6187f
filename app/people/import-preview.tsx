import { getFormProps } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { ErrorSummary, useKitForm, type FormResult } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { messageRef, type MessageKey, type Translate } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import type { ImportColumn } from "./columns";
import type {
  ChangedField,
  DeactivationCandidate,
  FieldChange,
  ImportPlan,
  RowOutcome,
} from "./import-plan";
import { importApplySchema } from "./import-apply-schema";
import { problemMessageKey, type ImportProblem } from "./import-problems";
import { fullName } from "./full-name";

// The parts of an import's preview page: what each row does, what happens to teams, and who
// could be deactivated. A refused value is shown with its line, the value and why; the values
// come cut to display size from the plan, and React escapes them like any text.

const COLUMN_LABEL: Record<ImportColumn, MessageKey> = {
  employeeNumber: "people.field.employeeNumber",
  name: "people.field.name",
  firstName: "people.field.firstName",
  lastName: "people.field.lastName",
  email: "people.field.email",
  team: "people.field.team",
  lead: "people.import.column.lead",
  role: "people.field.role",
  language: "people.field.locale",
  profile: "people.field.profile",
};

/** Why, after the cell it is about: "E-mailadres 'h.maas@voorbeeld': Vul een geldig …". */
export function problemText(problem: ImportProblem, t: Translate): string {
  const reason = t(problemMessageKey(problem.code), problem.params);
  if (!problem.cell) return reason;
  const column = t(COLUMN_LABEL[problem.cell.column]);
  const { value } = problem.cell;
  return value === ""
    ? t("people.import.problem.emptyCell", { column, reason })
    : t("people.import.problem.cell", { column, value, reason });
}

/** The anchor of a row in the table, for the summary's links. */
function rowAnchor(line: number): string {
  return `regel-${line}`;
}

/** The lines with an error the summary lists; the table shows them all. */
export const ROW_ERRORS_LISTED = 20;

const IMPORT_PAGE = "/beheer/mensen/importeren";

/** Why the file cannot be read at all, with the way back to load a better one. */
export function FileProblems({ problems }: { problems: readonly ImportProblem[] }) {
  const { t } = useTranslation();
  return (
    <ErrorSummary
      id="import-file-problems"
      title={t("people.preview.fileProblems")}
      formErrors={problems.map((problem) =>
        messageRef(problemMessageKey(problem.code), problem.params),
      )}
    >
      <p>
        <Link to={IMPORT_PAGE}>{t("people.preview.again")}</Link>
      </p>
    </ErrorSummary>
  );
}

/**
 * How many rows have an error, and the first ROW_ERRORS_LISTED of them with every problem,
 * each linking to its row in the table; with the way back.
 */
export function RowErrors({ rows }: { rows: readonly RowOutcome[] }) {
  const { t } = useTranslation();
  const errors = rows.filter((row) => row.kind === "error");
  if (errors.length === 0) return null;
  const listed = errors.slice(0, ROW_ERRORS_LISTED).map((row) => ({
    id: rowAnchor(row.line),
    label: String(row.line),
    // What makes the summary list the entry; the text says it in full.
    errors: row.problems.map((problem) => problemMessageKey(problem.code)),
    text: t("people.preview.rowProblem", {
      line: row.line,
      problems: row.problems.map((problem) => problemText(problem, t)).join(" "),
    }),
  }));
  const more = errors.length - listed.length;
  return (
    <ErrorSummary
      id="import-row-errors"
      title={t("people.preview.rowErrorsTitle")}
      formErrors={[messageRef("people.preview.rowErrors", { count: errors.length })]}
      fields={listed}
    >
      {more > 0 ? <p>{t("people.preview.moreRowErrors", { count: more })}</p> : null}
      <p>
        <Link to={IMPORT_PAGE}>{t("people.preview.again")}</Link>
      </p>
    </ErrorSummary>
  );
}

const FIELD_LABEL: Record<ChangedField, MessageKey> = {
  employeeNumber: "people.field.employeeNumber",
  firstName: "people.field.firstName",
  lastName: "people.field.lastName",
  email: "people.field.email",
  team: "people.field.team",
  role: "people.field.role",
  locale: "people.field.locale",
  profile: "people.field.profile",
  active: "people.field.status",
};

const VALUE_LABEL: Record<string, MessageKey> = {
  employee: "people.role.employee",
  hr_admin: "people.role.hr_admin",
  nl: "people.locale.nl",
  en: "people.locale.en",
  active: "people.status.active",
  inactive: "people.status.inactive",
};

const NO_VALUE: Partial<Record<ChangedField, MessageKey>> = {
  team: "people.field.noTeam",
  profile: "people.field.noProfile",
};

function valueText(field: ChangedField, value: string | null, t: Translate): string {
  if (value === null) return t(NO_VALUE[field] ?? "people.import.empty");
  const isCoded = field === "role" || field === "locale" || field === "active";
  const label = isCoded ? VALUE_LABEL[value] : undefined;
  return label ? t(label) : value;
}

export function changeText(change: FieldChange, t: Translate): string {
  return t("people.import.change", {
    field: t(FIELD_LABEL[change.field]),
    from: valueText(change.field, change.from, t),
    to: valueText(change.field, change.to, t),
  });
}

export function PlanSummary({ plan }: { plan: ImportPlan }) {
  const { t } = useTranslation();
  const figures: [MessageKey, number][] = [
    ["people.import.count.new", plan.counts.new],
    ["people.import.count.changed", plan.counts.changed],
    ["people.import.count.unchanged", plan.counts.unchanged],
    ["people.import.count.errors", plan.counts.errors],
    ["people.import.count.teams", plan.counts.teamsToCreate],
    ["people.import.count.absent", plan.counts.deactivationCandidates],
  ];
  const changesAddresses = plan.rows.some(
    (row) => row.kind === "changed" && row.changes.some((change) => change.field === "email"),
  );
  return (
    <>
      <dl className="stat-list">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {changesAddresses ? <p className="notice">{t("people.import.addressChangesNote")}</p> : null}
    </>
  );
}

const OUTCOME_LABEL: Record<RowOutcome["kind"], MessageKey> = {
  new: "people.import.outcome.new",
  changed: "people.import.outcome.changed",
  unchanged: "people.import.outcome.unchanged",
  error: "people.import.outcome.error",
};

export function RowOutcomeTable({ rows }: { rows: RowOutcome[] }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={t("people.import.rows.caption")}>
      <table className="data-table import-rows">
        <caption className="visually-hidden">{t("people.import.rows.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t("people.import.rows.line")}
            </th>
            <th scope="col">{t("people.import.rows.outcome")}</th>
            <th scope="col">{t("people.field.employeeNumber")}</th>
            <th scope="col">{t("people.field.name")}</th>
            <th scope="col">{t("people.import.rows.details")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} className={`import-row import-row--${row.kind}`}>
              <th
                scope="row"
                className="numeric"
                id={row.kind === "error" ? rowAnchor(row.line) : undefined}
                tabIndex={row.kind === "error" ? -1 : undefined}
              >
                {row.line}
              </th>
              <td>
                <span className={`outcome outcome--${row.kind}`}>{t(OUTCOME_LABEL[row.kind])}</span>
              </td>
              <td>
                {row.kind === "error" ? (row.employeeNumber ?? "–") : row.person.employeeNumber}
              </td>
              <td>{row.kind === "error" ? (row.name ?? "–") : fullName(row.person)}</td>
              <td>
                <RowDetails row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function RowDetails({ row }: { row: RowOutcome }) {
  const { t } = useTranslation();
  if (row.kind === "error") {
    return (
      <ul className="compact-list">
        {row.problems.map((problem, index) => (
          <li key={index}>{problemText(problem, t)}</li>
        ))}
      </ul>
    );
  }
  if (row.kind === "changed") {
    return (
      <ul className="compact-list">
        {row.changes.map((change) => (
          <li key={change.field}>{changeText(change, t)}</li>
        ))}
      </ul>
    );
  }
  if (row.kind === "new") {
    const { person } = row;
    return (
      <span>
        {[
          person.email,
          person.teamName ?? t("people.field.noTeam"),
          t(VALUE_LABEL[person.role] as MessageKey),
          t(VALUE_LABEL[person.locale] as MessageKey),
          ...(person.profile ? [t("people.import.profile", { name: person.profile.name })] : []),
        ].join(" · ")}
      </span>
    );
  }
  return null;
}

export function TeamChanges({ plan }: { plan: ImportPlan }) {
  const { t } = useTranslation();
  const { teamsToCreate, teamMoves, leadChanges, managersNotKept } = plan;
  const count =
    teamsToCreate.length + teamMoves.length + leadChanges.length + managersNotKept.length;
  if (count === 0) return null;
  return (
    <section aria-labelledby="team-changes-title">
      <h2 id="team-changes-title">{t("people.import.teams.title")}</h2>
      {teamsToCreate.length > 0 ? (
        <>
          <h3>{t("people.import.teams.new")}</h3>
          <ul>
            {teamsToCreate.map((team) => (
              <li key={team.name}>
                {team.parentName
                  ? t("people.import.teams.newUnder", { team: team.name, parent: team.parentName })
                  : team.name}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {teamMoves.length > 0 ? (
        <>
          <h3>{t("people.import.teams.moved")}</h3>
          <ul>
            {teamMoves.map((move) => (
              <li key={move.teamId}>
                {t("people.import.teams.move", {
                  team: move.name,
                  from: move.fromParent ?? t("people.import.teams.top"),
                  to: move.toParent,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {leadChanges.length > 0 ? (
        <>
          <h3>{t("people.import.teams.leads")}</h3>
          <ul>
            {leadChanges.map((change) => (
              <li key={change.teamName}>
                {change.from
                  ? t("people.import.teams.leadChange", {
                      team: change.teamName,
                      from: change.from,
                      to: change.to.name,
                    })
                  : t("people.import.teams.leadSet", { team: change.teamName, to: change.to.name })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {managersNotKept.length > 0 ? (
        <>
          <h3>{t("people.import.teams.managersNotKept")}</h3>
          <p className="hint">{t("people.import.teams.managersNotKeptHint")}</p>
          <ul>
            {managersNotKept.map((note) => (
              <li key={note.line}>{t("people.import.teams.managerNotKept", { ...note })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/**
 * The form that applies the import as previewed: who of the people not in the file to
 * deactivate, and the button. A refusal shows in the page's error summary, above the plan.
 */
export function ImportApplyForm({
  planHash,
  candidates,
  lastResult,
}: {
  planHash: string;
  candidates: DeactivationCandidate[];
  lastResult: FormResult | null | undefined;
}) {
  const { t } = useTranslation();
  const [form] = useKitForm({ id: "import-toepassen", schema: importApplySchema, lastResult });
  return (
    <Form method="post" {...getFormProps(form)} className="stack-form">
      <input type="hidden" name="planHash" value={planHash} />
      <DeactivationChoices candidates={candidates} />
      <div className="form-actions">
        <button type="submit" className="button">
          {t("people.preview.submit")}
        </button>
        <p className="form-actions__hint">{t("people.preview.allOrNothing")}</p>
      </div>
    </Form>
  );
}

/** The people not in the file, each with a checkbox: ticked ones are deactivated on import. */
function DeactivationChoices({ candidates }: { candidates: DeactivationCandidate[] }) {
  const { t } = useTranslation();
  if (candidates.length === 0) {
    return <p>{t("people.import.absent.none")}</p>;
  }
  return (
    <fieldset className="choice-group deactivation-choices" aria-describedby="absent-hint">
      <legend>{t("people.import.absent.legend", { count: candidates.length })}</legend>
      <p className="hint" id="absent-hint">
        {t("people.import.absent.hint")}
      </p>
      <ul className="choice-list">
        {candidates.map((candidate) => {
          const id = `deactivate-${candidate.personId}`;
          const facts = [
            candidate.employeeNumber,
            candidate.email,
            candidate.teamName,
            candidate.ledTeams.length > 0
              ? t("people.import.absent.leads", { teams: candidate.ledTeams.join(", ") })
              : null,
          ].filter(Boolean);
          return (
            <li key={candidate.personId}>
              <input type="checkbox" id={id} name="deactivate" value={candidate.personId} />
              <label htmlFor={id}>
                <span className="choice-list__name">{candidate.name}</span>{" "}
                <span className="muted">({facts.join(", ")})</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
