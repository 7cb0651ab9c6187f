/** The participant's nomination page. */
export function nominationPath(participantId: string): string {
  return `/voordragen/${encodeURIComponent(participantId)}`;
}

/** The lead's page to approve one participant's nominations. */
export function reviewPath(participantId: string): string {
  return `/goedkeuren/${encodeURIComponent(participantId)}`;
}

export const REVIEW_QUEUE_PATH = "/goedkeuren";
