import http from "node:http";
import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { baseURL, demoOrganisation, matrixCast, personFor } from "../../e2e/support/accounts";
import { signInLinkFrom, waitForMail } from "../../e2e/support/mail";
import { expectNoAxeViolations } from "../../e2e/support/rater";

// Issue 14, points 5 and 6, against the shared built server over HTTP (the end-to-end
// build: plain HTTP with INSECURE_COOKIES=1, so its cookies carry no `__Host-` prefix; the
// prefix itself is checked in tests/security/integration/sessions.test.ts).
// - Every 429 of the sign-in pages carries Retry-After, for a form post (a document) and a
//   single-fetch post (`.data`) alike: the pages' `headers` export used to drop it.
// - The pending sign-in cookie is for the whole site (the link page reads it), the session
//   cookie lives at most twelve hours.
// - A sign-in link opened in another browser than the one that asked says whose account it
//   opens and signs in only from that confirmation (login CSRF).
//
// The requests that ask for sign-ins come from client addresses of their own (another
// 127.x.y.z address on the loopback interface), so that they neither use up nor meet the
// rate limits that all end-to-end tests share on 127.0.0.1.

/** A loopback address no other test uses: 127.a.b.c with a > 0. */
function ownClientAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  setCookies: string[];
}

/** A request to the server from `localAddress`, the way a form without JavaScript posts. */
function send(
  method: "GET" | "POST",
  path: string,
  options: { localAddress: string; form?: Record<string, string>; cookie?: string },
): Promise<Answer> {
  const url = new URL(path, baseURL);
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const headers: http.OutgoingHttpHeaders = {};
  if (body !== undefined) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    headers["content-length"] = Buffer.byteLength(body);
  }
  if (options.cookie) headers.cookie = options.cookie;
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers,
        localAddress: options.localAddress,
      },
      (response) => {
        response.resume();
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            setCookies: response.headers["set-cookie"] ?? [],
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function cookieNamed(answer: Answer, name: string): string | undefined {
  return answer.setCookies.find((cookie) => cookie.startsWith(`${name}=`));
}

function expectRetryAfter(answer: Answer, label: string) {
  expect(answer.status, label).toBe(429);
  const seconds = Number(answer.headers["retry-after"]);
  expect(seconds, `${label}: Retry-After`).toBeGreaterThan(0);
  expect(seconds, `${label}: Retry-After`).toBeLessThanOrEqual(60 * 60);
}

test("a 429 of the sign-in page carries Retry-After, as a page and as data", async () => {
  for (const path of ["/inloggen?index", "/inloggen.data?index"]) {
    const localAddress = ownClientAddress();
    const email = `veel.gevraagd.${Date.now()}.${randomInt(1e6)}@rondedam.example`;
    // Five requests for one address from one client are served ...
    for (let request = 1; request <= 5; request++) {
      const answer = await send("POST", path, { localAddress, form: { email } });
      expect(answer.status, `${path} request ${request}`).toBeLessThan(400);
    }
    // ... the sixth is refused, and says when to try again.
    expectRetryAfter(await send("POST", path, { localAddress, form: { email } }), path);
  }
});

test("a 429 of the code page carries Retry-After, as a page and as data", async () => {
  test.setTimeout(60_000);
  for (const path of ["/inloggen/code", "/inloggen/code.data"]) {
    const localAddress = ownClientAddress();
    const email = `raden.${Date.now()}.${randomInt(1e6)}@rondedam.example`;
    const asked = await send("POST", "/inloggen?index", { localAddress, form: { email } });
    const pending = cookieNamed(asked, "rondom_sign_in")?.split(";")[0];
    expect(pending, "the pending sign-in cookie").toBeTruthy();
    // Wrong codes are answered (400) until a limit refuses them: 15 for one address an
    // hour, 30 from one client per 15 minutes, whichever comes first.
    let refused: Answer | undefined;
    for (let attempt = 1; attempt <= 31 && !refused; attempt++) {
      const answer = await send("POST", path, {
        localAddress,
        form: { code: "123456" },
        cookie: pending,
      });
      if (answer.status === 429) refused = answer;
      else expect(answer.status, `${path} code ${attempt}`).toBe(400);
    }
    expect(refused, `${path}: refused within 31 codes`).toBeDefined();
    expectRetryAfter(refused!, path);
  }
});

test("the pending sign-in cookie is for the whole site; a session lasts at most twelve hours", async () => {
  const localAddress = ownClientAddress();
  const asked = await send("POST", "/inloggen?index", {
    localAddress,
    form: { email: `koekje.${Date.now()}@rondedam.example` },
  });
  const pending = cookieNamed(asked, "rondom_sign_in");
  expect(pending, "Set-Cookie rondom_sign_in").toBeTruthy();
  const pendingAttributes = pending!.split(";").map((part) => part.trim().toLowerCase());
  expect(pendingAttributes).toContain("path=/");
  expect(pendingAttributes).toContain("httponly");
  expect(pendingAttributes).toContain("samesite=lax");

  const cast = await matrixCast();
  const signedIn = await send("POST", "/demo/inloggen", {
    localAddress,
    form: { personId: cast.employee.id },
  });
  const session = cookieNamed(signedIn, "rondom_session");
  expect(session, "Set-Cookie rondom_session").toBeTruthy();
  const sessionAttributes = session!.split(";").map((part) => part.trim().toLowerCase());
  expect(sessionAttributes).toContain("path=/");
  expect(sessionAttributes).toContain(`max-age=${12 * 60 * 60}`);
});

test("a sign-in link opened in another browser names the account, and signs in only from that confirmation", async ({
  browser,
}) => {
  const person = await personFor("security-link-binding");
  const demo = await demoOrganisation();
  const localAddress = ownClientAddress();
  const after = new Date();
  const asked = await send("POST", "/inloggen?index", {
    localAddress,
    form: { email: person.email },
  });
  const pending = cookieNamed(asked, "rondom_sign_in")!.split(";")[0]!;
  const link = signInLinkFrom(await waitForMail(person.email, { after }));

  // The browser that asked (its pending cookie): the plain page, one press signs in.
  const asking = await browser.newContext();
  const separator = pending.indexOf("=");
  await asking.addCookies([
    { name: pending.slice(0, separator), value: pending.slice(separator + 1), url: baseURL },
  ]);
  const askingPage = await asking.newPage();
  await askingPage.goto(link);
  await expect(askingPage.getByText("Klik op de knop om in te loggen.")).toBeVisible();
  await asking.close();

  // Another browser: the page says who would be signed in, and where.
  const other = await browser.newContext();
  const page = await other.newPage();
  const opened = await page.goto(link);
  expect(opened?.status()).toBe(200);
  await expect(page.getByText("aangevraagd in een andere browser")).toBeVisible();
  await expect(page.getByText(`ingelogd als ${person.name} bij ${demo.name}`)).toBeVisible();
  expect((await other.cookies()).map((cookie) => cookie.name)).not.toContain("rondom_session");
  await expectNoAxeViolations(page);

  await page
    .getByRole("main")
    .getByRole("button", { name: `Inloggen als ${person.name}` })
    .click();
  await expect(page).toHaveURL(/\/mijn$/);
  await expect(page.getByRole("banner")).toContainText(`Ingelogd als ${person.name}`);
  await other.close();
});
