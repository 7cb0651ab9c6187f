// Dutch messages of the everyday parts every page shares: the form kit, notices and the
// answers to bad requests. Merged into messages.nl.ts.
export const commonNl = {
  "form.errorSummary.title": "Controleer het formulier",
  "form.invalidValue": "Deze waarde is niet geldig.",
  "http.badRequest": "Dit verzoek kan Rondom niet verwerken. Ga terug en probeer het opnieuw.",
  "http.unknownIntent": "Onbekende keuze in het formulier.",
  "http.notFound": "Niet gevonden.",
  "http.conflict":
    "Dit kan niet meer: de gegevens zijn intussen veranderd. Laad de pagina opnieuw.",
  "http.tooLarge": "Het formulier is te groot.",
  "notice.dismiss": "Melding sluiten",
} as const;
