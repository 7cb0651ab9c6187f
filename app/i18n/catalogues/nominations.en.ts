import type { nominationsNl } from "./nominations.nl";

export const nominationsEn: Record<keyof typeof nominationsNl, string> = {};
