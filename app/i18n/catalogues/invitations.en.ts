import type { invitationsNl } from "./invitations.nl";

export const invitationsEn: Record<keyof typeof invitationsNl, string> = {};
