import type { CycleStatus, Relationship } from "#db/schema";
import type { NominatedGroup } from "~/nominations/limits";
import type { MessageKey } from "./messages";

export const relationshipLabel: Record<Relationship, MessageKey> = {
  self: "relationship.self",
  manager: "relationship.manager",
  colleague: "relationship.colleague",
  customer: "relationship.customer",
  report: "relationship.report",
};

export const cycleStatusLabel: Record<CycleStatus, MessageKey> = {
  draft: "cycle.status.draft",
  nominating: "cycle.status.nominating",
  collecting: "cycle.status.collecting",
  closed: "cycle.status.closed",
  released: "cycle.status.released",
};

/** The groups a participant nominates raters for, as the nomination pages head them. */
export const nominatedGroupLabel: Record<NominatedGroup, MessageKey> = {
  colleague: "nominations.group.colleague",
  customer: "nominations.group.customer",
  report: "nominations.group.report",
};
