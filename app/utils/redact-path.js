// Plain JavaScript: server.js imports it without a build step.

/**
 * The path of a request as it may be logged: query strings dropped and the tokens of
 * invitation and sign-in links replaced, so a log never holds a usable link.
 * @param {string} path
 * @returns {string}
 */
export function redactPath(path) {
  const [pathname = ""] = path.split("?");
  return pathname.replace(/^\/(uitnodiging|inloggen\/link)\/[^/]+/, "/$1/[token]");
}
