import { defineNotices } from "~/utils/notices";
import { ADDRESS_CHANGE_VALID_DAYS } from "./address-change-rules";
import type { AddressChangeOutcome } from "./address-change.server";

// What HR's people pages say after a post (post/redirect/get, see app/utils/notices.ts).

export const PEOPLE_NOTICES = defineNotices({
  // A person's page
  opgeslagen: "people.edit.notice.saved",
  gedeactiveerd: "people.edit.notice.deactivated",
  heractiveerd: "people.edit.notice.reactivated",
  "adres-gewijzigd": "people.edit.notice.addressChanged",
  "adres-wacht": {
    key: "people.edit.notice.addressPending",
    params: { days: ADDRESS_CHANGE_VALID_DAYS },
  },
  // An import's preview, shown again because the data changed since it was opened
  verouderd: { key: "people.preview.stale", tone: "warning" },
  // The list, after an import: what it did
  geimporteerd: {
    key: "people.imported.summary",
    counts: {
      nieuw: "created",
      gewijzigd: "updated",
      ongewijzigd: "unchanged",
      heractiveerd: "reactivated",
      gedeactiveerd: "deactivated",
      teams: "teamsCreated",
    },
  },
});

/** Which notice a save shows, by what happened to the address. */
export const SAVED_NOTICE = {
  unchanged: "opgeslagen",
  applied: "adres-gewijzigd",
  pending: "adres-wacht",
} as const satisfies Record<AddressChangeOutcome, keyof typeof PEOPLE_NOTICES>;
