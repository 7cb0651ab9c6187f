import { describe, expect, it } from "vitest";
import {
  assertProductionSecrets,
  missingProductionSecrets,
  MissingProductionSecretsError,
  missingSecretsMessage,
  type StartupSituation,
} from "~/security/startup-secrets";

// Whether an instance may start without SESSION_SECRETS and INVITATION_SECRET: only in the
// demo, or outside production. (tests/security/http/startup.test.ts starts `node server.js`.)

const SECRET = "x".repeat(32);
const situation = (overrides: Partial<StartupSituation> = {}): StartupSituation => ({
  nodeEnv: "production",
  demo: false,
  sessionSecrets: undefined,
  invitationSecret: undefined,
  ...overrides,
});

describe("missingProductionSecrets", () => {
  it("asks a real production instance for both secrets", () => {
    expect(missingProductionSecrets(situation())).toEqual(["SESSION_SECRETS", "INVITATION_SECRET"]);
    expect(missingProductionSecrets(situation({ sessionSecrets: [SECRET] }))).toEqual([
      "INVITATION_SECRET",
    ]);
    expect(missingProductionSecrets(situation({ invitationSecret: SECRET }))).toEqual([
      "SESSION_SECRETS",
    ]);
    expect(missingProductionSecrets(situation({ sessionSecrets: [] }))).toContain(
      "SESSION_SECRETS",
    );
  });

  it("lets it start with both", () => {
    expect(
      missingProductionSecrets(situation({ sessionSecrets: [SECRET], invitationSecret: SECRET })),
    ).toEqual([]);
  });

  it("asks nothing of the demo, of development or of the tests", () => {
    expect(missingProductionSecrets(situation({ demo: true }))).toEqual([]);
    for (const nodeEnv of ["development", "test", undefined]) {
      expect(missingProductionSecrets(situation({ nodeEnv }))).toEqual([]);
    }
  });
});

describe("assertProductionSecrets", () => {
  it("refuses with a Dutch and English message that says how to make a secret", () => {
    expect(() => assertProductionSecrets(situation())).toThrow(MissingProductionSecretsError);
    const message = missingSecretsMessage(["SESSION_SECRETS", "INVITATION_SECRET"]);
    expect(message).toContain("SESSION_SECRETS en INVITATION_SECRET ontbreken");
    expect(message).toContain("SESSION_SECRETS and INVITATION_SECRET are not set");
    expect(message).toContain("openssl rand -base64 48");
    expect(message).toContain("require('crypto').randomBytes(48).toString('base64url')");
    expect(missingSecretsMessage(["INVITATION_SECRET"])).toContain("INVITATION_SECRET ontbreekt");
  });

  it("passes in the demo", () => {
    expect(() => assertProductionSecrets(situation({ demo: true }))).not.toThrow();
  });
});
