import { expect, test } from "@playwright/test";
import { createInvitations, formPath, introPath, pick } from "./support/rater";

test("rater pages are never cached or indexed, and keep tokens out of Referer headers", async ({
  request,
}) => {
  const invitation = pick(await createInvitations(), "colleague");
  for (const path of [
    introPath(invitation),
    formPath(invitation),
    `${introPath(invitation)}/afzeggen`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["cache-control"], path).toBe("no-store");
    expect(response.headers()["x-robots-tag"], path).toContain("noindex");
    expect(response.headers()["referrer-policy"], path).toBe("same-origin");
  }
});
