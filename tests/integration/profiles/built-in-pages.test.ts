import { describe, expect, it } from "vitest";
import * as homePage from "~/routes/_index";
import * as profilesPage from "~/routes/profielen._index";
import { useTestDatabase } from "../../support/database";
import { call, getRequest } from "../../support/requests";
import { valueOf } from "../../support/route-outcome";

// surveys/ holds several built-in profiles; the pages that show one pick it by name.

useTestDatabase({ seed: true });

describe("the built-in profiles on the public pages", () => {
  it("the home page shows the demo's profile, though another file sorts first", async () => {
    const data = valueOf<Awaited<ReturnType<typeof homePage.loader>>>(
      await call(homePage.loader, getRequest("/")),
    );
    expect(data.shownProfile).toEqual({
      id: "toepassing-beleid",
      name: "Competentieprofiel Toepassing beleid",
    });
  });

  it("the profiles page lists every built-in profile", async () => {
    const data = valueOf<Awaited<ReturnType<typeof profilesPage.loader>>>(
      await call(profilesPage.loader, getRequest("/profielen")),
    );
    expect(data.profiles.map((profile) => profile.name)).toEqual([
      "Competentieprofiel Medewerker publiekszaken",
      "Competentieprofiel Projectleider",
      "Competentieprofiel Toepassing beleid",
    ]);
  });
});
