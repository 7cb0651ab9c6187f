import path from "node:path";
import type { APIRequestContext, APIResponse, PlaywrightWorkerArgs } from "@playwright/test";
import { e2eDatabaseFile } from "../../../playwright.config";
import {
  baseURL,
  demoSignIn,
  matrixCast,
  openDemoInvitation,
  personFor,
  redirectTarget,
  type MatrixCast,
} from "./accounts";
import { withDb } from "./rater";

// Every route of the production build with the URLs to request it by and, per kind of
// visitor, the answer expected. tests/e2e/authorisation-matrix.test.ts checks who may open
// what; tests/e2e/page-data.test.ts decodes what each visitor's pages send to the browser.

export const ROLES = ["anonymous", "E", "E2", "L", "L2", "H"] as const;
export type Role = (typeof ROLES)[number];

/**
 * ok: 200. signIn: a redirect to /inloggen?redirectTo=<this URL>. notFound: 404 (someone
 * else's page answers as if it did not exist). { redirect }: a redirect to that path.
 */
export type Outcome = "ok" | "signIn" | "notFound" | { redirect: string };
export type Expectation = Outcome | Record<Role, Outcome>;

export interface MatrixData {
  cast: MatrixCast;
  /** A valid, open demo invitation. */
  invitation: { id: string; token: string };
  /** An invitation or sign-in token that does not exist (same shape as a real one). */
  unknownToken: string;
  /** An audit-log cursor at the moment the matrix was made (`ISO|`: everything before it). */
  logCursor: string;
  /** The person whose address the cross-site sign-in request names. */
  crossSiteEmail: string;
  reports: ReportCases;
  cycles: CycleCases;
  profiles: ProfileCases;
}

interface ProfileCases {
  /** The demo's profile in its organisation's library. */
  profileId: string;
  /** A profile import staged for the demo organisation (its preview page). */
  stagedImportId: string;
}

interface CycleCases {
  /** The demo's round in the collecting stage, and one of its participations. */
  collectingCycleId: string;
  collectingParticipantId: string;
  /** A people import staged for the demo organisation (its preview page). */
  stagedImportId: string;
}

interface ReportCases {
  /** E's participation in the released cycle, and whether E shared it with L (E's manager then). */
  own: { participantId: string; sharedWithLead: boolean; managerIsLead: boolean };
  /** A released participation of someone who shared it with L, their manager in that round. */
  sharedWithLead: { participantId: string; personId: string } | null;
  /** E's participation in a cycle that is not released yet, if any. */
  unreleased: string | null;
}

export interface GetCase {
  url: string;
  expect: Expectation;
  /**
   * The page changes while other tests run (the audit log): two requests for it need not
   * match, so page-data.test.ts checks a fixed version of it instead.
   */
  live?: true;
}

interface PostCase {
  url: string;
  form: Record<string, string>;
  /** Who sends it (default anonymous). */
  as?: Role;
}

export interface MatrixEntry {
  get: (data: MatrixData) => GetCase[];
  /** Routes with an action: a form post, refused when it comes from another site. */
  post?: (data: MatrixData) => PostCase;
}

const all = (outcome: Outcome): Expectation => outcome;
const perRole = (outcomes: Record<Role, Outcome>): Expectation => outcomes;
const signedIn = (anonymous: Outcome, others: Outcome): Expectation =>
  perRole({ anonymous, E: others, E2: others, L: others, L2: others, H: others });
/** Anonymous visitors are sent to sign in; of the others, the roles named see the page, the rest get 404. */
const seenBy = (...roles: (Exclude<Role, "anonymous"> | false)[]): Expectation =>
  perRole({
    anonymous: "signIn",
    ...Object.fromEntries(
      ROLES.filter((role) => role !== "anonymous").map((role) => [
        role,
        roles.includes(role) ? "ok" : "notFound",
      ]),
    ),
  } as Record<Role, Outcome>);

