/**
 * The built-in profile (surveys/) the demo's rounds are on, and the one the home page shows.
 * The other built-ins are in the demo organisation's library beside it.
 */
export const DEMO_PROFILE_ID = "toepassing-beleid";
