import { z } from "~/utils/zod";
import { messageRef, type MessageKey } from "~/i18n/messages";
import {
  collapseSpaces,
  hasNonTextCharacters,
  plainTextField,
  withoutNonText,
} from "~/utils/plain-text";
import { PROFILE_LIMITS } from "./schema";

// The profile editor's form (/beheer/profielen/<id>/bewerken): the profile's name and
// description, its clusters, their competencies and their indicators, in the order HR puts
// them. Each element that came from the stored version carries its key in a hidden field,
// so a reworded indicator keeps its id; an element without a key is new and gets one when
// the form is turned into a profile (app/profiles/edit-profile.ts). Shared by the browser
// and the server.

/** Limits of the editor: far above any published profile, low enough to bound a post. */
export const EDIT_LIMITS = {
  ...PROFILE_LIMITS,
  profileName: 200,
  clusterName: 120,
  competencyName: 120,
  description: 3000,
  indicator: 500,
  key: 80,
} as const;

function issue(key: MessageKey, params?: Record<string, number>): string {
  return messageRef(key, params);
}

function nameField(max: number) {
  return plainTextField(
    {
      required: issue("profiles.edit.issue.nameRequired"),
      tooLong: issue("profiles.edit.issue.tooLong", { max }),
      notText: issue("profiles.edit.issue.notText"),
    },
    { max, min: 2 },
  );
}

/**
 * A description as the Markdown format holds it: paragraphs, separated by a blank line; the
 * line breaks and white space inside a paragraph are one space.
 */
export function asParagraphs(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\p{Zs}]*\n\s*/u)
    .map(collapseSpaces)
    .filter(Boolean)
    .join("\n\n");
}

/**
 * The text of a stored element as the editor shows it: what a field would make of it, and
 * without characters the editor refuses (an import let them in before). A field posted back
 * as shown is that element unchanged (app/profiles/edit-profile.ts keeps the stored text).
 */
export function editableLine(value: string): string {
  return collapseSpaces(withoutNonText(value));
}

export function editableParagraphs(value: string): string {
  return asParagraphs(withoutNonText(value));
}

function multiLineField(max: number) {
  // No inner z.string(): the form parser reads an empty string as missing there.
  return z
    .string()
    .max(max * 2, { error: issue("profiles.edit.issue.tooLong", { max }) })
    .optional()
    .refine((value) => !(value ?? "").split(/\r?\n|\r/).some(hasNonTextCharacters), {
      error: issue("profiles.edit.issue.notText"),
      abort: true,
    })
    .transform((value) => asParagraphs(value ?? ""))
    .refine((value) => value.length <= max, {
      error: issue("profiles.edit.issue.tooLong", { max }),
    });
}

/** A stored element's key, or nothing for a new element. */
const keyField = z.string().max(EDIT_LIMITS.key).optional();

export const indicatorEditSchema = z.object({
  key: keyField,
  text: plainTextField(
    {
      required: issue("profiles.edit.issue.indicatorRequired"),
      tooLong: issue("profiles.edit.issue.tooLong", { max: EDIT_LIMITS.indicator }),
      notText: issue("profiles.edit.issue.notText"),
    },
    { max: EDIT_LIMITS.indicator, min: 2 },
  ),
});

export const competencyEditSchema = z.object({
  key: keyField,
  // A name ending in "*" would read as the organisation-wide mark ("***") in the Markdown
  // format (export, import): the mark is the check box.
  name: nameField(EDIT_LIMITS.competencyName).refine((name) => !name.endsWith("*"), {
    error: issue("profiles.edit.issue.starInName"),
  }),
  description: multiLineField(EDIT_LIMITS.description),
  // A checkbox: "on" when ticked, absent otherwise.
  organisationWide: z.boolean().optional(),
  indicators: z
    .array(indicatorEditSchema, { error: issue("profiles.edit.issue.noIndicators") })
    .min(1, { error: issue("profiles.edit.issue.noIndicators") })
    .max(EDIT_LIMITS.indicatorsPerCompetency, {
      error: issue("profiles.edit.issue.tooMany", { max: EDIT_LIMITS.indicatorsPerCompetency }),
    }),
});

export const clusterEditSchema = z.object({
  key: keyField,
  name: nameField(EDIT_LIMITS.clusterName),
  competencies: z
    .array(competencyEditSchema, { error: issue("profiles.edit.issue.noCompetencies") })
    .min(1, { error: issue("profiles.edit.issue.noCompetencies") })
    .max(EDIT_LIMITS.competenciesPerCluster, {
      error: issue("profiles.edit.issue.tooMany", { max: EDIT_LIMITS.competenciesPerCluster }),
    }),
});

export const profileEditSchema = z
  .object({
    /** The version the form was opened on: saving over a newer one is refused. */
    baseVersion: z.coerce.number().int().min(1).max(1_000_000),
    /** The fingerprint of the changes HR has seen; saving needs it to match. */
    reviewed: z.string().max(64).optional(),
    name: nameField(EDIT_LIMITS.profileName),
    description: multiLineField(EDIT_LIMITS.description),
    clusters: z
      .array(clusterEditSchema, { error: issue("profiles.edit.issue.noClusters") })
      .min(1, { error: issue("profiles.edit.issue.noClusters") })
      .max(EDIT_LIMITS.clusters, {
        error: issue("profiles.edit.issue.tooMany", { max: EDIT_LIMITS.clusters }),
      }),
  })
  .superRefine((form, ctx) => {
    // Two competencies of one name could not be told apart in a report or a questionnaire.
    const seen = new Set<string>();
    form.clusters.forEach((cluster, c) =>
      cluster.competencies.forEach((competency, k) => {
        const name = competency.name.toLocaleLowerCase("nl");
        if (seen.has(name)) {
          ctx.addIssue({
            code: "custom",
            path: ["clusters", c, "competencies", k, "name"],
            message: issue("profiles.edit.issue.duplicateName"),
          });
        }
        seen.add(name);
      }),
    );
  });

export type ProfileEditInput = z.input<typeof profileEditSchema>;
export type ProfileEdit = z.output<typeof profileEditSchema>;

/** The buttons of the editor that post the whole form: look at the changes, or save them. */
export const EDIT_INTENTS = ["review", "save"] as const;
export type EditIntent = (typeof EDIT_INTENTS)[number];

const FIELD_NAME =
  /^(?:intent|__intent__|baseVersion|reviewed|name|description|clusters\[\d{1,2}\]\.(?:key|name|competencies\[\d{1,2}\]\.(?:key|name|description|organisationWide|indicators\[\d{1,2}\]\.(?:key|text))))$/;

/** The names the editor can post (list indexes of at most two digits). */
export function isProfileEditField(name: string): boolean {
  return FIELD_NAME.test(name);
}
