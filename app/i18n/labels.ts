import type { CycleStatus, Relationship } from "#db/schema";
import type { NominatedGroup } from "~/nominations/limits";
import type { MessageKey, Translate } from "./messages";

// The words for a rater's relationship to the participant, in one place. Singular and plural
// are separate keys: relationshipGroupLabel's key is the plural of relationshipLabel's key
// for the same relationship (the self-assessment is the same word in both).

/** One rater's relationship, singular: "U bent uitgenodigd als collega". */
export const relationshipLabel: Record<Relationship, MessageKey> = {
  self: "relationship.self",
  manager: "relationship.manager",
  colleague: "relationship.colleague",
  customer: "relationship.customer",
  report: "relationship.report",
};

/**
 * The raters of one relationship together, plural ("collega’s"): a group's row or column in a
 * table, a series in a report's chart, the privacy text of a questionnaire.
 */
export const relationshipGroupLabel: Record<Relationship, MessageKey> = {
  self: "relationship.group.self",
  manager: "relationship.group.manager",
  colleague: "relationship.group.colleague",
  customer: "relationship.group.customer",
  report: "relationship.group.report",
};

/** The group as a column heading: "collega’s" becomes "Collega’s". */
export function relationshipGroupHeading(t: Translate, relationship: Relationship): string {
  const label = t(relationshipGroupLabel[relationship]);
  return label.charAt(0).toLocaleUpperCase() + label.slice(1);
}

/**
 * Who wrote a comment, as the report says under it ("— collega"): addressed to the reader,
 * so the participant's own comment is "uzelf" rather than the self-assessment.
 */
export const commentAuthorLabel: Record<Relationship, MessageKey> = {
  self: "report.commentBy.self",
  manager: "report.commentBy.manager",
  colleague: "report.commentBy.colleague",
  customer: "report.commentBy.customer",
  report: "report.commentBy.report",
};

/**
 * The button text of one questionnaire link in a rater's mail: about whom and in which
 * relationship ("{name}, als collega"), or the rater's own self-assessment.
 */
export const raterMailLinkLabel: Record<Relationship, MessageKey> = {
  self: "invitations.email.link.self",
  manager: "invitations.email.link.manager",
  colleague: "invitations.email.link.colleague",
  customer: "invitations.email.link.customer",
  report: "invitations.email.link.report",
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
