import type { ReportProblem } from "./import-teams";
import { normaliseEmailAddress } from "./text";

// The lead column of an import: on each row, the employee number or email address of the lead
// of that row's team. Every row of a team must name the same lead. Pure.

/** A person of the file (a row with a valid, unique employee number) who may be named as lead. */
export interface FileLeadCandidate {
  employeeNumber: string;
  email: string | null;
  name: string;
  /** The existing person the row updates, if any. */
  personId: string | null;
}

/** A person already in the organisation. */
export interface ExistingLeadCandidate {
  id: string;
  employeeNumber: string | null;
  email: string;
  name: string;
  isActive: boolean;
}

export interface LeadStatement {
  line: number;
  /** The canonical name of the row's team. */
  teamName: string;
  /** The lead the team has now, if it exists and has one. */
  currentLeadId: string | null;
  value: string;
}

export interface LeadTarget {
  /** Null for a person the import creates (found again by employee number when applying). */
  personId: string | null;
  employeeNumber: string | null;
  name: string;
}

export interface LeadChange {
  teamName: string;
  /** The name of the lead it has now. */
  from: string | null;
  to: LeadTarget;
}

export interface LeadResolution {
  changes: LeadChange[];
  /** Existing people named as a lead: they are evidently still around. */
  namedExistingIds: Set<string>;
}

export function resolveLeads(
  statements: LeadStatement[],
  fileRows: FileLeadCandidate[],
  existing: ExistingLeadCandidate[],
  report: ReportProblem,
): LeadResolution {
  const fileByNumber = firstBy(fileRows, (row) => row.employeeNumber);
  const fileByEmail = firstBy(fileRows, (row) => row.email);
  const existingByNumber = firstBy(existing, (person) => person.employeeNumber);
  const existingByEmail = firstBy(existing, (person) => normaliseEmailAddress(person.email));
  const existingById = new Map(existing.map((person) => [person.id, person]));
  const updatedIds = new Set(fileRows.map((row) => row.personId).filter(Boolean));

  const find = (value: string): LeadTarget | "inactive" | null => {
    const byEmail = value.includes("@");
    const key = byEmail ? normaliseEmailAddress(value) : value;
    const row = (byEmail ? fileByEmail : fileByNumber).get(key);
    if (row) return { personId: row.personId, employeeNumber: row.employeeNumber, name: row.name };
    const person = (byEmail ? existingByEmail : existingByNumber).get(key);
    if (!person) return null;
    // A deactivated person is reactivated only by a row of their own.
    if (!person.isActive && !updatedIds.has(person.id)) return "inactive";
    return { personId: person.id, employeeNumber: person.employeeNumber, name: person.name };
  };
  const identity = (target: LeadTarget) => target.personId ?? `new:${target.employeeNumber}`;

  const chosen = new Map<
    string,
    { line: number; target: LeadTarget; currentLeadId: string | null }
  >();
  for (const statement of statements) {
    const target = find(statement.value);
    if (target === null) {
      report(statement.line, { code: "leadNotFound", params: { value: statement.value } });
      continue;
    }
    if (target === "inactive") {
      report(statement.line, { code: "leadInactive", params: { value: statement.value } });
      continue;
    }
    const earlier = chosen.get(statement.teamName);
    if (!earlier) {
      const { line, currentLeadId } = statement;
      chosen.set(statement.teamName, { line, target, currentLeadId });
    } else if (identity(earlier.target) !== identity(target)) {
      report(statement.line, {
        code: "leadConflict",
        params: { team: statement.teamName, lead: earlier.target.name, line: earlier.line },
      });
    }
  }

  const changes: LeadChange[] = [];
  const namedExistingIds = new Set<string>();
  for (const [teamName, { target, currentLeadId }] of chosen) {
    if (target.personId) namedExistingIds.add(target.personId);
    if (target.personId !== null && target.personId === currentLeadId) continue;
    const current = currentLeadId ? existingById.get(currentLeadId) : undefined;
    changes.push({ teamName, from: current?.name ?? null, to: target });
  }
  return { changes, namedExistingIds };
}

/** The first item per key (null keys skipped). */
function firstBy<T>(items: T[], keyOf: (item: T) => string | null): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null && !map.has(key)) map.set(key, item);
  }
  return map;
}
