import { beforeAll } from "vitest";
import type { DB } from "#db/database";
import { useTestDatabase } from "./database";
import { loadCast, type DemoCast } from "./demo-cast";
import { signedInCookie } from "./requests";

export interface DemoOrganisation {
  readonly db: DB;
  /** The seeded people and teams the tests act as. */
  readonly cast: DemoCast;
  /** HR's signed-in session cookie. */
  readonly hrCookie: string;
}

/** A test file's seeded database, its cast, and HR signed in. */
export function useDemoOrganisation(): DemoOrganisation {
  const test = useTestDatabase({ seed: true });
  const holder: { cast?: DemoCast; hrCookie?: string } = {};
  beforeAll(async () => {
    holder.cast = await loadCast(test.db);
    holder.hrCookie = await signedInCookie(test.db, holder.cast.hr.id);
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("The demo organisation is not ready yet");
    return value;
  };
  return {
    get db() {
      return test.db;
    },
    get cast() {
      return ready(holder.cast);
    },
    get hrCookie() {
      return ready(holder.hrCookie);
    },
  };
}
