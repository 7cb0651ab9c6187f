// Dutch is the source language: every key is defined here first. messages.en.ts must
// provide the same keys (the type checker enforces it).
export const nl = {
  "meta.description":
    "Rondom: 360-gradenfeedback op basis van competentieprofielen, anoniem en toegankelijk.",

  "layout.skipToContent": "Naar de inhoud",
  "layout.nav.label": "Hoofdmenu",
  "layout.nav.home": "Start",
  "layout.nav.profiles": "Competentieprofielen",
  "layout.language.switch": "English",
  "layout.footer.tagline": "Rondom: 360-gradenfeedback op basis van competentieprofielen.",
  "layout.footer.anonymity":
    "Wie feedback geeft, blijft anoniem: niemand ziet wie wat heeft geantwoord.",

  "home.title": "Start",
  "home.heading": "Feedback van alle kanten, veilig en overzichtelijk",
  "home.lead":
    "Rondom verzamelt 360-gradenfeedback op de competenties uit uw eigen competentieprofiel. Collega’s, klanten, de leidinggevende en de medewerker zelf beoordelen het gedrag uit het profiel; Rondom maakt daar een helder rapport van per competentie, zonder ooit te laten zien wie wat zei.",
  "home.viewProfile": "Bekijk het profiel {name}",
  "home.steps.title": "Zo werkt het",
  "home.steps.profile.title": "1. Het competentieprofiel",
  "home.steps.profile.body":
    "Elke gedragsindicator uit het profiel van uw organisatie wordt een vraag in de vragenlijst.",
  "home.steps.invite.title": "2. Beoordelaars uitnodigen",
  "home.steps.invite.body":
    "De medewerker draagt collega’s en klanten voor, de leidinggevende keurt goed. Iedere beoordelaar krijgt een persoonlijke link.",
  "home.steps.answer.title": "3. Anoniem invullen",
  "home.steps.answer.body":
    "In vijf tot vijftien minuten, op telefoon of computer, ook zonder JavaScript. Tussentijds opslaan kan.",
  "home.steps.report.title": "4. Het rapport",
  "home.steps.report.body":
    "Sterke punten, ontwikkelpunten, blinde vlekken en een radargrafiek per competentie, met dezelfde cijfers in een tabel.",
  "home.anonymity.title": "Onze belofte: anonimiteit",
  "home.anonymity.threshold":
    "Scores van een groep beoordelaars worden alleen apart getoond als minstens drie mensen uit die groep hebben geantwoord.",
  "home.anonymity.differencing":
    "Ook door cijfers van elkaar af te trekken valt niet te achterhalen wat een verborgen groep heeft geantwoord.",
  "home.anonymity.storage":
    "Antwoorden worden opgeslagen zonder verwijzing naar de uitnodiging of de beoordelaar, met alleen de dag van insturen.",
  "home.anonymity.hr": "HR ziet hoeveel mensen hebben geantwoord, nooit wat.",
  "home.demo.title": "Demo: {organisation}",
  "home.demo.intro":
    "Deze installatie draait met een fictieve gemeente. Alle namen en antwoorden zijn verzonnen.",
  "home.demo.invitations.title": "Een uitnodiging beantwoorden",
  "home.demo.invitations.intro":
    "Open uitnodigingen in de lopende feedbackronde. Elke link is persoonlijk, zoals in de e-mail aan een beoordelaar.",
  "home.demo.invitations.item": "{rater} ({relationship}) over {participant}",
  "home.demo.invitations.self": "{participant}: zelfbeoordeling",
  "home.demo.invitations.hasDraft": "(al deels ingevuld)",
  "home.demo.highlight.releasedReport": "heeft een rapport",
  "home.demo.highlight.blindSpot": "rapport met blinde vlek",
  "home.demo.highlight.hiddenStrength": "rapport met verborgen kracht",
  "home.demo.highlight.fewRaters": "te weinig beoordelaars in een groep",
  "home.demo.highlight.sharedWithLead": "deelt resultaten met de teamleider",
  "home.demo.highlight.inCollectingCycle": "doet mee aan de lopende ronde",
  "home.demo.people.title": "Demo-personen",
  "home.demo.people.intro": "Wie er in de demogemeente werkt, per rol, met hun e-mailadres.",

  "role.hrAdmin": "HR-beheerder",
  "role.departmentHead": "Afdelingshoofd",
  "role.teamLead": "Teamleider",
  "role.employee": "Medewerker",

  "relationship.self": "zelfbeoordeling",
  "relationship.manager": "leidinggevende",
  "relationship.colleague": "collega",
  "relationship.customer": "klant",
  "relationship.report": "medewerker",

  "profiles.title": "Competentieprofielen",
  "profiles.intro":
    "De profielen waarop feedbackrondes gebaseerd worden. Elke gedragsindicator is een vraag in de vragenlijst.",
  "profile.counts":
    "{clusters} clusters, {competencies} competenties, {indicators} gedragsindicatoren",
  "profile.organisationWide": "Organisatiebreed",
  "profile.organisationWideExplained":
    "competenties komen terug in alle competentieprofielen van de organisatie; daarop kunnen teams met verschillende profielen worden vergeleken.",
  "profile.indicators": "Gedragsindicatoren",
  "profile.scale.title": "Beoordelingsschaal",
  "profile.scale.intro":
    "Beoordelaars geven per gedragsindicator aan hoe vaak zij dit gedrag zien:",

  "error.notFound.title": "Pagina niet gevonden",
  "error.notFound.body":
    "De pagina die u zoekt bestaat niet (meer). Controleer het adres, of ga naar de startpagina.",
  "error.badRequest.title": "Dit verzoek kunnen we niet verwerken",
  "error.badRequest.body": "Er klopt iets niet aan het verzoek. Ga terug en probeer het opnieuw.",
  "error.server.title": "Er ging iets mis",
  "error.server.body":
    "Er ging aan onze kant iets mis. Uw eerder opgeslagen gegevens zijn niet verloren. Probeer het over een paar minuten opnieuw.",
  "error.backHome": "Naar de startpagina",
} as const;