const invitationUrl = (data: MatrixData, rest = "") =>
  `/uitnodiging/${data.invitation.token}${rest}`;
const unknownInvitationUrl = (data: MatrixData, rest = "") =>
  `/uitnodiging/${data.unknownToken}${rest}`;

export const matrix: Record<string, MatrixEntry> = {
  // The layout: its loader runs on every page; checked on the home page (and see the
  // "own identity" test below).
  root: { get: () => [{ url: "/", expect: all("ok") }] },
  "routes/_index": { get: () => [{ url: "/", expect: all("ok") }] },
  "routes/profielen._index": { get: () => [{ url: "/profielen", expect: all("ok") }] },
  "routes/profielen.$profileId": {
    get: () => [
      { url: "/profielen/toepassing-beleid", expect: all("ok") },
      { url: "/profielen/bestaat-niet", expect: all("notFound") },
    ],
  },
  "routes/taal": {
    get: () => [{ url: "/taal", expect: all({ redirect: "/" }) }],
    post: () => ({ url: "/taal", form: { locale: "en", redirectTo: "/" } }),
  },
  "routes/$": { get: () => [{ url: "/bestaat-niet", expect: all("notFound") }] },

  // Invitations: the token in the URL is the only key, whoever is signed in.
  "routes/uitnodiging.$token._index": {
    get: (data) => [
      { url: invitationUrl(data), expect: all("ok") },
      { url: unknownInvitationUrl(data), expect: all("notFound") },
    ],
  },
  "routes/uitnodiging.$token.vragenlijst": {
    get: (data) => [
      { url: invitationUrl(data, "/vragenlijst"), expect: all("ok") },
      { url: unknownInvitationUrl(data, "/vragenlijst"), expect: all("notFound") },
    ],
    post: (data) => ({ url: invitationUrl(data, "/vragenlijst"), form: { intent: "save" } }),
  },
  "routes/uitnodiging.$token.afzeggen": {
    get: (data) => [
      { url: invitationUrl(data, "/afzeggen"), expect: all("ok") },
      { url: unknownInvitationUrl(data, "/afzeggen"), expect: all("notFound") },
    ],
    post: (data) => ({ url: invitationUrl(data, "/afzeggen"), form: { reason: "Van elders" } }),
  },
  "routes/uitnodiging.$token.bedankt": {
    // Thanks only after sending: an open invitation goes back to its start page.
    get: (data) => [
      { url: invitationUrl(data, "/bedankt"), expect: all({ redirect: invitationUrl(data) }) },
      { url: unknownInvitationUrl(data, "/bedankt"), expect: all("notFound") },
    ],
  },

  // Signing in and out.
  "routes/inloggen._index": {
    get: () => [{ url: "/inloggen", expect: signedIn("ok", { redirect: "/mijn" }) }],
    post: (data) => ({ url: "/inloggen", form: { email: data.crossSiteEmail } }),
  },
  "routes/inloggen.code": {
    // Without the cookie of a pending sign-in there is no code to type.
    get: () => [{ url: "/inloggen/code", expect: all({ redirect: "/inloggen" }) }],
    post: () => ({ url: "/inloggen/code", form: { code: "123456" } }),
  },
  "routes/inloggen.link.$token": {
    get: (data) => [{ url: `/inloggen/link/${data.unknownToken}`, expect: all("notFound") }],
    post: (data) => ({ url: `/inloggen/link/${data.unknownToken}`, form: {} }),
  },
  // Confirming a new address: the key in the mail to the address in force is the only key.
  "routes/adres-bevestigen.$token": {
    get: (data) => [{ url: `/adres-bevestigen/${data.unknownToken}`, expect: all("notFound") }],
    post: (data) => ({ url: `/adres-bevestigen/${data.unknownToken}`, form: {} }),
  },
  "routes/uitloggen": {
    // Signing out is a POST; a GET (a prefetch, a link) changes nothing.
    get: () => [{ url: "/uitloggen", expect: all({ redirect: "/mijn" }) }],
    post: () => ({ url: "/uitloggen", form: { scope: "everywhere" }, as: "E" }),
  },
  "routes/demo.inloggen": {
    get: () => [{ url: "/demo/inloggen", expect: all({ redirect: "/" }) }],
    post: (data) => ({ url: "/demo/inloggen", form: { personId: data.cast.hrAdmin.id } }),
  },

  // Signed-in pages.
  "routes/mijn._index": { get: () => [{ url: "/mijn", expect: signedIn("signIn", "ok") }] },
  // Teams and team profiles: leads (their teams and the teams below) and HR (every team);
  // employees who lead nothing have none of these pages. All GET only.
  "routes/teams._index": {
    get: () => [{ url: "/teams", expect: leadsAndHr() }],
  },
  "routes/teams.$teamId._index": {
    get: (data) => [
      { url: `/teams/${data.cast.team.id}`, expect: teamViewers() },
      { url: "/teams/bestaat-niet", expect: signedIn("signIn", "notFound") },
    ],
  },
  "routes/teams.$teamId.profiel": {
    get: (data) => [
      { url: `/teams/${data.cast.team.id}/profiel`, expect: teamViewers() },
      {
        url: `/teams/${data.cast.team.id}/profiel?ronde=bestaat-niet`,
        expect: signedIn("signIn", "notFound"),
      },
      { url: "/teams/bestaat-niet/profiel", expect: signedIn("signIn", "notFound") },
    ],
  },
  "routes/teams.$teamId.profiel[.csv]": {
    get: (data) => [
      { url: `/teams/${data.cast.team.id}/profiel.csv`, expect: teamViewers() },
      { url: "/teams/bestaat-niet/profiel.csv", expect: signedIn("signIn", "notFound") },
    ],
  },
  // Comparing: the form for every lead and HR; a team the user may not pick answers 404.
  "routes/teams.vergelijken": {
    get: (data) => [
      { url: "/teams/vergelijken", expect: leadsAndHr() },
      { url: compareUrl(data), expect: hrOnly() },
      {
        url: `/teams/vergelijken?ronde=bestaat-niet&team=${data.cast.team.id}`,
        expect: signedIn("signIn", "notFound"),
      },
    ],
  },
  "routes/teams.vergelijken[.csv]": {
    get: (data) => [
      { url: compareUrl(data, ".csv"), expect: hrOnly() },
      // Fewer than two teams is no comparison: no file.
      { url: "/teams/vergelijken.csv", expect: signedIn("signIn", "notFound") },
    ],
  },
  "routes/beheer._index": {
    get: () => [{ url: "/beheer", expect: hrOnly() }],
  },
  "routes/beheer.logboek": {
    get: (data) => [
      { url: "/beheer/logboek", expect: hrOnly(), live: true },
      // The log up to the moment the matrix was made: a page that no longer changes.
      { url: `/beheer/logboek?voor=${encodeURIComponent(data.logCursor)}`, expect: hrOnly() },
    ],
  },
  // An individual report: its participant after release (before: "not yet", still theirs),
  // the manager of that round only when shared; everyone else, HR included, 404.
  "routes/rapporten.$participantId": {
    get: (data) => {
      const { own, sharedWithLead, unreleased } = data.reports;
      const cases: GetCase[] = [
        {
          url: `/rapporten/${own.participantId}`,
          expect: seenBy("E", own.sharedWithLead && "L"),
        },
        { url: "/rapporten/bestaat-niet", expect: signedIn("signIn", "notFound") },
      ];
      if (sharedWithLead) {
        cases.push({
          url: `/rapporten/${sharedWithLead.participantId}`,
          expect: seenBy(sharedWithLead.personId === data.cast.employee.id && "E", "L"),
        });
      }
      if (unreleased) {
        cases.push({
          url: `/rapporten/${unreleased}`,
          expect: seenBy("E"),
        });
      }
      return cases;
    },
    // Sharing with the manager: only the participant may, never from another site.
    post: (data) => ({
      url: `/rapporten/${data.reports.own.participantId}`,
      form: { intent: data.reports.own.sharedWithLead ? "unshare" : "share" },
      as: "E",
    }),
  },
  // The demo's outbox holds only the demo's fictional people's mail.
  "routes/postvak-uit": { get: () => [{ url: "/postvak-uit", expect: all("ok") }] },

  // HR's administration: people, teams, rounds. HR of the organisation only; ids that do not
  // exist answer 404 to everyone signed in.
  "routes/beheer.mensen._index": { get: () => [{ url: "/beheer/mensen", expect: hrOnly() }] },
  "routes/beheer.mensen.nieuw": {
    get: () => [{ url: "/beheer/mensen/nieuw", expect: hrOnly() }],
    post: () => ({ url: "/beheer/mensen/nieuw", form: { employeeNumber: "" } }),
  },
  "routes/beheer.mensen.$personId": {
    get: (data) => [
      { url: `/beheer/mensen/${data.cast.employee.id}`, expect: hrOnly() },
      { url: "/beheer/mensen/bestaat-niet", expect: signedIn("signIn", "notFound") },
    ],
    post: (data) => ({
      url: `/beheer/mensen/${data.cast.employee.id}`,
      form: { intent: "onbekend" },
    }),
  },
  "routes/beheer.mensen.importeren._index": {
    get: () => [{ url: "/beheer/mensen/importeren", expect: hrOnly() }],
    post: () => ({ url: "/beheer/mensen/importeren", form: { text: "" } }),
  },
  "routes/beheer.mensen.importeren.$importId": {
    get: (data) => [
      { url: `/beheer/mensen/importeren/${data.cycles.stagedImportId}`, expect: hrOnly() },
      { url: "/beheer/mensen/importeren/bestaat-niet", expect: signedIn("signIn", "notFound") },
    ],
    post: () => ({ url: "/beheer/mensen/importeren/bestaat-niet", form: { planHash: "x" } }),
  },
  "routes/beheer.teams._index": { get: () => [{ url: "/beheer/teams", expect: hrOnly() }] },
  "routes/beheer.teams.nieuw": {
    get: () => [{ url: "/beheer/teams/nieuw", expect: hrOnly() }],
    post: () => ({ url: "/beheer/teams/nieuw", form: { name: "" } }),
  },
  "routes/beheer.teams.$teamId": {
    get: (data) => [
      { url: `/beheer/teams/${data.cast.team.id}`, expect: hrOnly() },
      { url: "/beheer/teams/bestaat-niet", expect: signedIn("signIn", "notFound") },
    ],
    post: (data) => ({ url: `/beheer/teams/${data.cast.team.id}`, form: { name: "" } }),
  },
  // The profile library: HR of the organisation only; someone else's profile is a 404.
  "routes/beheer.profielen._index": {
    get: () => [{ url: "/beheer/profielen", expect: hrOnly() }],
    post: () => ({
      url: "/beheer/profielen",
      form: { intent: "adopt", profileKey: "bestaat-niet" },
    }),
  },
  "routes/beheer.profielen.$profileId": {
    get: (data) => [
      { url: `/beheer/profielen/${data.profiles.profileId}`, expect: hrOnly() },
      { url: "/beheer/profielen/bestaat-niet", expect: signedIn("signIn", "notFound") },
    ],
    // An intent no page sends: even HR would change nothing.
    post: (data) => ({
      url: `/beheer/profielen/${data.profiles.profileId}`,
      form: { intent: "onbekend" },
    }),
  },
  "routes/beheer.profielen.$profileId_.bewerken": {
    get: (data) => [
      { url: `/beheer/profielen/${data.profiles.profileId}/bewerken`, expect: hrOnly() },
      { url: "/beheer/profielen/bestaat-niet/bewerken", expect: signedIn("signIn", "notFound") },
    ],
    // A review only (no save): even HR would change nothing.
    post: (data) => ({
      url: `/beheer/profielen/${data.profiles.profileId}/bewerken`,
      form: { intent: "review", baseVersion: "1", name: "Profiel" },
    }),
  },
  "routes/beheer.profielen.$profileId[.md]": {
    get: (data) => [
      { url: `/beheer/profielen/${data.profiles.profileId}.md`, expect: hrOnly() },
      {
        url: `/beheer/profielen/${data.profiles.profileId}.md?versie=999`,
        expect: signedIn("signIn", "notFound"),
      },
      { url: "/beheer/profielen/bestaat-niet.md", expect: signedIn("signIn", "notFound") },
    ],
  },
  "routes/beheer.profielen.importeren._index": {
    get: () => [{ url: "/beheer/profielen/importeren", expect: hrOnly() }],
    post: () => ({ url: "/beheer/profielen/importeren", form: { text: "" } }),
  },
  "routes/beheer.profielen.importeren.$importId": {
    get: (data) => [
      { url: `/beheer/profielen/importeren/${data.profiles.stagedImportId}`, expect: hrOnly() },
      {
        url: "/beheer/profielen/importeren/bestaat-niet",
        expect: signedIn("signIn", "notFound"),
      },
    ],
    post: () => ({ url: "/beheer/profielen/importeren/bestaat-niet", form: { intent: "discard" } }),
  },
  "routes/beheer.rondes._index": { get: () => [{ url: "/beheer/rondes", expect: hrOnly() }] },
  "routes/beheer.rondes.nieuw": {
    get: () => [{ url: "/beheer/rondes/nieuw", expect: hrOnly() }],
    post: () => ({ url: "/beheer/rondes/nieuw", form: { name: "" } }),
  },
  "routes/beheer.rondes.$cycleId._index": {
    get: (data) => [
      { url: cycleUrl(data), expect: hrOnly() },
      { url: "/beheer/rondes/bestaat-niet", expect: signedIn("signIn", "notFound") },
    ],
    // Closing before the deadline needs a confirmation, so even HR would change nothing.
    post: (data) => ({ url: cycleUrl(data), form: { intent: "close" } }),
  },
  "routes/beheer.rondes.$cycleId.instellingen": {
    get: (data) => [{ url: cycleUrl(data, "/instellingen"), expect: hrOnly() }],
    post: (data) => ({ url: cycleUrl(data, "/instellingen"), form: { name: "" } }),
  },
  "routes/beheer.rondes.$cycleId.deelnemers._index": {
    get: (data) => [{ url: cycleUrl(data, "/deelnemers"), expect: hrOnly() }],
    post: (data) => ({ url: cycleUrl(data, "/deelnemers"), form: { intent: "add-teams" } }),
  },
  "routes/beheer.rondes.$cycleId.deelnemers.$participantId": {
    get: (data) => [
      {
        url: cycleUrl(data, `/deelnemers/${data.cycles.collectingParticipantId}`),
        expect: hrOnly(),
      },
      { url: cycleUrl(data, "/deelnemers/bestaat-niet"), expect: signedIn("signIn", "notFound") },
    ],
    post: (data) => ({
      url: cycleUrl(data, `/deelnemers/${data.cycles.collectingParticipantId}`),
      form: { intent: "revoke", handle: "bestaat-niet" },
    }),
  },
  "routes/beheer.rondes.$cycleId.herinneren": {
    get: (data) => [{ url: cycleUrl(data, "/herinneren"), expect: hrOnly() }],
    post: (data) => ({ url: cycleUrl(data, "/herinneren"), form: { intent: "nothing" } }),
  },
  "routes/beheer.rondes.$cycleId.voortgang[.csv]": {
    get: (data) => [{ url: cycleUrl(data, "/voortgang.csv"), expect: hrOnly() }],
  },

  // Nominations: the participant (or HR) proposes; the manager of that round (or HR) approves.
  // The demo has no round in the nominating stage: E's released participation shows read-only.
  "routes/voordragen.$participantId": {
    get: (data) => [
      {
        url: `/voordragen/${data.reports.own.participantId}`,
        expect: seenBy("E", "H"),
      },
      { url: "/voordragen/bestaat-niet", expect: signedIn("signIn", "notFound") },
    ],
    post: (data) => ({
      url: `/voordragen/${data.reports.own.participantId}`,
      form: { intent: "submit" },
      as: "E",
    }),
  },
  "routes/goedkeuren._index": {
    get: () => [
      {
        url: "/goedkeuren",
        expect: leadsAndHr(),
      },
    ],
    post: () => ({ url: "/goedkeuren", form: { intent: "approve-all" }, as: "L" }),
  },
  "routes/goedkeuren.$participantId": {
    get: (data) => [
      {
        url: `/goedkeuren/${data.reports.own.participantId}`,
        expect: seenBy(data.reports.own.managerIsLead && "L", "H"),
      },
      { url: "/goedkeuren/bestaat-niet", expect: signedIn("signIn", "notFound") },
    ],
    post: (data) => ({
      url: `/goedkeuren/${data.reports.own.participantId}`,
      form: { intent: "approve" },
      as: "L",
    }),
  },
};

