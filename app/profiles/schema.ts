import { z } from "~/utils/zod";
import { profileIssueRef } from "./file-issues";

// Messages are references to `profiles.fileIssue.*` texts: the parsers read them back into
// problems with a line (app/profiles/markdown.ts), a form would translate them as they are.

/** Stable identifier of a profile, cluster, competency or indicator: a lowercase slug. */
export const ProfileIdSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, profileIssueRef("notSlug", {}));

export const ScalePointSchema = z.object({
  value: z.number().int(),
  label: z.string().trim().min(1).max(60),
});

export const RatingScaleSchema = z
  .object({
    points: z.array(ScalePointSchema).min(2).max(11),
    notApplicableLabel: z.string().trim().min(1).max(60),
  })
  .superRefine((scale, ctx) => {
    scale.points.forEach((point, index) => {
      const previous = scale.points[index - 1];
      if (previous && point.value !== previous.value + 1) {
        ctx.addIssue({
          code: "custom",
          path: ["points", index, "value"],
          message: profileIssueRef("scaleNotConsecutive", {}),
        });
      }
    });
  });

export const DEFAULT_RATING_SCALE = {
  points: [
    { value: 1, label: "(bijna) nooit" },
    { value: 2, label: "soms" },
    { value: 3, label: "regelmatig" },
    { value: 4, label: "vaak" },
    { value: 5, label: "(bijna) altijd" },
  ],
  notApplicableLabel: "kan ik niet beoordelen",
} as const satisfies z.input<typeof RatingScaleSchema>;

/**
 * How large a profile may be: far above any published profile, and the same for an import
 * and the editor, so every profile the library holds can be edited.
 */
export const PROFILE_LIMITS = {
  clusters: 12,
  competenciesPerCluster: 40,
  indicatorsPerCompetency: 25,
} as const;

export const IndicatorSchema = z.object({
  id: ProfileIdSchema,
  text: z.string().trim().min(2).max(500),
});

export const CompetencySchema = z.object({
  id: ProfileIdSchema,
  name: z.string().trim().min(2).max(120),
  description: z.string().trim().max(3000),
  organisationWide: z.boolean(),
  indicators: z
    .array(IndicatorSchema)
    .min(1, profileIssueRef("competencyWithoutIndicator", {}))
    .max(PROFILE_LIMITS.indicatorsPerCompetency),
});

export const ClusterSchema = z.object({
  id: ProfileIdSchema,
  name: z.string().trim().min(2).max(120),
  competencies: z
    .array(CompetencySchema)
    .min(1, profileIssueRef("clusterWithoutCompetency", {}))
    .max(PROFILE_LIMITS.competenciesPerCluster),
});

export const ProfileSchema = z
  .object({
    id: ProfileIdSchema,
    name: z.string().trim().min(2).max(200),
    language: z.enum(["nl", "en"]).default("nl"),
    description: z.string().trim().max(3000).optional(),
    scale: RatingScaleSchema.default(DEFAULT_RATING_SCALE),
    clusters: z
      .array(ClusterSchema)
      .min(1, profileIssueRef("profileWithoutCluster", {}))
      .max(PROFILE_LIMITS.clusters),
  })
  .superRefine((profile, ctx) => {
    /** By id, what a later element that uses it again is told: who has it. */
    const seenIds = new Map<string, () => string>();
    const seenNames = new Set<string>();
    const claim = (id: string, takenBy: () => string, path: (string | number)[]) => {
      const earlier = seenIds.get(id);
      if (earlier) {
        ctx.addIssue({ code: "custom", path, message: earlier() });
      } else {
        seenIds.set(id, takenBy);
      }
    };
    profile.clusters.forEach((cluster, c) => {
      const { id, name } = cluster;
      claim(id, () => profileIssueRef("idTakenByCluster", { id, cluster: name }), [
        "clusters",
        c,
        "id",
      ]);
      cluster.competencies.forEach((competency, k) => {
        const path = ["clusters", c, "competencies", k];
        claim(
          competency.id,
          () =>
            profileIssueRef("idTakenByCompetency", {
              id: competency.id,
              competency: competency.name,
            }),
          [...path, "id"],
        );
        const nameKey = competency.name.toLocaleLowerCase("nl");
        if (seenNames.has(nameKey)) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "name"],
            message: profileIssueRef("competencyTwice", { competency: competency.name }),
          });
        }
        seenNames.add(nameKey);
        competency.indicators.forEach((indicator, i) => {
          claim(
            indicator.id,
            () =>
              profileIssueRef("idTakenByIndicator", {
                id: indicator.id,
                competency: competency.name,
              }),
            [...path, "indicators", i, "id"],
          );
        });
      });
    });
  });

export type Profile = z.output<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;
export type Cluster = Profile["clusters"][number];
export type Competency = Cluster["competencies"][number];
export type Indicator = Competency["indicators"][number];
export type RatingScale = Profile["scale"];

export function countProfile(profile: Profile) {
  const competencies = profile.clusters.flatMap((cluster) => cluster.competencies);
  return {
    clusters: profile.clusters.length,
    competencies: competencies.length,
    indicators: competencies.reduce((sum, competency) => sum + competency.indicators.length, 0),
    organisationWide: competencies
      .filter((competency) => competency.organisationWide)
      .map((c) => c.name),
  };
}
