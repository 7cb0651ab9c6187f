import { z } from "~/utils/zod";

/** Stable identifier of a profile, cluster, competency or indicator: a lowercase slug. */
export const ProfileIdSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    "moet een slug zijn: kleine letters, cijfers en streepjes (bijv. kennis-van-de-klant-1)",
  );

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
          message: "de waarden van de schaal moeten opeenvolgend oplopen (1, 2, 3, …)",
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
    .min(1, "een competentie heeft minstens één gedragsindicator"),
});

export const ClusterSchema = z.object({
  id: ProfileIdSchema,
  name: z.string().trim().min(2).max(120),
  competencies: z.array(CompetencySchema).min(1, "een cluster heeft minstens één competentie"),
});

export const ProfileSchema = z
  .object({
    id: ProfileIdSchema,
    name: z.string().trim().min(2).max(200),
    language: z.enum(["nl", "en"]).default("nl"),
    description: z.string().trim().max(3000).optional(),
    scale: RatingScaleSchema.default(DEFAULT_RATING_SCALE),
    clusters: z.array(ClusterSchema).min(1, "een profiel heeft minstens één cluster"),
  })
  .superRefine((profile, ctx) => {
    const seenIds = new Map<string, string>();
    const seenNames = new Set<string>();
    const claim = (id: string, what: string, path: (string | number)[]) => {
      const earlier = seenIds.get(id);
      if (earlier) {
        ctx.addIssue({
          code: "custom",
          path,
          message: `id "${id}" is al gebruikt door ${earlier}`,
        });
      } else {
        seenIds.set(id, what);
      }
    };
    profile.clusters.forEach((cluster, c) => {
      claim(cluster.id, `cluster "${cluster.name}"`, ["clusters", c, "id"]);
      cluster.competencies.forEach((competency, k) => {
        const path = ["clusters", c, "competencies", k];
        claim(competency.id, `competentie "${competency.name}"`, [...path, "id"]);
        const nameKey = competency.name.toLocaleLowerCase("nl");
        if (seenNames.has(nameKey)) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "name"],
            message: `competentie "${competency.name}" komt twee keer voor`,
          });
        }
        seenNames.add(nameKey);
        competency.indicators.forEach((indicator, i) => {
          claim(indicator.id, `een gedragsindicator van "${competency.name}"`, [
            ...path,
            "indicators",
            i,
            "id",
          ]);
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
