import type { cyclesNl } from "./cycles.nl";

export const cyclesEn: Record<keyof typeof cyclesNl, string> = {};