const cycleUrl = (data: MatrixData, rest = "") =>
  `/beheer/rondes/${data.cycles.collectingCycleId}${rest}`;

/** E's team and L2's team side by side: only HR may pick both. */
const compareUrl = (data: MatrixData, suffix = "") =>
  `/teams/vergelijken${suffix}?team=${data.cast.team.id}&team=${data.cast.otherTeam.id}`;

/** Every lead and HR; a plain employee gets 404. */
function leadsAndHr(): Expectation {
  return seenBy("L", "L2", "H");
}

/** A page of E's team: its lead and HR. */
function teamViewers(): Expectation {
  return seenBy("L", "H");
}

function hrOnly(): Expectation {
  return seenBy("H");
}

export interface ManifestRoute {
  id: string;
  path?: string;
  index?: boolean;
  module: { action?: unknown; loader?: unknown };
}

/**
 * The route manifest of the production build. Importing the server build opens its database
 * (entry.server.tsx migrates it at start): pointed at the e2e database, that is a no-op.
 */
export async function manifestRoutes(): Promise<Record<string, ManifestRoute>> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${e2eDatabaseFile}`;
  try {
    const build = (await import(path.resolve("build/server/index.js"))) as {
      routes: Record<string, ManifestRoute>;
    };
    return build.routes;
  } finally {
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}

async function reportCases(cast: MatrixCast): Promise<ReportCases> {
  return withDb(async (db) => {
    const participations = await db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .select([
        "participant.id",
        "participant.person_id",
        "participant.manager_person_id",
        "participant.shared_with_lead_at",
        "cycle.status",
      ])
      .execute();
    const own = participations.find(
      (p) => p.person_id === cast.employee.id && p.status === "released",
    );
    if (!own) throw new Error("E has no released report in the demo");
    const shared = participations.find(
      (p) =>
        p.status === "released" &&
        p.manager_person_id === cast.lead.id &&
        p.shared_with_lead_at !== null,
    );
    return {
      own: {
        participantId: own.id,
        sharedWithLead: own.shared_with_lead_at !== null && own.manager_person_id === cast.lead.id,
        managerIsLead: own.manager_person_id === cast.lead.id,
      },
      sharedWithLead: shared ? { participantId: shared.id, personId: shared.person_id } : null,
      unreleased:
        participations.find((p) => p.person_id === cast.employee.id && p.status !== "released")
          ?.id ?? null,
    };
  });
}

export async function matrixData(): Promise<MatrixData> {
  const cast = await matrixCast();
  return {
    cast,
    invitation: await openDemoInvitation(),
    unknownToken: "A".repeat(43),
    logCursor: `${new Date().toISOString()}|`,
    crossSiteEmail: (await personFor("cross-site")).email,
    reports: await reportCases(cast),
    cycles: await cycleCases(cast),
    profiles: await profileCases(cast),
  };
}

async function profileCases(cast: MatrixCast): Promise<ProfileCases> {
  return withDb(async (db) => {
    const hr = await db
      .selectFrom("person")
      .select(["id", "organisation_id"])
      .where("id", "=", cast.hrAdmin.id)
      .executeTakeFirstOrThrow();
    const profile = await db
      .selectFrom("profile")
      .select("id")
      .where("organisation_id", "=", hr.organisation_id)
      .orderBy("key")
      .executeTakeFirstOrThrow();
    const stagedImportId = `matrix-${Date.now()}`;
    await db
      .insertInto("staged_profile_import")
      .values({
        id: stagedImportId,
        organisation_id: hr.organisation_id,
        created_by_person_id: hr.id,
        file_name: "matrix.txt",
        name: "Matrixprofiel",
        content: "Kennis\n\nKennis van de klant\n\nkent de klant.\n\n • kent de klantengroepen;\n",
        created_at: new Date().toISOString(),
      })
      .execute();
    return { profileId: profile.id, stagedImportId };
  });
}

async function cycleCases(cast: MatrixCast): Promise<CycleCases> {
  return withDb(async (db) => {
    const collecting = await db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .select(["cycle.id as cycleId", "participant.id as participantId", "cycle.organisation_id"])
      .where("cycle.status", "=", "collecting")
      .orderBy("participant.id")
      .executeTakeFirstOrThrow();
    const hr = await db
      .selectFrom("person")
      .select("id")
      .where("id", "=", cast.hrAdmin.id)
      .executeTakeFirstOrThrow();
    const stagedImportId = `matrix-${Date.now()}`;
    await db
      .insertInto("staged_import")
      .values({
        id: stagedImportId,
        organisation_id: collecting.organisation_id,
        created_by_person_id: hr.id,
        file_name: "matrix.csv",
        content: "personeelsnummer;naam;e-mail\n",
        created_at: new Date().toISOString(),
      })
      .execute();
    return {
      collectingCycleId: collecting.cycleId,
      collectingParticipantId: collecting.participantId,
      stagedImportId,
    };
  });
}

export type Contexts = Record<Role, APIRequestContext>;

/** One API context per role, signed in with the demo's one-click sign-in. */
export async function signInRoles(
  playwright: PlaywrightWorkerArgs["playwright"],
): Promise<Contexts> {
  const cast = await matrixCast();
  const people = {
    E: cast.employee,
    E2: cast.otherEmployee,
    L: cast.lead,
    L2: cast.otherLead,
    H: cast.hrAdmin,
  };
  const contexts = {} as Contexts;
  for (const role of ROLES) {
    contexts[role] = await playwright.request.newContext({ baseURL });
    if (role !== "anonymous") await demoSignIn(contexts[role], people[role]);
  }
  return contexts;
}

export async function disposeAll(contexts: Contexts) {
  for (const context of Object.values(contexts)) await context.dispose();
}

export function describeOutcome(outcome: Outcome): string {
  return typeof outcome === "string" ? outcome : `redirect ${outcome.redirect}`;
}

export function actualOutcome(url: string, response: APIResponse): string {
  const status = response.status();
  if (status === 200) return "ok";
  if (status === 404) return "notFound";
  const target = redirectTarget(response);
  if (target !== null) {
    if (
      (status === 302 || status === 303) &&
      target === `/inloggen?redirectTo=${encodeURIComponent(url)}`
    ) {
      return "signIn";
    }
    return `redirect ${target}`;
  }
  return `status ${status}`;
}

export function expectedFor(expectation: Expectation, role: Role): Outcome {
  return typeof expectation === "string" || "redirect" in expectation
    ? (expectation as Outcome)
    : expectation[role];
}
