import type { CycleStatus, Relationship } from "#db/schema";
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
