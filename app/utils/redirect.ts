/** Only same-site paths: never let a parameter send someone to another site. */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//")) {
    return fallback;
  }
  const hasControlCharacter = [...target].some((char) => char.charCodeAt(0) < 0x20);
  if (target.includes("\\") || hasControlCharacter) return fallback;
  return target;
}
