/** How long a confirmation link for a new address works (shared by the mail and HR's page). */
export const ADDRESS_CHANGE_VALID_DAYS = 14;
