import { describe, expect, it } from "vitest";
import { notFound } from "~/utils/http-errors.server";
import * as catchAll from "~/routes/$";
import * as profilePage from "~/routes/profielen.$profileId";
import * as languageSwitch from "~/routes/taal";
import { call, getRequest, postRequest } from "../../support/requests";
import type { Outcome } from "../../support/route-outcome";

// The refusals of the pages without a domain of their own: translated plain text, thrown.

function thrownResponse(outcome: Outcome): Response {
  if (outcome.kind !== "response" || !outcome.thrown) {
    throw new Error(`Expected a thrown Response, got ${outcome.kind}`);
  }
  return outcome.response;
}

function english(request: Request): Request {
  request.headers.set("Accept-Language", "en-GB,en;q=0.9");
  return request;
}

describe("refusals", () => {
  it("the guards' 404 answers in both languages: it knows no locale, and pages show their own text", async () => {
    const response = notFound();
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe("Niet gevonden. / Not found.");
  });

  it("an unknown address is a 404 in the visitor's language", async () => {
    const dutch = thrownResponse(await call(catchAll.loader, getRequest("/bestaat-niet")));
    expect(dutch.status).toBe(404);
    expect(await dutch.text()).toBe("Niet gevonden.");
    const response = thrownResponse(
      await call(catchAll.loader, english(getRequest("/bestaat-niet"))),
    );
    expect(await response.text()).toBe("Not found.");
  });

  it("an unknown competency profile is a 404", async () => {
    const response = thrownResponse(
      await call(profilePage.loader, getRequest("/profielen/bestaat-niet"), {
        params: { profileId: "bestaat-niet" },
      }),
    );
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Niet gevonden.");
  });

  it("the language switch refuses a language Rondom does not have, in the visitor's language", async () => {
    const dutch = thrownResponse(
      await call(languageSwitch.action, postRequest("/taal", [["locale", "de"]])),
    );
    expect(dutch.status).toBe(400);
    expect(await dutch.text()).toBe("Onbekende taal.");
    const response = thrownResponse(
      await call(languageSwitch.action, english(postRequest("/taal", [["locale", "fr"]]))),
    );
    expect(await response.text()).toBe("Unknown language.");
  });
});
