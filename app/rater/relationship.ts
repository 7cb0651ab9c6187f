import type { Relationship } from "#db/schema";
import type { MessageKey } from "~/i18n/messages";

export const RELATIONSHIP_LABEL: Record<Relationship, MessageKey> = {
  self: "relationship.self",
  manager: "relationship.manager",
  colleague: "relationship.colleague",
  customer: "relationship.customer",
  report: "relationship.report",
};

/** The group a rater belongs to, as a plural noun ("collega's"), for the privacy text. */
export const RELATIONSHIP_GROUP: Record<Relationship, MessageKey> = {
  self: "relationship.group.self",
  manager: "relationship.group.manager",
  colleague: "relationship.group.colleague",
  customer: "relationship.group.customer",
  report: "relationship.group.report",
};
