import { describe, expect, it } from "vitest";
import { escapeHtml, renderEmail } from "~/email/layout.server";
import { signInEmail } from "~/email/templates/sign-in.server";

const HOSTILE_ORGANISATION = `Gemeente <script>alert("x")</script> & Zn's`;
const HOSTILE_NAME = `<img src=x onerror="alert(1)">Anna & "Bob"`;
const LINK = "https://rondom.example/inloggen/link/AbC-123_xyz?redirectTo=%2Fteams%2Fa&extra=1";

/** The text of an HTML fragment with its entities decoded (enough for these tests). */
function decodeEntities(html: string): string {
  return html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("escapeHtml", () => {
  it("escapes the five characters that matter in HTML text and attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });
});

describe("the sign-in mail", () => {
  const mail = signInEmail({
    locale: "nl",
    organisationName: HOSTILE_ORGANISATION,
    firstName: HOSTILE_NAME,
    link: LINK,
    code: "042917",
    validMinutes: 15,
  });

  it("escapes names and the organisation in the HTML", () => {
    expect(mail.html).not.toContain("<script");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toMatch(/onerror="/);
    expect(mail.html).toContain(
      "Gemeente &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Zn&#39;s",
    );
    expect(mail.html).toContain(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Anna &amp; &quot;Bob&quot;",
    );
    // The only elements are the layout's own.
    const tags = new Set([...mail.html.matchAll(/<\/?([a-z]+)/g)].map((match) => match[1]));
    expect([...tags].sort()).toEqual(
      ["a", "body", "div", "head", "hr", "html", "meta", "p", "strong", "title"].sort(),
    );
  });

  it("puts the names as they are in the text version and the subject", () => {
    expect(mail.text).toContain(`Beste ${HOSTILE_NAME},`);
    expect(mail.text).toContain(HOSTILE_ORGANISATION);
    expect(mail.subject).toBe(`Inloggen bij Rondom (${HOSTILE_ORGANISATION})`);
    expect(mail.html).toContain(`<title>${escapeHtml(mail.subject)}</title>`);
  });

  it("carries the same link and code in text and HTML", () => {
    expect(mail.text).toContain(`\n${LINK}\n`);
    expect(mail.text).toMatch(/: 042917\n/);
    const hrefs = [...mail.html.matchAll(/href="([^"]*)"/g)].map((match) =>
      decodeEntities(match[1]!),
    );
    expect(hrefs).toEqual([LINK]);
    expect(mail.html).toContain(escapeHtml(LINK));
    expect(mail.html).not.toContain(`${LINK}"`); // the raw & is never in the HTML
    expect(decodeEntities(mail.html)).toContain(LINK);
    expect(mail.html).toMatch(/>042917<\/strong>/);
  });

  it("is in English for English readers, with the same link and code", () => {
    const english = signInEmail({
      locale: "en",
      organisationName: "Gemeente Rondedam",
      firstName: "Daniel",
      link: LINK,
      code: "000123",
      validMinutes: 15,
    });
    expect(english.subject).toBe("Sign in to Rondom (Gemeente Rondedam)");
    expect(english.text).toContain("Dear Daniel,");
    expect(english.text).toContain("15 minutes");
    expect(english.html).toContain('<html lang="en">');
    expect(english.text).toContain(LINK);
    expect(english.text).toContain("000123");
    expect(english.html).toContain(">000123</strong>");
  });
});

describe("renderEmail", () => {
  it("escapes every block and the footer in the HTML, and keeps the text plain", () => {
    const rendered = renderEmail({
      lang: "nl",
      subject: "S & <S>",
      organisationName: "<b>Org</b>",
      blocks: [
        { type: "paragraph", text: "<p>alinea</p>" },
        { type: "small", text: "<i>klein</i>" },
        { type: "button", label: "<u>knop</u>", href: 'https://x.example/"><script>' },
        { type: "code", label: "<em>code</em>", code: "<1>" },
      ],
      footer: "<footer>",
    });
    for (const raw of ["<p>alinea", "<i>", "<u>", '"><script>', "<em>", "<1>", "<footer>", "<b>"]) {
      expect(rendered.html).not.toContain(raw);
    }
    expect(rendered.text).toBe(
      [
        "<p>alinea</p>",
        "<i>klein</i>",
        '<u>knop</u>:\nhttps://x.example/"><script>',
        "<em>code</em>: <1>",
        "--",
        "<footer>",
      ].join("\n\n") + "\n",
    );
  });
});
