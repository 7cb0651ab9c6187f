import { defineNotices } from "~/utils/notices";

// What HR's team pages say after a post (post/redirect/get, see app/utils/notices.ts).

export const TEAM_NOTICES = defineNotices({
  opgeslagen: "people.teams.edit.saved",
});
