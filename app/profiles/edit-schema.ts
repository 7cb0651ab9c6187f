import { z } from "~/utils/zod";
import { messageRef, type MessageKey } from "~/i18n/messages";
import { hasNonTextCharacters, plainTextField } from "~/utils/plain-text";

// The profile editor's form (/beheer/profielen/<id>/bewerken): the profile's name and
// description, its clusters, their competencies and their indicators, in the order HR puts
// them. Each element that came from the stored version carries its key in a hidden field,
// so a reworded indicator keeps its id; an element without a key is new and gets one when
// the form is turned into a profile (app/profiles/edit-profile.ts). Shared by the browser
// and the server.

/** Limits of the editor: far above any published profile, low enough to bound a post. */
export const EDIT_LIMITS = {
  clusters: 12,
  competenciesPerCluster: 40,
  indicatorsPerCompetency: 25,
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
 * Multi-line text (a description): line breaks kept (as \n), the rest as typed, trimmed;
 * characters that are not text refused, line by line.
 */
function multiLineField(max: number) {
  // No inner z.string(): the form parser reads an empty string as missing there.
  return z
    .string()
    .max(max * 2, { error: issue("profiles.edit.issue.tooLong", { max }) })
    .optional()
    .transform((value) => (value ?? "").replace(/\r\n?/g, "\n").trim())
    .refine((value) => !value.split("\n").some(hasNonTextCharacters), {
      error: issue("profiles.edit.issue.notText"),
      abort: true,
    })
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
  name: nameField(EDIT_LIMITS.competencyName),
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
