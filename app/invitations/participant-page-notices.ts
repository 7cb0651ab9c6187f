import { defineNotices } from "~/utils/notices";

// HR's page of one participant's invitations (/beheer/rondes/$cycleId/deelnemers/$participantId):
// where it is, and what it says after a successful post.

export function participantPagePath(cycleId: string, participantId: string): string {
  return `/beheer/rondes/${encodeURIComponent(cycleId)}/deelnemers/${encodeURIComponent(participantId)}`;
}

export const PARTICIPANT_PAGE_NOTICES = defineNotices({
  ingetrokken: "invitations.participant.notice.revoked",
  toegevoegd: "invitations.participant.notice.added",
});
