/**
 * Text in a LIKE pattern that matches only itself: "50%_off" escaped with "\" (the queries
 * add `escape '\'`, which SQLite and PostgreSQL both understand).
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
