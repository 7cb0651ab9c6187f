// The outbox page (/postvak-uit, demo and development only) shows mail as plain text and makes
// the app's own links in it clickable. Only those: the text also holds names that anyone who
// nominates a rater can choose, and a name such as "https://x//evil.example/" must stay text,
// never become a link to another site. Pure.

export type MailTextPart =
  { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;

/**
 * The path (with query and fragment) a URL in a mail opens on this site, or null when it is
 * not a link of this app: another origin, something that does not parse, or a path that a
 * browser would read as another host ("//host/…").
 */
export function appLinkPath(candidate: string, appOrigin: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.origin !== appOrigin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
  return path;
}

/** The text in parts: plain text, and the app's own links (opened as paths on this site). */
export function mailTextParts(text: string, appOrigin: string): MailTextPart[] {
  const parts: MailTextPart[] = [];
  let plain = "";
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const href = appLinkPath(match[0], appOrigin);
    if (href === null) continue;
    plain += text.slice(last, match.index);
    if (plain) parts.push({ kind: "text", text: plain });
    plain = "";
    parts.push({ kind: "link", text: match[0], href });
    last = match.index + match[0].length;
  }
  plain += text.slice(last);
  if (plain) parts.push({ kind: "text", text: plain });
  return parts;
}
