import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001-initial";
import * as m0002 from "./0002-accounts";
import * as m0003 from "./0003-report-indexes";
import * as m0004 from "./0004-rounds";
import * as m0005 from "./0005-team-profiles";
import * as m0006 from "./0006-one-voice";
import * as m0007 from "./0007-mail-references";
import * as m0009 from "./0009-sealed-answers";
import * as m0010 from "./0010-address-changes";
import * as m0011 from "./0011-sign-in-binding";
import * as m0012 from "./0012-address-index";
import * as m0013 from "./0013-profile-library";
import * as m0014 from "./0014-profiles-per-person";
import * as m0015 from "./0015-postgres-precision";

// Kysely's FileMigrationProvider cannot import .ts files on Node 20, so migrations are
// registered here in order. Add new ones below; never edit or reorder landed ones.
const migrations: Record<string, Migration> = {
  "0001-initial": m0001,
  "0002-accounts": m0002,
  "0003-report-indexes": m0003,
  "0004-rounds": m0004,
  "0005-team-profiles": m0005,
  "0006-one-voice": m0006,
  "0007-mail-references": m0007,
  "0009-sealed-answers": m0009,
  "0010-address-changes": m0010,
  "0011-sign-in-binding": m0011,
  "0012-address-index": m0012,
  "0013-profile-library": m0013,
  "0014-profiles-per-person": m0014,
  "0015-postgres-precision": m0015,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
