import { defineNotices } from "~/utils/notices";

/** What the sign-in page says after signing out (the code shows in the URL). */
export const SIGN_IN_NOTICES = defineNotices({
  uitgelogd: "signIn.signedOut",
  "overal-uitgelogd": "signIn.signedOutEverywhere",
});
