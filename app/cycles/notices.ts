import { defineNotices } from "~/utils/notices";
import type { CycleTransition } from "./transitions";

// What the cycle pages say after a successful post (app/utils/notices.ts): the cycle page
// after creating, saving, a step or reminders; the participants page after adding or removing.

export const CYCLE_NOTICES = defineNotices({
  aangemaakt: "cycles.notice.created",
  opgeslagen: "cycles.notice.saved",
  ongewijzigd: "cycles.notice.unchanged",
  voordragen: "cycles.notice.start_nominating",
  verzamelen: "cycles.notice.start_collecting",
  gesloten: "cycles.notice.close",
  vrijgegeven: "cycles.notice.release",
  // Without a count of the open invitations: right after HR revokes one, that count would
  // tell whether the rater had answered.
  herinnerd: "invitations.remind.notice.sent",
});

/** The notice of each step of the cycle page. */
export const TRANSITION_NOTICE = {
  "start-nominating": "voordragen",
  "start-collecting": "verzamelen",
  close: "gesloten",
  release: "vrijgegeven",
} as const satisfies Record<CycleTransition, keyof typeof CYCLE_NOTICES>;

export const PARTICIPANT_NOTICES = defineNotices({
  // "aantal" counts who was added; who already took part and who is not active follow.
  toegevoegd: {
    key: "cycles.participants.notice.added",
    counts: { al: "alreadyIn", inactief: "inactive" },
    followUps: {
      alreadyIn: "cycles.participants.notice.alreadyIn",
      inactive: "cycles.participants.notice.inactive",
    },
  },
  verwijderd: "cycles.participants.notice.removed",
  profiel: "cycles.participants.notice.profileChanged",
});
