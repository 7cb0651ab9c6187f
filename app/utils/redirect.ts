// Any origin would do: it is only there to resolve a path against, and never leaves here.
const BASE = "http://rondom.invalid";

/**
 * Only same-site paths: never let a parameter send someone to another site.
 *
 * The answer is plain printable ASCII, with anything else percent-encoded as a browser would
 * (`/mijn?x=é` becomes `/mijn?x=%C3%A9`), so it can always go into a Location header: a
 * header value outside Latin-1 makes `redirect()` throw, which used to turn a sign-in into a
 * 500 after its one-time code was spent.
 */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//")) {
    return fallback;
  }
  const hasControlCharacter = [...target].some((char) => {
    const code = char.charCodeAt(0);
    return code < 0x20 || code === 0x7f;
  });
  if (target.includes("\\") || hasControlCharacter) return fallback;
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can leave "//" at the start ("/.//evil.example" is "//evil.example"), which
  // a browser would read as another site.
  if (path.startsWith("//") || !/^[\x21-\x7e]+$/.test(path)) return fallback;
  return path;
}
