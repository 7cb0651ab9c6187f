// Dutch messages of one feature; merged into messages.nl.ts. Dutch is the source language.
export const invitationsNl = {} as const;
