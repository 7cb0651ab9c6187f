// Plain JavaScript: server.js imports it without a build step.

// Invitation, sign-in and address-confirmation tokens are 43 characters of base64url; nothing else in our paths is
// that long without a dash-separated word structure, so any such segment is hidden.
const TOKEN_LIKE = /^[A-Za-z0-9_%-]{32,}$/;
const SECRET_AFTER = new Set(["uitnodiging", "link", "adres-bevestigen"]);

/**
 * The path of a request as it may be logged: query string dropped, and every segment that
 * is or may be a token replaced, whatever its case or percent-encoding.
 * @param {string} path
 * @returns {string}
 */
export function redactPath(path) {
  const [pathname = ""] = path.split("?");
  const segments = pathname.split("/");
  return segments
    .map((segment, index) => {
      const previous = decodeSafely(segments[index - 1] ?? "").toLowerCase();
      if (index > 0 && SECRET_AFTER.has(previous) && segment !== "") return "[token]";
      return TOKEN_LIKE.test(segment) && !isSlug(segment) ? "[token]" : segment;
    })
    .join("/");
}

/** A readable slug (kennis-van-de-klant) rather than random characters. */
function isSlug(segment) {
  return /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(segment);
}

function decodeSafely(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
