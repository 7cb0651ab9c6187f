import type { peopleNl } from "./people.nl";

export const peopleEn: Record<keyof typeof peopleNl, string> = {};
