import { defineNotices } from "~/utils/notices";

// What HR's profile library pages say after a post (post/redirect/get, see
// app/utils/notices.ts). A saved version's number travels as the notice's count.

export const PROFILE_NOTICES = defineNotices({
  // The library, after adopting a built-in profile or cancelling an import
  overgenomen: "profiles.notice.adopted",
  geannuleerd: "profiles.notice.discarded",
  // A profile's page, after an import was saved (the version in `aantal`), retired, reinstated
  aangemaakt: "profiles.notice.created",
  "nieuwe-versie": "profiles.notice.newVersion",
  ongewijzigd: "profiles.notice.unchanged",
  "buiten-gebruik": "profiles.notice.retired",
  "weer-in-gebruik": "profiles.notice.reinstated",
});

/** The notice after an import was saved, by what the library made of it. */
export const SAVED_PROFILE_NOTICE = {
  created: "aangemaakt",
  "new-version": "nieuwe-versie",
  unchanged: "ongewijzigd",
} as const satisfies Record<string, keyof typeof PROFILE_NOTICES>;
