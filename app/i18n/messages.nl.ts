import { peopleNl } from "./catalogues/people.nl";
import { cyclesNl } from "./catalogues/cycles.nl";
import { nominationsNl } from "./catalogues/nominations.nl";
import { invitationsNl } from "./catalogues/invitations.nl";
import { teamProfilesNl } from "./catalogues/team-profiles.nl";
import { teamComparisonNl } from "./catalogues/team-comparison.nl";
import { accountsNl } from "./catalogues/accounts.nl";
import { commonNl } from "./catalogues/common.nl";
import { profilesNl } from "./catalogues/profiles.nl";
import { profileFileIssuesNl } from "./catalogues/profile-file-issues.nl";

// Dutch is the source language: every key is defined here first. messages.en.ts must
// provide the same keys (the type checker enforces it). Larger features keep their
// messages in catalogues/<feature>.nl.ts and .en.ts, merged here.
export const nl = {
  ...peopleNl,
  ...cyclesNl,
  ...nominationsNl,
  ...invitationsNl,
  ...teamProfilesNl,
  ...teamComparisonNl,
  ...accountsNl,
  ...commonNl,
  ...profilesNl,
  ...profileFileIssuesNl,
  "meta.description":
    "Rondom: 360-gradenfeedback op basis van competentieprofielen, anoniem en toegankelijk.",

  "layout.skipToContent": "Naar de inhoud",
  "layout.nav.label": "Hoofdmenu",
  "layout.nav.home": "Start",
  "layout.nav.profiles": "Competentieprofielen",
  "layout.language.switch": "English",
  "layout.language.unknown": "Onbekende taal.",
  "layout.footer.tagline": "Rondom: 360-gradenfeedback op basis van competentieprofielen.",
  "layout.footer.anonymity":
    "Wie feedback geeft, blijft anoniem: niemand ziet wie wat heeft geantwoord.",

  "home.setup.title": "Nog geen organisatie ingericht",
  "home.setup.body":
    "Deze installatie draait zonder demo en heeft nog geen organisatie. Maak de organisatie en de eerste HR-beheerder aan op de server; daarna logt die in en importeert de medewerkers uit een CSV-bestand.",
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
    "Antwoorden blijven verzegeld tot de ronde sluit en worden dan opgeslagen zonder verwijzing naar de uitnodiging of de beoordelaar, en zonder het moment van insturen.",
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
  "home.demo.people.departmentHeadHint":
    "Leidt een afdeling met drie teams: bekijkt hun teamprofielen en vergelijkt ze op één radar (menu Teams).",
  "home.demo.people.teamLeadHint":
    "Bekijkt het teamprofiel van het eigen team en de rapporten die teamleden met hen deelden.",

  "role.hrAdmin": "HR-beheerder",
  "role.departmentHead": "Afdelingshoofd",
  "role.teamLead": "Teamleider",
  "role.employee": "Medewerker",

  "relationship.self": "zelfbeoordeling",
  "relationship.manager": "leidinggevende",
  "relationship.colleague": "collega",
  "relationship.customer": "klant",
  "relationship.report": "direct medewerker",

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

  "relationship.group.self": "zelfbeoordeling",
  "relationship.group.manager": "leidinggevenden",
  "relationship.group.colleague": "collega’s",
  "relationship.group.customer": "klanten",
  "relationship.group.report": "medewerkers",

  "scale.default.1": "(bijna) nooit",
  "scale.default.2": "soms",
  "scale.default.3": "regelmatig",
  "scale.default.4": "vaak",
  "scale.default.5": "(bijna) altijd",
  "scale.default.notApplicable": "kan ik niet beoordelen",

  "rater.notFound.title": "Deze link werkt niet",
  "rater.notFound.body":
    "We kunnen bij deze link geen openstaande uitnodiging vinden. Misschien is de link niet helemaal overgenomen, is de uitnodiging ingetrokken of is de link verlopen.",
  "rater.notFound.help":
    "Kopieer de link opnieuw uit de e-mail, of vraag degene die u uitnodigde om een nieuwe uitnodiging.",
  "rater.badRequest.title": "Dit konden we niet verwerken",
  "rater.badRequest.nothingSaved":
    "Er is niets opgeslagen of veranderd. Ga terug naar de vragenlijst en probeer het opnieuw; eerder opgeslagen antwoorden zijn er nog.",

  "rater.intro.title.self": "Uw zelfbeoordeling",
  "rater.intro.title.other": "Feedback voor {name}",
  "rater.intro.greeting": "Beste {rater},",
  "rater.intro.invited.self":
    "In de {cycle} beoordeelt u uzelf op hetzelfde competentieprofiel als uw beoordelaars. Zo kunt u straks uw eigen beeld naast dat van anderen leggen.",
  "rater.intro.invited.other":
    "{name} krijgt in de {cycle} feedback van mensen met wie {firstName} samenwerkt. U bent uitgenodigd als {relationship}. Uw eerlijke beeld helpt {firstName} om te zien wat goed gaat en wat beter kan.",
  "rater.intro.deadline": "Vul de vragenlijst uiterlijk {deadline} in.",
  "rater.intro.time":
    "Het invullen duurt ongeveer {minutes} minuten: {items} korte vragen over {competencies} competenties, en twee open vragen.",
  "rater.intro.saving":
    "U kunt tussendoor opslaan en later verdergaan via dezelfde link. Bij vragen die u niet kunt beantwoorden kiest u ‘kan ik niet beoordelen’.",
  "rater.intro.start": "Beginnen",
  "rater.intro.continue": "Verdergaan waar u was gebleven",
  "rater.intro.decline": "Ik geef liever geen feedback",

  "rater.privacy.title": "Wie ziet wat?",
  "rater.privacy.unlinked":
    "Uw antwoorden worden opgeslagen zonder uw naam en zonder verwijzing naar deze uitnodiging. Ook Rondom kan ze na het versturen niet meer aan u koppelen.",
  "rater.privacy.threshold":
    "{name} ziet de scores van de {group} alleen apart als minstens {k} van hen hebben geantwoord. Zijn het er minder, dan tellen uw scores alleen mee in een gemiddelde met andere beoordelaars, en alleen als dat er samen minstens {k} zijn.",
  "rater.privacy.comments":
    "Wat u bij de open vragen schrijft, ziet {name} letterlijk, zonder uw naam en alleen als minstens {k} beoordelaars hebben geantwoord. Schrijf daarom niets waaraan u te herkennen bent.",
  "rater.privacy.leadWithConsent":
    "Geeft {name} daar zelf toestemming voor, dan ziet ook de leidinggevende van {name} het rapport, met dezelfde regels.",
  "rater.privacy.hr":
    "HR en de organisatie zien alleen hoeveel mensen hebben geantwoord, niet wie en niet wat.",
  "rater.privacy.manager.anonymous":
    "In deze feedbackronde beoordeelt u als leidinggevende anoniem, net als de andere beoordelaars: uw scores worden niet apart getoond.",
  "rater.privacy.manager.recognisable":
    "Let op: in deze feedbackronde worden de antwoorden van de leidinggevende apart getoond. {name} kan uw scores en opmerkingen dus als de uwe herkennen.",
  "rater.privacy.self.report":
    "Uw zelfbeoordeling komt in uw eigen rapport, naast het gemiddelde oordeel van anderen.",
  "rater.privacy.self.leadNever": "Uw leidinggevende ziet uw rapport in deze ronde niet.",
  "rater.privacy.self.leadWithConsent":
    "Uw leidinggevende ziet uw rapport alleen als u daar later zelf toestemming voor geeft.",

  "rater.submitted.title": "Al ingevuld, dank u",
  "rater.submitted.body":
    "Deze vragenlijst is al verstuurd. Uw antwoorden zijn anoniem opgeslagen en kunnen niet meer worden gewijzigd.",
  "rater.declined.title": "U heeft afgezegd",
  "rater.declined.body":
    "U heeft aangegeven geen feedback te geven. Dank u voor het laten weten; u krijgt hierover geen herinneringen meer.",
  "rater.closed.title": "Deze feedbackronde is gesloten",
  "rater.closed.body":
    "De {cycle} is gesloten; er kunnen geen antwoorden meer worden gegeven. Dank u voor uw moeite.",

  "rater.form.instructions.self":
    "Geef bij elk gedrag aan hoe vaak u het laat zien. Kunt u iets niet beoordelen, kies dan ‘kan ik niet beoordelen’.",
  "rater.form.instructions.other":
    "Geef bij elk gedrag aan hoe vaak u ziet dat {name} het laat zien. Kunt u iets niet beoordelen, kies dan ‘kan ik niet beoordelen’.",
  "rater.form.deadline": "Invullen kan tot en met {deadline}.",
  "rater.form.saved":
    "Uw antwoorden zijn opgeslagen. U kunt deze pagina sluiten en later verdergaan via dezelfde link.",
  "rater.form.errorSummary.title": "Er ontbreekt nog iets ({count})",
  "rater.form.errorSummary.missing": {
    one: "{competency}: {count} vraag zonder antwoord",
    other: "{competency}: {count} vragen zonder antwoord",
  },
  "rater.form.progress": "{answered} van {total} vragen beantwoord",
  "rater.form.autosave.saving": "Bezig met opslaan…",
  "rater.form.autosave.saved": "Automatisch opgeslagen om {time}",
  "rater.form.autosave.failed":
    "Automatisch opslaan lukte niet; gebruik de knop ‘Opslaan en later verder’.",
  "rater.form.autosave.closed": "Deze uitnodiging is niet meer open; herlaad de pagina.",
  "rater.form.section": "Competentie {index} van {count}",
  "rater.form.stem.self": "In hoeverre laat u dit gedrag zien?",
  "rater.form.stem.other": "In hoeverre laat {name} dit gedrag zien?",
  "rater.form.comment": "Toelichting bij {competency} (optioneel)",
  "rater.form.commentHint":
    "Beschrijf wat u ziet gebeuren; schrijf niets waaraan u herkenbaar bent.",
  "rater.form.general.title": "Tot slot",
  "rater.form.general.intro": "Twee open vragen. Ook deze zijn optioneel.",
  "rater.form.general.went_well": "Wat gaat goed?",
  "rater.form.general.could_improve": "Wat kan beter?",
  "rater.form.submit": "Versturen",
  "rater.form.submitting": "Bezig met versturen…",
  "rater.form.save": "Opslaan en later verder",
  "rater.form.saveHint": "Na het versturen kunt u uw antwoorden niet meer wijzigen.",
  "rater.form.error.required": "Kies een antwoord, of ‘kan ik niet beoordelen’.",
  "rater.form.error.invalidChoice": "Dit antwoord is niet een van de mogelijke keuzes.",
  "rater.form.error.commentTooLong": "Gebruik hoogstens {max} tekens.",
  "rater.form.error.unknownField":
    "Het formulier bevat gegevens die niet bij deze vragenlijst horen.",
  "rater.form.error.badRequest":
    "Het formulier kwam niet goed binnen (onbekende of ontbrekende gegevens, of te groot).",

  "rater.decline.title": "Geen feedback geven",
  "rater.decline.intro.self":
    "Wilt u de zelfbeoordeling niet invullen? Dat kan. Uw rapport laat dan alleen het oordeel van anderen zien.",
  "rater.decline.intro.other":
    "Wilt u {name} liever geen feedback geven, bijvoorbeeld omdat u te weinig samenwerkt? Dat kan. U krijgt dan geen herinneringen meer.",
  "rater.decline.reason": "Reden (optioneel)",
  "rater.decline.reasonHint": "Alleen de organisatie van de feedbackronde ziet deze reden.",
  "rater.decline.reasonTooLong": "Gebruik hoogstens {max} tekens.",
  "rater.decline.confirm": "Afzeggen",
  "rater.decline.cancel": "Toch invullen",

  "rater.thanks.title": "Dank u wel!",
  "rater.thanks.body.self": "Uw zelfbeoordeling voor de {cycle} is verstuurd.",
  "rater.thanks.body.other": "Uw feedback voor {name} is verstuurd.",
  "rater.thanks.anonymous":
    "Uw antwoorden zijn verzegeld opgeslagen, zonder uw naam en zonder verwijzing naar uw uitnodiging. Als de ronde sluit, komen ze bij de andere antwoorden, zonder het moment van versturen.",
  "rater.thanks.close": "U kunt deze pagina nu sluiten.",

  "error.notFound.title": "Pagina niet gevonden",
  "error.notFound.body":
    "De pagina die u zoekt bestaat niet (meer). Controleer het adres, of ga naar de startpagina.",
  "error.badRequest.title": "Dit verzoek kunnen we niet verwerken",
  "error.badRequest.body": "Er klopt iets niet aan het verzoek. Ga terug en probeer het opnieuw.",
  "error.server.title": "Er ging iets mis",
  "error.server.body":
    "Er ging aan onze kant iets mis. Uw eerder opgeslagen gegevens zijn niet verloren. Probeer het over een paar minuten opnieuw.",
  "error.backHome": "Naar de startpagina",
  "table.label": "Tabel: {name}",
  "layout.nav.mine": "Mijn Rondom",
  "layout.nav.admin": "Beheer",
  "layout.signIn": "Inloggen",
  "layout.signOut": "Uitloggen",
  "layout.signedInAs": "Ingelogd als {name}",

  "cycle.status.draft": "In voorbereiding",
  "cycle.status.nominating": "Beoordelaars voordragen",
  "cycle.status.collecting": "Feedback verzamelen",
  "cycle.status.closed": "Gesloten, rapport volgt",
  "cycle.status.released": "Rapporten vrijgegeven",

  "signIn.title": "Inloggen",
  "signIn.heading": "Inloggen bij Rondom",
  "signIn.intro":
    "Vul uw e-mailadres van het werk in. U krijgt een e-mail met een inloglink en een code van zes cijfers. Een wachtwoord is niet nodig.",
  "signIn.email": "E-mailadres",
  "signIn.emailHint": "Bijvoorbeeld naam@gemeente.nl",
  "signIn.submit": "Stuur mij een inloglink",
  "signIn.error.email.required": "Vul uw e-mailadres in.",
  "signIn.error.email.invalid": "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.",
  "signIn.rateLimited": {
    one: "U heeft te vaak om een inloglink gevraagd. Probeer het over {count} minuut opnieuw.",
    other: "U heeft te vaak om een inloglink gevraagd. Probeer het over {count} minuten opnieuw.",
  },
  "signIn.signedOut": "U bent uitgelogd.",
  "signIn.signedOutEverywhere": "U bent op al uw apparaten uitgelogd.",
  "signIn.demoHint":
    "Dit is een demo: op de startpagina kunt u met één klik inloggen als een van de demo-personen.",
  "signIn.privacy":
    "Rondom gebruikt één cookie om u ingelogd te houden. Na twee uur zonder activiteit (een half uur voor HR-beheerders), en in elk geval na twaalf uur, moet u opnieuw inloggen.",

  "signIn.code.title": "Code invullen",
  "signIn.code.heading": "Kijk in uw mailbox",
  "signIn.code.sent":
    "Als {email} bij Rondom bekend is, is er zojuist een e-mail naartoe gestuurd met een inloglink en een code. Klik op de link in de e-mail, of vul hieronder de code in.",
  "signIn.code.label": "Code van zes cijfers",
  "signIn.code.hint":
    "De code is {minutes} minuten geldig, werkt één keer en alleen in de browser waarin u hem heeft aangevraagd.",
  "signIn.code.submit": "Inloggen",
  "signIn.code.error.required": "Vul de code uit de e-mail in.",
  "signIn.code.error.invalid": "Een code bestaat uit zes cijfers.",
  "signIn.code.error.wrong":
    "Deze code klopt niet of is verlopen. Na vijf foute pogingen vervalt de code; vraag dan een nieuwe aan.",
  "signIn.code.rateLimited": {
    one: "Te veel pogingen met een code voor dit adres. Gebruik de link in de e-mail, of probeer het over {count} minuut opnieuw.",
    other:
      "Te veel pogingen met een code voor dit adres. Gebruik de link in de e-mail, of probeer het over {count} minuten opnieuw.",
  },
  "signIn.code.noMail":
    "Geen e-mail ontvangen? Kijk bij uw ongewenste e-mail, controleer het adres, of vraag een nieuwe link aan.",
  "signIn.code.again": "Een nieuwe inloglink aanvragen",
  "signIn.code.demoOutbox": "Demo: u kunt de e-mail ook lezen in het postvak UIT.",

  "signIn.link.title": "Inloggen met uw link",
  "signIn.link.heading": "Inloggen bij Rondom",
  "signIn.link.body": "Klik op de knop om in te loggen. De link werkt één keer.",
  "signIn.link.submit": "Inloggen",
  "signIn.link.otherBrowser.body":
    "Deze inloglink is aangevraagd in een andere browser of op een ander apparaat. Als u op de knop drukt, bent u in deze browser ingelogd als {name} bij {organisation}.",
  "signIn.link.otherBrowser.warning":
    "Bent u niet {name}, of heeft u deze link van iemand anders gekregen? Druk dan niet op de knop: u zou werken in het account van een ander.",
  "signIn.link.otherBrowser.submit": "Inloggen als {name}",
  "signIn.link.invalid.heading": "Deze inloglink werkt niet meer",
  "signIn.link.invalid.body":
    "Een inloglink is {minutes} minuten geldig en werkt één keer. Misschien heeft u hem al gebruikt, of daarna een nieuwe aangevraagd.",

  "demoSignIn.button": "Inloggen als {name}",
  "home.demo.people.more": "Alle {count} andere medewerkers",
  "home.demo.signIn.intro":
    "Log met één klik in als een van deze mensen, zonder e-mail. Dat kan alleen in de demo.",

  "mine.title": "Mijn Rondom",
  "mine.heading": "Welkom, {name}",
  "mine.intro":
    "Hier vindt u uw feedbackrondes, de vragenlijsten die voor u klaarstaan en uw teams.",
  "mine.rounds.title": "Mijn feedbackrondes",
  "mine.rounds.empty": "U doet nog niet mee aan een feedbackronde.",
  "mine.rounds.status": "Stand: {status}",
  "mine.rounds.nominationDeadline": "Beoordelaars voordragen tot en met {date}",
  "mine.rounds.answerDeadline": "Feedback geven kan tot en met {date}",
  "mine.rounds.released": "Uw rapport is vrijgegeven op {date}.",
  "mine.rounds.closed": "De ronde is gesloten; uw rapport komt beschikbaar zodra HR het vrijgeeft.",
  "mine.rounds.shared": "U deelt uw resultaten met uw leidinggevende.",
  "mine.todo.title": "Feedback geven",
  "mine.todo.intro": "Deze vragenlijsten staan voor u klaar. Uw antwoorden zijn anoniem.",
  "mine.todo.empty": "Er staan geen vragenlijsten voor u klaar.",
  "mine.todo.self": "Uw zelfbeoordeling in {cycle}",
  "mine.todo.other": "Feedback voor {participant} ({relationship}) in {cycle}",
  "mine.todo.deadline": "uiterlijk {date}",
  "mine.todo.draft": "al deels ingevuld",
  "mine.todo.open": "Vragenlijst openen",
  "mine.todo.continue": "Verder invullen",
  "mine.teams.title": "Mijn teams",
  "mine.teams.members": { one: "{count} medewerker", other: "{count} medewerkers" },
  "mine.teams.profile": "Teamprofiel van {name}",
  "mine.teams.all": "Alle teams en teams vergelijken",
  "mine.admin.title": "Beheer",
  "mine.admin.body": "Als HR-beheerder ziet u de voortgang van rondes en het logboek.",
  "mine.admin.link": "Naar beheer",
  "mine.sessions.title": "Inloggen en uitloggen",
  "mine.sessions.count": {
    one: "U bent nu op {count} apparaat of browser ingelogd.",
    other: "U bent nu op {count} apparaten of browsers ingelogd.",
  },
  "mine.sessions.everywhere": "Uitloggen op alle apparaten",
  "mine.sessions.everywhereHint":
    "Gebruik dit als u op een gedeelde of kwijtgeraakte computer of telefoon bent ingelogd.",

  "team.title": "Team {name}",
  "team.partOf": "Onderdeel van {name}",
  "team.lead": "Leidinggevende: {name}",
  "team.noLead": "Dit team heeft geen leidinggevende.",
  "team.subTeams": "Teams binnen {name}",
  "team.members.title": "Medewerkers",
  "team.members.empty": "Dit team heeft geen medewerkers.",
  "team.members.name": "Naam",
  "team.members.jobTitle": "Functie",
  "team.members.round": "Laatste feedbackronde",
  "team.members.noRound": "Doet niet mee",
  "team.members.shared": "resultaten gedeeld met de leidinggevende",
  "team.privacy":
    "U ziet hier wie er meedoet en in welke fase de ronde is, nooit wie er feedback gaf of wat er werd geantwoord.",

  "admin.title": "Beheer",
  "admin.heading": "Beheer van {organisation}",
  "admin.people": "Actieve medewerkers",
  "admin.teams": "Teams",
  "admin.cycles.title": "Feedbackrondes",
  "admin.cycles.empty": "Er zijn nog geen feedbackrondes.",
  "admin.cycles.name": "Ronde",
  "admin.cycles.status": "Stand",
  "admin.cycles.participants": "Deelnemers",
  "admin.cycles.answered": "Beantwoord",
  "admin.cycles.answeredValue": "{answered} van {invited}",
  "admin.privacy": "Als HR-beheerder ziet u aantallen, nooit antwoorden of wie er antwoordde.",
  "admin.links.title": "Verder",
  "admin.links.audit": "Logboek",
  "admin.links.outbox": "Postvak UIT (demo en ontwikkeling)",
  "admin.links.profiles": "Competentieprofielen",

  "audit.title": "Logboek",
  "audit.heading": "Logboek",
  "audit.intro":
    "Wie wat wanneer deed: inloggen, uitloggen, foute codes en elke beheerhandeling. Antwoorden op vragenlijsten komen hier nooit in.",
  "audit.filter.label": "Soort handeling",
  "audit.filter.all": "Alle handelingen",
  "audit.filter.submit": "Toon",
  "audit.when": "Tijdstip",
  "audit.who": "Wie",
  "audit.what": "Handeling",
  "audit.details": "Details",
  "audit.unknownActor": "onbekend",
  "audit.empty": "Geen regels gevonden.",
  "audit.older": "Oudere regels",
  "audit.newest": "Terug naar de nieuwste",
  "audit.caption": "Logboek, nieuwste eerst",
  "audit.action.sign_in": "Ingelogd",
  "audit.action.sign_out": "Uitgelogd",
  "audit.action.sign_out_everywhere": "Overal uitgelogd",
  "audit.action.sign_in_code_failed": "Foute inlogcode",
  "audit.action.sign_in_code_burnt": "Inlogcode vervallen na vijf foute pogingen",
  "audit.method.link": "met inloglink",
  "audit.method.code": "met code",
  "audit.method.demo": "met één klik (demo)",
  "audit.subjectPerson": "account van {name}",
  "audit.subjectTeam": "team {name}",
  "audit.teams": { one: "{count} team", other: "{count} teams" },
  "audit.members": { one: "{count} teamlid", other: "{count} teamleden" },
  "audit.rater": "beoordelaar {name}",
  "audit.raters": "beoordelaars: {names}",
  "audit.attempt": "poging {attempt}",
  "audit.sessionsEnded": { one: "{count} sessie beëindigd", other: "{count} sessies beëindigd" },

  "outbox.title": "Postvak UIT",
  "outbox.heading": "Postvak UIT",
  "outbox.intro":
    "Zonder ingestelde mailserver blijven e-mails hier staan. Persoonlijke links en inlogcodes worden nergens bewaard: ze worden pas gemaakt bij het verzenden, en op deze pagina bij het tonen. Verzonden e-mails met persoonlijke links tonen hun inhoud hier niet meer. Deze pagina bestaat alleen in de demo en tijdens ontwikkeling.",
  "outbox.filter.label": "Aan (e-mailadres)",
  "outbox.filter.submit": "Zoek",
  "outbox.filter.clear": "Alle e-mails",
  "outbox.empty": "Geen e-mails gevonden.",
  "outbox.to": "Aan",
  "outbox.sentAt": "Aangemaakt",
  "outbox.status": "Status",
  "outbox.status.pending": "wacht op verzending",
  "outbox.status.sending": "wordt verzonden",
  "outbox.status.sent": "verzonden",
  "outbox.status.failed": "mislukt",
  "outbox.showing": { one: "De {count} nieuwste e-mail.", other: "De {count} nieuwste e-mails." },
  "outbox.notSent":
    "Deze e-mail wordt niet meer verzonden: geen van de links erin is nog te gebruiken (ingetrokken, beantwoord, verlopen of de ronde is gesloten).",

  "email.greeting": "Beste {name},",
  "email.footer":
    "Deze e-mail is verstuurd door Rondom namens {organisation}. U kunt niet op deze e-mail antwoorden.",
  "email.signIn.subject": "Inloggen bij Rondom ({organisation})",
  "email.signIn.intro":
    "U heeft gevraagd om in te loggen bij Rondom, het feedbackplatform van {organisation}.",
  "email.signIn.button": "Inloggen bij Rondom",
  "email.signIn.severalOrganisations":
    "Uw e-mailadres hoort bij een account in meer dan één organisatie: {organisations}. U krijgt voor elke organisatie een aparte e-mail met een eigen link en code; met deze e-mail logt u in bij {organisation}. Hoort een van die accounts niet bij u? Meld het dan bij HR van die organisatie.",
  "email.signIn.codeLabel": "Of vul deze code in op de inlogpagina",
  "email.signIn.validity": "De link en de code zijn {minutes} minuten geldig en werken één keer.",
  "email.signIn.notYou":
    "Heeft u hier niet om gevraagd? Dan kunt u deze e-mail negeren; zonder de link of de code kan niemand inloggen.",

  "error.tooManyRequests.title": "Te veel verzoeken",
  "audit.action.report_shared_with_lead": "Rapport gedeeld met leidinggevende",
  "audit.action.report_unshared_with_lead": "Delen van rapport ingetrokken",
  "report.sharing.title": "Delen met uw leidinggevende",
  "report.sharing.shared": "U deelt dit rapport met {manager}. U kunt dat altijd weer intrekken.",
  "report.sharing.notShared":
    "Alleen u ziet dit rapport. U kunt het delen met {manager}, uw leidinggevende in deze ronde; die ziet dan dit hele rapport, ook de opmerkingen en de vergelijking met de vorige ronde. Elke keer dat die het bekijkt, wordt vastgelegd.",
  "report.sharing.share": "Deel met {manager}",
  "report.sharing.unshare": "Niet meer delen",
  "report.sharing.blocked":
    "Delen met {manager} kan nu niet. {manager} heeft het teamprofiel van deze ronde al gezien; samen met uw rapport zou daaruit de uitkomst van een collega af te leiden zijn. Zo beschermt Rondom de anonimiteit van uw collega's.",
  "report.sharing.notPossible": "Delen is nu niet mogelijk.",
  "report.title": "Feedbackrapport",
  "report.heading": "Feedbackrapport van {name}",
  "report.meta": "{cycle} · vrijgegeven op {date}",
  "report.leadView":
    "{name} heeft deze resultaten met u gedeeld. Uw eigen antwoorden als leidinggevende zijn hier weggelaten, net als de organisatienorm en de vorige ronde. Uw bezoek wordt vastgelegd in het logboek.",
  "report.notReleased.title": "Uw rapport is nog niet beschikbaar",
  "report.notReleased.body":
    "Het rapport van {cycle} komt beschikbaar zodra HR de ronde vrijgeeft. U krijgt dan een e-mail.",
  "report.print": "Download als pdf",
  "report.printHint":
    "Kies in het afdrukvenster ‘Opslaan als pdf’. Het rapport is opgemaakt voor A4.",
  "report.howToRead.title": "Zo leest u dit rapport",
  "report.howToRead.body":
    "Collega’s, klanten, uw leidinggevende en uzelf gaven aan hoe vaak u het gedrag uit het competentieprofiel laat zien, van 1 (bijna nooit) tot 5 (bijna altijd). ‘Anderen’ is het gemiddelde van iedereen behalve uzelf. Een groep staat er alleen apart in als minstens {k} mensen uit die groep antwoordden; anders telt hun antwoord alleen mee in ‘anderen’. Zo blijft iedereen anoniem.",
  "report.overview.title": "Wie gaven feedback",
  "report.overview.group": "Groep",
  "report.overview.invited": "Uitgenodigd",
  "report.overview.answered": "Geantwoord",
  "report.summary.title": "Samenvatting",
  "report.summary.strengths": "Uw sterkste punten volgens anderen",
  "report.summary.development": "Uw ontwikkelpunten volgens anderen",
  "report.summary.blindSpots": "Blinde vlekken",
  "report.summary.blindSpotsIntro":
    "Hier ziet u uzelf duidelijk hoger (minstens {gap} punt) dan anderen u zien.",
  "report.summary.hiddenStrengths": "Verborgen kwaliteiten",
  "report.summary.hiddenStrengthsIntro":
    "Hier zien anderen u duidelijk hoger (minstens {gap} punt) dan u uzelf ziet.",
  "report.summary.none": "Geen.",
  "report.summary.item": "{text}: anderen {others}",
  "report.summary.itemWithSelf": "{text}: anderen {others}, uzelf {self}",
  "report.summary.noOthers":
    "Te weinig anderen gaven feedback om sterke punten en ontwikkelpunten te tonen.",
  "report.radar.title": "Uw competenties in één beeld",
  "report.radar.howToRead":
    "Elke spaak is een competentie; hoe verder naar buiten, hoe vaker het gedrag wordt gezien (1 in het midden, 5 aan de rand). Waar de lijnen van uzelf en van anderen ver uit elkaar liggen, kijkt u anders naar uzelf dan anderen naar u. Dezelfde cijfers staan in de tabel eronder.",
  "report.radar.options": "Toon in de grafiek en de tabel",
  "report.radar.apply": "Toon",
  "report.radar.alt": "Radargrafiek van de competenties: uzelf tegenover anderen.",
  "report.radar.tableOnly": "alleen in de tabel: niet voor elke competentie genoeg antwoorden",
  "report.radar.orgWide": "organisatiebreed",
  "report.radar.orgWideNote": "* organisatiebrede competentie",
  "report.series.self": "Uzelf",
  "report.series.others": "Anderen",
  "report.series.norm": "Organisatienorm",
  "report.series.previous": "Anderen in {cycle}",
  "report.table.competency": "Competentie",
  "report.table.indicator": "Gedrag",
  "report.table.n": "Aantal",
  "report.table.notApplicable": "Kan niet beoordelen",
  "report.table.agreement": "Eensgezindheid",
  "report.table.caption": "Scores per competentie (1 = bijna nooit, 5 = bijna altijd)",
  "report.notShown": "–",
  "report.notShownExplained":
    "– = niet getoond om de anonimiteit te beschermen, of geen antwoorden.",
  "report.agreement.high": "eensgezind",
  "report.agreement.medium": "enigszins verdeeld",
  "report.agreement.low": "verdeeld",
  "report.competencies.title": "Per competentie",
  "report.competency.withheld":
    "Sommige cijfers van deze competentie worden niet getoond, omdat anders te herleiden zou zijn wat iemand antwoordde.",
  "report.comments.title": "Opmerkingen",
  "report.comments.none": "Geen opmerkingen.",
  "report.comments.hidden":
    "Opmerkingen worden pas getoond als minstens {k} anderen feedback gaven.",
  "report.general.title": "Algemene vragen",
  "report.general.went_well": "Wat gaat goed?",
  "report.general.could_improve": "Wat kan beter?",
  "report.norm.title": "Organisatienorm",
  "report.norm.body":
    "De organisatienorm is per competentie het gemiddelde ‘anderen’-cijfer van alle {count} deelnemers aan deze ronde.",
  "report.norm.absent":
    "Er is geen organisatienorm: daarvoor zijn minstens vijf deelnemers met een cijfer nodig.",
  "report.norm.withheld":
    "Bij een of meer competenties ziet u de organisatienorm niet. U gaf in deze ronde zelf feedback aan andere deelnemers; samen met uw eigen antwoorden zou de norm daar laten zien welk cijfer een paar van hen kregen.",
  "report.trend.title": "Ontwikkeling sinds de vorige ronde",
  "report.trend.body": "Uw ‘anderen’-cijfers nu, naast die uit {cycle}.",
  "report.trend.change": "Verschil",
  "report.trend.absent": "Dit is uw eerste ronde met een rapport; er is nog geen vergelijking.",
  "report.commentBy.self": "uzelf",
  "report.commentBy.manager": "leidinggevende",
  "report.commentBy.colleague": "collega",
  "report.commentBy.customer": "klant",
  "report.commentBy.report": "medewerker",
  "mine.rounds.openReport": "Bekijk uw rapport",
  "team.members.openReport": "gedeeld rapport bekijken",
  "audit.action.report_viewed_by_lead": "Gedeeld rapport bekeken",
  "audit.action.people_imported": "Personen geïmporteerd",
  "audit.action.person_created": "Persoon toegevoegd",
  "audit.action.person_updated": "Persoon gewijzigd",
  "audit.action.person_deactivated": "Persoon op non-actief gezet",
  "audit.action.person_reactivated": "Persoon weer actief gemaakt",
  "audit.action.team_created": "Team toegevoegd",
  "audit.action.team_updated": "Team gewijzigd",
  "audit.action.cycle_created": "Feedbackronde aangemaakt",
  "audit.action.cycle_updated": "Feedbackronde gewijzigd",
  "audit.action.cycle_participants_added": "Deelnemers toegevoegd",
  "audit.action.cycle_participant_removed": "Deelnemer verwijderd",
  "audit.action.cycle_nominating_started": "Voordragen gestart",
  "audit.action.cycle_collecting_started": "Uitnodigingen verstuurd",
  "audit.action.cycle_closed": "Feedbackronde gesloten",
  "audit.action.cycle_released": "Rapporten vrijgegeven",
  "audit.action.cycle_progress_exported": "Voortgang geëxporteerd",
  "audit.action.nominations_submitted": "Voordrachten ingediend",
  "audit.action.nomination_added": "Beoordelaar voorgedragen",
  "audit.action.nomination_removed": "Voordracht verwijderd",
  "audit.action.nominations_approved": "Voordrachten goedgekeurd",
  "audit.action.invitation_revoked": "Uitnodiging ingetrokken",
  "audit.action.invitation_added": "Beoordelaar toegevoegd",
  "audit.action.reminders_sent": "Herinneringen verstuurd",
  "audit.action.team_profile_viewed": "Teamprofiel bekeken",
  "audit.action.team_profile_exported": "Teamprofiel geëxporteerd",
  "audit.action.team_comparison_viewed": "Teams vergeleken",
  "audit.action.team_comparison_exported": "Teamvergelijking geëxporteerd",
  "audit.action.team_member_results_viewed": "Resultaten van teamleden bekeken",
} as const;
