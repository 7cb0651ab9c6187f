// A family of function profiles for the benches: surveys/toepassing-beleid.md and variants of
// it, as an organisation's library holds them. Every variant keeps the organisation-wide
// competencies (*** in the file) exactly, with their keys, and has its own version of each
// other competency: a key of its own, its own wording, one indicator more or less. So a round
// over the family rates everyone on the shared competencies and each function on its own ones,
// and a team profile of that round has the union of all of them as its axes.
// Deterministic: the same size gives the same profiles, so their snapshots are the same too.
import path from "node:path";
import type { DB } from "#db/database";
import { createRandom, type Random } from "#db/seed/random";
import { currentVersionFor, saveProfileVersion } from "~/profiles/library.server";
import { loadProfilesFromDirectory } from "~/profiles/load.server";
import { ProfileSchema, type Profile } from "~/profiles/schema";
import { ROOT } from "./harness";

export const FAMILY_BASE_KEY = "toepassing-beleid";

/** Municipal functions the variants are named after (39 are needed for a family of 40). */
const FUNCTIONS = [
  "Vergunningverlener",
  "Toezichthouder bouwen",
  "Handhaver openbare ruimte",
  "Beleidsmedewerker wonen",
  "Adviseur ruimtelijke ordening",
  "Consulent werk en inkomen",
  "Klantmanager Wmo",
  "Jeugdconsulent",
  "Medewerker burgerzaken",
  "Medewerker klantcontactcentrum",
  "Financieel adviseur",
  "Medewerker crediteuren",
  "Controller",
  "Inkoopadviseur",
  "Jurist bezwaar en beroep",
  "Adviseur bedrijfsvoering",
  "HR-adviseur",
  "Communicatieadviseur",
  "Informatieadviseur",
  "Functioneel beheerder",
  "Data-analist",
  "Projectmedewerker",
  "Programmamanager",
  "Wijkregisseur",
  "Opzichter buitendienst",
  "Medewerker groenbeheer",
  "Verkeerskundige",
  "Adviseur duurzaamheid",
  "Adviseur economische zaken",
  "Cultuurmakelaar",
  "Leerplichtambtenaar",
  "Secretaresse",
  "Bestuursadviseur",
  "Archiefmedewerker",
  "Medewerker belastingen",
  "Taxateur",
  "Adviseur openbare orde en veiligheid",
  "Gebiedsmanager",
  "Medewerker subsidies",
];

/** Where each variant puts its own competencies to work: part of their new wording. */
const SETTINGS = [
  "in contact met inwoners",
  "binnen het eigen team",
  "richting bestuur en directie",
  "in de samenwerking met ketenpartners",
  "bij complexe dossiers",
  "in de dagelijkse uitvoering",
];
const EXTRA_INDICATORS = [
  "vraagt feedback op het eigen werk en gebruikt die",
  "deelt kennis met collega's in het team",
  "signaleert knelpunten vroeg en bespreekt ze",
  "houdt afspraken en dossiers actueel bij",
];

export const MAX_FAMILY_SIZE = FUNCTIONS.length + 1;

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** surveys/toepassing-beleid.md, as the application reads it. */
export function familyBase(): Profile {
  const profile = loadProfilesFromDirectory(path.join(ROOT, "surveys")).find(
    (candidate) => candidate.id === FAMILY_BASE_KEY,
  );
  if (!profile) throw new Error(`surveys/${FAMILY_BASE_KEY}.md is missing`);
  return profile;
}

/** The base profile and `size - 1` variants of it (size 1: the base alone). */
export function profileFamily(size: number): Profile[] {
  if (size < 1 || size > MAX_FAMILY_SIZE) {
    throw new Error(`a profile family has 1 to ${MAX_FAMILY_SIZE} profiles, not ${size}`);
  }
  const base = familyBase();
  return [base, ...FUNCTIONS.slice(0, size - 1).map((name) => variantOf(base, name))];
}

function variantOf(base: Profile, functionName: string): Profile {
  const id = slug(functionName);
  const random = createRandom(`rondom-bench-profile-${id}`);
  const variant: Profile = {
    ...structuredClone(base),
    id,
    name: `Competentieprofiel ${functionName}`,
    clusters: base.clusters.map((cluster) => ({
      ...cluster,
      competencies: cluster.competencies.map((competency) =>
        competency.organisationWide
          ? structuredClone(competency)
          : ownCompetency(competency, id, functionName, random),
      ),
    })),
  };
  // The application refuses an invalid profile at import; a bench must not store one either.
  return ProfileSchema.parse(variant);
}

function ownCompetency(
  competency: Profile["clusters"][number]["competencies"][number],
  variantId: string,
  functionName: string,
  random: Random,
): Profile["clusters"][number]["competencies"][number] {
  const key = `${competency.id}-${variantId}`;
  const setting = random.pick(SETTINGS);
  const texts = competency.indicators.map((indicator) => `${indicator.text}, ${setting}`);
  // One indicator more, one less, or as many: the variants are not all the same size.
  const change = random.int(-1, 1);
  if (change < 0 && texts.length > 2) texts.pop();
  if (change > 0) texts.push(random.pick(EXTRA_INDICATORS));
  return {
    id: key,
    name: `${competency.name} (${functionName.toLowerCase()})`,
    description: `${competency.description} Voor de ${functionName.toLowerCase()} ${setting}.`,
    organisationWide: false,
    indicators: texts.map((text, i) => ({ id: `${key}-${i + 1}`, text })),
  };
}

/**
 * Stores the family in the organisation's library (each profile as version 1, or the version it
 * has) and returns the current version of each profile by key.
 */
export async function storeFamily(
  db: DB,
  organisationId: string,
  family: readonly Profile[],
  options: { personId?: string | null; now?: Date } = {},
): Promise<Map<string, string>> {
  const versions = new Map<string, string>();
  for (const profile of family) {
    await saveProfileVersion(db, {
      organisationId,
      personId: options.personId ?? null,
      profile,
      now: options.now,
    });
    const version = await currentVersionFor(db, organisationId, profile.id);
    if (!version) throw new Error(`profile ${profile.id} was not stored`);
    versions.set(profile.id, version);
  }
  return versions;
}

/**
 * Picks a function profile for each person: uneven, as functions are (the base, the round's
 * own profile, most often; profile i with weight 1/√(i + 1), so the largest has ~6× the
 * people of the smallest). A family of one always gives the base and draws nothing.
 */
export function profilePicker(family: readonly Profile[], random: Random): () => Profile {
  if (family.length === 1) return () => family[0]!;
  const weights = family.map((_, i) => 1 / Math.sqrt(i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return () => {
    let pick = random.next() * total;
    for (let i = 0; i < family.length; i++) {
      pick -= weights[i]!;
      if (pick < 0) return family[i]!;
    }
    return family.at(-1)!;
  };
}

/** Counts of a family, for the printed headers. */
export function familyFacts(family: readonly Profile[]) {
  const competencies = family.flatMap((profile) =>
    profile.clusters.flatMap((cluster) => cluster.competencies),
  );
  const indicatorCounts = family.map((profile) =>
    profile.clusters
      .flatMap((cluster) => cluster.competencies)
      .reduce((sum, competency) => sum + competency.indicators.length, 0),
  );
  return {
    profiles: family.length,
    organisationWide: new Set(competencies.filter((c) => c.organisationWide).map((c) => c.id)).size,
    competencyKeys: new Set(competencies.map((c) => c.id)).size,
    indicatorsMin: Math.min(...indicatorCounts),
    indicatorsMax: Math.max(...indicatorCounts),
  };
}
