// Production outside the demo runs on secrets of its own, never on ones the instance made up
// and keeps in its database (where a copy of the database would give them away). Checked at
// start-up, after migrating and seeding (only then is it known whether this is the demo),
// before the server answers anything. Pure.

/** The secrets a real (non-demo) production instance must be given in its environment. */
export const REQUIRED_PRODUCTION_SECRETS = ["SESSION_SECRETS", "INVITATION_SECRET"] as const;
export type ProductionSecret = (typeof REQUIRED_PRODUCTION_SECRETS)[number];

export interface StartupSituation {
  nodeEnv: string | undefined;
  /** Demo mode is on: DEMO_MODE is not off and the database holds the demo organisation. */
  demo: boolean;
  /** What the environment holds (already validated: each secret at least 32 characters). */
  sessionSecrets: readonly string[] | undefined;
  invitationSecret: string | undefined;
}

/** The secrets that are missing and must be set before this instance may start (often none). */
export function missingProductionSecrets(situation: StartupSituation): ProductionSecret[] {
  if (situation.nodeEnv !== "production" || situation.demo) return [];
  const missing: ProductionSecret[] = [];
  if (!situation.sessionSecrets?.length) missing.push("SESSION_SECRETS");
  if (!situation.invitationSecret) missing.push("INVITATION_SECRET");
  return missing;
}

const MAKE_ONE_SHELL = "openssl rand -base64 48";
const MAKE_ONE_NODE = `node -e "console.log(require('crypto').randomBytes(48).toString('base64url'))"`;

/** Why the instance does not start and how to fix it, in Dutch and then English. */
export function missingSecretsMessage(missing: readonly ProductionSecret[]): string {
  const names = missing.join(" en ");
  const namesEn = missing.join(" and ");
  return [
    `${names} ${missing.length > 1 ? "ontbreken" : "ontbreekt"}. Buiten de demo start Rondom in ` +
      "productie alleen met eigen geheimen in de omgeving (elk minstens 32 tekens), niet met " +
      "geheimen die het zelf in de database bewaart. Maak er een per variabele met",
    `  ${MAKE_ONE_SHELL}`,
    `of`,
    `  ${MAKE_ONE_NODE}`,
    "en zet die in de omgeving van de server (zie docs/operations.md).",
    "",
    `${namesEn} ${missing.length > 1 ? "are" : "is"} not set. Outside the demo, Rondom in ` +
      "production starts only with secrets of its own in the environment (each at least 32 " +
      "characters), not with secrets it keeps in its database. Make one per variable with " +
      `\`${MAKE_ONE_SHELL}\` or the node command above, and set it in the server's environment.`,
  ].join("\n");
}

export class MissingProductionSecretsError extends Error {
  override name = "MissingProductionSecretsError";
  constructor(readonly missing: readonly ProductionSecret[]) {
    super(missingSecretsMessage(missing));
  }
}

/** Throws (with the message above) when a production instance outside the demo lacks them. */
export function assertProductionSecrets(situation: StartupSituation): void {
  const missing = missingProductionSecrets(situation);
  if (missing.length > 0) throw new MissingProductionSecretsError(missing);
}
