/** The personal link a rater receives; the token is the only key to the invitation. */
export function invitationPath(token: string): string {
  return `/uitnodiging/${encodeURIComponent(token)}`;
}
