export const ORGANISATION_TIME_ZONE = "Europe/Amsterdam";

// Formatters are costly to build; build each once.
const organisationDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: ORGANISATION_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const longDay = {
  nl: new Intl.DateTimeFormat("nl-NL", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }),
};

/** The calendar day (YYYY-MM-DD) of a moment, in the organisation's time zone. */
export function dayInOrganisation(moment: Date = new Date()): string {
  return organisationDay.format(moment);
}

/** "28 november 2026" / "28 November 2026" for a YYYY-MM-DD day. */
export function formatDay(day: string, locale: "nl" | "en"): string {
  const [year, month, date] = day.split("-").map(Number);
  return longDay[locale].format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1)));
}

const moment = {
  nl: new Intl.DateTimeFormat("nl-NL", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: ORGANISATION_TIME_ZONE,
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: ORGANISATION_TIME_ZONE,
  }),
};

/** "28 nov 2026, 14:05" in the organisation's time zone, for an ISO timestamp. */
export function formatMoment(iso: string, locale: "nl" | "en"): string {
  return moment[locale].format(new Date(iso));
}
