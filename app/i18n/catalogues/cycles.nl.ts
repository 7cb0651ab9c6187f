// Dutch messages of one feature; merged into messages.nl.ts. Dutch is the source language.
export const cyclesNl = {
  // The admin overview's links (beheer._index.tsx)
  "cycles.admin.links.cycles": "Feedbackrondes",
  "cycles.admin.links.people": "Medewerkers",
  "cycles.admin.links.teams": "Teams",
  "cycles.admin.newCycle": "Nieuwe feedbackronde",

  // List
  "cycles.list.title": "Feedbackrondes",
  "cycles.list.intro":
    "Een ronde loopt van voorbereiding via voordragen en verzamelen tot het vrijgeven van de rapporten. U ziet hier aantallen, nooit wie wat antwoordde.",
  "cycles.list.new": "Nieuwe ronde",
  "cycles.list.empty": "Er zijn nog geen feedbackrondes.",
  "cycles.list.name": "Ronde",
  "cycles.list.status": "Stand",
  "cycles.list.answerDeadline": "Antwoorden tot en met",
  "cycles.list.participants": "Deelnemers",
  "cycles.list.answered": "Beantwoord",
  "cycles.list.answeredValue": "{answered} van {invited}",

  // Create and edit
  "cycles.new.title": "Nieuwe feedbackronde",
  "cycles.new.intro":
    "Leg vast hoe de ronde loopt. Daarna voegt u deelnemers toe; zolang de ronde in voorbereiding is, kunt u alles nog wijzigen.",
  "cycles.new.submit": "Ronde aanmaken",
  "cycles.edit.title": "Instellingen van {name}",
  "cycles.edit.heading": "Instellingen",
  "cycles.edit.intro":
    "Wat niet meer kan veranderen, staat hieronder als tekst met de reden erbij.",
  "cycles.edit.submit": "Instellingen opslaan",
  "cycles.edit.back": "Terug naar de ronde",
  "cycles.edit.allLocked": "Deze ronde is vrijgegeven: de instellingen veranderen niet meer.",
  "cycles.edit.lockedNotChanged":
    "Een deel van de instellingen is intussen vastgezet. Er is niets opgeslagen; bekijk de instellingen opnieuw.",
  "cycles.edit.conflict":
    "De ronde is intussen veranderd. Er is niets opgeslagen; bekijk de instellingen opnieuw en sla ze dan op.",
  "cycles.form.cancel": "Annuleren",
  "cycles.form.section.cycle": "Ronde",
  "cycles.form.section.dates": "Planning",
  "cycles.form.section.dates.hint":
    "Een uiterste datum telt de hele dag mee. De dag na de uiterste datum voor antwoorden sluit de ronde vanzelf.",
  "cycles.form.section.anonymity": "Anonimiteit",
  "cycles.form.section.anonymity.hint":
    "Deze instellingen liggen vast zodra het eerste antwoord binnen is.",
  "cycles.form.section.limits": "Beoordelaars per groep",
  "cycles.form.section.limits.hint":
    "Hoeveel beoordelaars een deelnemer per groep voordraagt. De zelfbeoordeling en de leidinggevende komen er vanzelf bij.",
  "cycles.form.section.mail": "Herinneringen en mail",

  "cycles.settings.name": "Naam van de ronde",
  "cycles.settings.profile": "Competentieprofiel",
  "cycles.settings.profile.hint":
    "De vragenlijst bestaat uit de gedragsindicatoren van dit profiel. Bij de start van het voordragen ligt het profiel vast voor deze ronde.",
  "cycles.settings.profile.choose": "Kies een profiel",
  "cycles.settings.nominationDeadline": "Voordragen tot en met",
  "cycles.settings.nominationDeadline.hint": "Tot deze dag dragen deelnemers beoordelaars voor.",
  "cycles.settings.answerDeadline": "Antwoorden tot en met",
  "cycles.settings.answerDeadline.hint":
    "Tot en met deze dag kunnen beoordelaars de vragenlijst invullen. Deze datum ligt na de uiterste datum voor voordragen.",
  "cycles.settings.minGroupSize": "Drempel: minimaal aantal beoordelaars per groep",
  "cycles.settings.minGroupSize.hint":
    "Scores van een groep worden alleen apart getoond als minstens zoveel mensen uit die groep antwoordden. Een heel getal van {min} tot en met {max}; 3 is gebruikelijk.",
  "cycles.settings.managerIdentifiable": "De leidinggevende in het rapport",
  "cycles.settings.managerIdentifiable.no": "Beoordeelt anoniem, zoals ieder ander (aanbevolen)",
  "cycles.settings.managerIdentifiable.yes":
    "Is een aparte, herkenbare groep: de deelnemer ziet de scores van de leidinggevende",
  "cycles.settings.leadAccess": "Resultaten van teamleden voor de leidinggevende",
  "cycles.settings.leadAccess.with_consent": "Alleen als de medewerker het rapport deelt",
  "cycles.settings.leadAccess.never": "Nooit",
  "cycles.settings.colleagues": "Collega’s",
  "cycles.settings.colleagueMin": "Minimaal aantal collega’s",
  "cycles.settings.colleagueMax": "Maximaal aantal collega’s",
  "cycles.settings.customers": "Klanten",
  "cycles.settings.customerMin": "Minimaal aantal klanten",
  "cycles.settings.customerMax": "Maximaal aantal klanten",
  "cycles.settings.includeReportsGroup": "Direct medewerkers (voor leidinggevenden)",
  "cycles.settings.includeReportsGroup.no": "Niet vragen",
  "cycles.settings.includeReportsGroup.yes":
    "Wel vragen: leidinggevenden dragen ook hun medewerkers voor",
  "cycles.settings.reports": "Direct medewerkers",
  "cycles.settings.reportMin": "Minimaal aantal direct medewerkers",
  "cycles.settings.reportMax": "Maximaal aantal direct medewerkers",
  "cycles.settings.reminderDays": "Herinneringen, dagen voor de uiterste datum",
  "cycles.settings.reminderDays.hint":
    "Bijvoorbeeld 7,2: een herinnering een week en twee dagen voor de uiterste datum, alleen aan wie nog niet antwoordde. Leeg: geen automatische herinneringen.",
  "cycles.settings.mailLocale": "Taal van de mails",
  "cycles.settings.mailLocale.rater": "De eigen taal van elke ontvanger",
  "cycles.settings.mailLocale.nl": "Nederlands voor iedereen",
  "cycles.settings.mailLocale.en": "Engels voor iedereen",

  "cycles.settings.value.noDate": "niet ingevuld",
  "cycles.settings.value.range": "{min} tot en met {max}",
  "cycles.settings.value.reportsNotAsked": "niet gevraagd",
  "cycles.settings.value.minGroupSize": "{k} beoordelaars",
  // {count}: the largest of the days, which decides "dag" or "dagen" ("7, 1 dagen", "1 dag").
  "cycles.settings.value.reminders": {
    one: "{days} dag voor de uiterste datum",
    other: "{days} dagen voor de uiterste datum",
  },
  "cycles.settings.value.noReminders": "geen automatische herinneringen",

  "cycles.settings.error.nameRequired": "Geef de ronde een naam.",
  "cycles.settings.error.nameTooLong": "Gebruik voor de naam hoogstens {max} tekens.",
  "cycles.settings.error.nameNotText":
    "De naam bevat onzichtbare tekens of stuurtekens (zoals een teken dat de leesrichting omdraait). Typ de naam opnieuw.",
  "cycles.settings.error.profileRequired": "Kies een competentieprofiel.",
  "cycles.settings.error.nominationDeadlineRequired":
    "Vul de uiterste datum voor het voordragen in.",
  "cycles.settings.error.answerDeadlineRequired": "Vul de uiterste datum voor het antwoorden in.",
  "cycles.settings.error.dayInvalid": "Vul een bestaande datum in, bijvoorbeeld 2026-11-28.",
  "cycles.settings.error.dayPast": "Deze datum is al voorbij. Kies vandaag of later.",
  "cycles.settings.error.answerBeforeNomination":
    "De uiterste datum voor antwoorden moet na de uiterste datum voor voordragen liggen.",
  "cycles.settings.error.wholeNumber": "Vul een heel getal van {min} tot en met {max} in.",
  "cycles.settings.error.maxBelowMin": "Het maximum mag niet lager zijn dan het minimum.",
  "cycles.settings.error.choose": "Maak een keuze.",
  "cycles.settings.error.reminders.format":
    "Vul hele getallen in, gescheiden door komma’s, bijvoorbeeld 7,2.",
  "cycles.settings.error.reminders.range": "Elke dag ligt tussen {min} en {max}.",
  "cycles.settings.error.reminders.duplicate": "Noem elke dag maar één keer.",

  "cycles.lock.released": "Vastgezet: de ronde is vrijgegeven.",
  "cycles.lock.thresholdsLocked":
    "Vastgezet sinds het eerste antwoord binnenkwam: zo verandert de anonimiteit niet meer tijdens de ronde.",
  "cycles.lock.launched": "Vastgezet sinds de start van het voordragen.",
  "cycles.lock.nominatingOver": "Vastgezet: het voordragen is voorbij.",
  "cycles.lock.closed": "Vastgezet: de ronde is gesloten.",

  // The cycle page
  "cycles.page.status": "Stand: {status}.",
  "cycles.page.intro.draft": "Niemand heeft er nog bericht over gekregen.",
  "cycles.page.intro.nominating":
    "Deelnemers dragen beoordelaars voor en hun leidinggevenden keuren die goed.",
  "cycles.page.intro.collecting": "Beoordelaars vullen de vragenlijst in.",
  "cycles.page.intro.closed":
    "Er kan niet meer geantwoord worden; de rapporten volgen bij het vrijgeven.",
  "cycles.page.intro.released": "De rapporten zijn berekend en liggen vast.",
  "cycles.page.stages": "Stappen van de ronde",
  "cycles.page.stage.current": "(nu)",
  "cycles.page.stage.done": "(gedaan)",
  "cycles.page.participants.title": "Deelnemers en voortgang",
  "cycles.page.participants.count": "Deelnemers",
  "cycles.page.participants.empty": "Er zijn nog geen deelnemers.",
  "cycles.page.participants.draftSummary":
    "De voortgang verschijnt hier zodra de feedback verzameld wordt.",
  "cycles.page.participants.nominationSummary":
    "Goedgekeurde voordrachten: {approved} van {participants} deelnemers.",
  "cycles.page.responses": "Antwoorden",
  "cycles.page.responses.value": "{answered} van {invited}",
  "cycles.page.responseRate": "Respons",
  "cycles.page.manageParticipants": "Deelnemers bekijken en toevoegen",
  "cycles.page.remind": "Herinnering sturen",
  "cycles.page.exportCsv": "Voortgang downloaden (CSV)",
  "cycles.page.atRisk.title": "Dreigen onder de drempel te blijven ({count})",
  "cycles.page.atRisk.intro":
    "Zelfs als iedereen die nog kan antwoorden dat doet, komen deze deelnemers niet aan {k} antwoorden van anderen. Voeg een beoordelaar toe of vraag de deelnemer om iemand extra.",
  "cycles.page.atRisk.counts":
    "Antwoorden van anderen: {answered}; hooguit mogelijk: {possible}; nodig: {k}.",
  "cycles.page.reports": "Rapporten berekend: {computed} van {participants}.",
  "cycles.page.settings.title": "Instellingen",
  "cycles.page.editSettings": "Instellingen wijzigen",

  "cycles.notice.created": "De ronde is aangemaakt. Voeg nu deelnemers toe.",
  "cycles.notice.saved": "De instellingen zijn opgeslagen.",
  "cycles.notice.unchanged": "Er was niets gewijzigd.",
  "cycles.notice.start_nominating":
    "Het voordragen is gestart. De deelnemers krijgen een mail met het verzoek beoordelaars voor te dragen.",
  "cycles.notice.start_collecting":
    "Het verzamelen is gestart. De uitnodigingen gaan nu per mail naar de beoordelaars.",
  "cycles.notice.close": "De ronde is gesloten. Er kan niet meer geantwoord worden.",
  "cycles.notice.release":
    "De rapporten zijn vrijgegeven. Ze worden nu berekend; de deelnemers krijgen een mail zodra hun rapport klaarstaat.",

  // The next step
  "cycles.step.start_nominating.title": "Volgende stap: beoordelaars laten voordragen",
  "cycles.step.start_nominating.explanation":
    "Elke deelnemer ({participants} in totaal) krijgt een mail met het verzoek collega’s en klanten voor te dragen. Het competentieprofiel ligt daarna vast voor deze ronde.",
  "cycles.step.start_nominating.button": "Start het voordragen",
  "cycles.step.start_collecting.title": "Volgende stap: feedback verzamelen",
  "cycles.step.start_collecting.explanation":
    "Elke beoordelaar krijgt een mail met een persoonlijke link, ook voor de zelfbeoordeling en de leidinggevende. Daarna kunnen er geen deelnemers meer bij.",
  "cycles.step.start_collecting.button": "Start het verzamelen",
  "cycles.step.close.title": "Volgende stap: de ronde sluiten",
  "cycles.step.close.explanation":
    "Daarna kan niemand meer antwoorden. De ronde sluit vanzelf na de uiterste datum ({deadline}).",
  "cycles.step.close.button": "Sluit de ronde",
  "cycles.step.release.title": "Volgende stap: de rapporten vrijgeven",
  "cycles.step.release.explanation":
    "De rapporten worden berekend en vastgelegd, en elke deelnemer krijgt een mail dat het rapport klaarstaat.",
  "cycles.step.release.button": "Geef de rapporten vrij",
  "cycles.step.none.title": "Deze ronde is afgerond",
  "cycles.step.none.explanation":
    "Een vrijgegeven ronde gaat nooit meer open: een rapport verandert niet meer.",
  "cycles.step.notYet": "Dit kan nog niet:",
  "cycles.step.busy": "Bezig…",
  "cycles.step.error.unknown": "Deze stap bestaat niet.",
  "cycles.step.refused.wrong_status":
    "De ronde staat intussen in een andere stap. Bekijk de pagina opnieuw.",
  "cycles.step.refused.no_participants": "Voeg eerst deelnemers toe.",
  "audit.action.cycle_participant_profile_changed": "Profiel van een deelnemer gewijzigd",
  "cycles.participants.list.profile": "Profiel",
  "cycles.participants.list.profileOf": "Profiel van {name}",
  "cycles.participants.list.setProfile": "Wijzig",
  "cycles.participants.notice.profileChanged": "Het profiel van de deelnemer is gewijzigd.",
  "cycles.participants.error.profileLocked":
    "De ronde is al gestart: het profiel van elke deelnemer ligt vast.",
  "cycles.participants.error.unknownProfile":
    "Dat profiel staat niet (meer) in de bibliotheek van uw organisatie. Kies een ander.",
  "cycles.step.refused.profile_missing":
    "Het competentieprofiel van deze ronde, of dat van een deelnemer, is buiten gebruik gesteld of bestaat niet meer. Kies een ander profiel bij de instellingen of de deelnemer, of neem het weer in gebruik.",
  "cycles.step.refused.nomination_deadline_missing":
    "Vul bij de instellingen de uiterste datum voor het voordragen in.",
  "cycles.step.refused.answer_deadline_missing":
    "Vul bij de instellingen de uiterste datum voor het antwoorden in.",
  "cycles.step.refused.nomination_deadline_past":
    "De uiterste datum voor het voordragen is voorbij. Kies bij de instellingen een latere datum.",
  "cycles.step.refused.own_nominations_unapproved":
    "U doet zelf mee en uw voordrachten zijn nog niet goedgekeurd. Bij de start van het verzamelen worden wachtende voordrachten goedgekeurd, en niemand keurt de eigen beoordelaars goed: laat uw leidinggevende (of een andere HR-beheerder) eerst uw voordrachten goedkeuren.",
  "cycles.step.refused.answer_deadline_past":
    "De uiterste datum voor het antwoorden is voorbij. Kies bij de instellingen een latere datum.",
  "cycles.step.confirm.approve_open_nominations.text":
    "Deelnemers van wie de voordrachten nog niet goedgekeurd zijn: {count}. Als u nu start, worden hun voorgestelde beoordelaars goedgekeurd zoals ze zijn.",
  "cycles.step.confirm.approve_open_nominations.label":
    "Ja, keur de openstaande voordrachten goed en start het verzamelen",
  "cycles.step.confirm.approve_open_nominations.missing":
    "Bevestig dat de openstaande voordrachten goedgekeurd worden.",
  "cycles.step.confirm.close_before_deadline.text":
    "De uiterste datum ({deadline}) is nog niet voorbij. Wie nog niet antwoordde, kan dat na het sluiten niet meer.",
  "cycles.step.confirm.close_before_deadline.label": "Ja, sluit de ronde nu al",
  "cycles.step.confirm.close_before_deadline.missing":
    "Bevestig dat u de ronde voor de uiterste datum sluit.",
  "cycles.step.confirm.release_final.text":
    "Vrijgeven kan niet ongedaan worden gemaakt: daarna gaat de ronde nooit meer open en verandert geen rapport meer.",
  "cycles.step.confirm.release_final.label": "Ik begrijp dat vrijgeven definitief is",
  "cycles.step.confirm.release_final.missing": "Bevestig dat vrijgeven definitief is.",

  // Progress
  "cycles.progress.title": "Voortgang per deelnemer",
  "cycles.progress.privacy":
    "Per groep: beantwoord van uitgenodigd. Alleen aantallen; wie er antwoordde, ziet niemand.",
  "cycles.progress.participant": "Deelnemer",
  "cycles.progress.team": "Team",
  "cycles.progress.outlook": "Vooruitzicht",
  "cycles.progress.cell": "{answered} van {invited}",
  "cycles.progress.declined": "{count} afgezegd",
  "cycles.progress.revoked": "{count} ingetrokken",
  "cycles.progress.withheldCell": "{invited} uitgenodigd",
  "cycles.progress.withheld": "antwoord na sluiten",
  "cycles.progress.withheldNote":
    "Een groep met één beoordelaar (vaak de leidinggevende of één klant), ook een groep die dat een tijd was, laat tijdens het verzamelen niet zien of die persoon heeft geantwoord of afgezegd: elke verandering van het aantal zou vertellen wat die ene persoon deed, en wanneer. Daarom tellen zulke groepen ook niet mee in de totalen en het vooruitzicht (hun uitnodigingen gelden daar als nog mogelijk). Na het sluiten van de ronde ziet u alle aantallen.",
  "cycles.outlook.enough": "Genoeg antwoorden",
  "cycles.outlook.waiting": "Nog niet genoeg",
  "cycles.outlook.at_risk": "Haalt de drempel niet",

  // CSV
  "cycles.csv.filePrefix": "voortgang",
  "cycles.csv.column": "{group}: {count}",
  "cycles.csv.count.invited": "uitgenodigd",
  "cycles.csv.count.answered": "beantwoord",
  "cycles.csv.count.declined": "afgezegd",
  "cycles.csv.count.revoked": "ingetrokken",

  // Participants
  "cycles.participants.title": "Deelnemers van {name}",
  "cycles.participants.heading": "Deelnemers",
  "cycles.participants.intro.draft":
    "Voeg hele teams of losse medewerkers toe. Niet-actieve medewerkers en wie al meedoet, worden overgeslagen. De leidinggevende van elke deelnemer is de leider van diens team; voor een teamleider de leider van het team erboven.",
  "cycles.participants.intro.nominating":
    "Wie u nu toevoegt, krijgt meteen het verzoek beoordelaars voor te dragen. Niet-actieve medewerkers en wie al meedoet, worden overgeslagen.",
  "cycles.participants.locked":
    "De uitnodigingen zijn verstuurd: deelnemers kunnen niet meer bij of af.",
  "cycles.participants.teams.title": "Teams toevoegen",
  "cycles.participants.teams.legend": "Teams",
  "cycles.participants.teams.empty": "Er zijn nog geen teams.",
  "cycles.participants.teams.option": "(actieve medewerkers: {count})",
  "cycles.participants.teams.optionUnder": "(onder {parent}; actieve medewerkers: {count})",
  "cycles.participants.teams.includeSubTeams": "Ook de teams die eronder vallen",
  "cycles.participants.teams.hint":
    "Een afdeling met teams eronder: vink de afdeling aan en kies ‘Ook de teams die eronder vallen’.",
  "cycles.participants.teams.submit": "Teams toevoegen",
  "cycles.participants.person.title": "Eén medewerker toevoegen",
  "cycles.participants.person.search": "Zoek op naam, e-mailadres of personeelsnummer",
  "cycles.participants.person.submitSearch": "Zoeken",
  "cycles.participants.person.none": "Geen actieve medewerker gevonden voor ‘{query}’.",
  "cycles.participants.person.results": "Gevonden voor ‘{query}’",
  "cycles.participants.person.more":
    "Alleen de eerste {count} staan hier; zoek preciezer om iemand anders te vinden.",
  "cycles.participants.person.alreadyIn": "Doet al mee",
  "cycles.participants.person.add": "Toevoegen",
  "cycles.participants.list.title": "Deelnemers ({count})",
  "cycles.participants.list.caption": "Deelnemers",
  "cycles.participants.list.empty": "Er zijn nog geen deelnemers.",
  "cycles.participants.list.removeHint":
    "Wie u verwijdert, verliest ook de beoordelaars die al voorgedragen zijn.",
  "cycles.participants.list.name": "Naam",
  "cycles.participants.list.team": "Team",
  "cycles.participants.list.manager": "Leidinggevende",
  "cycles.participants.list.nominations": "Voordrachten",
  "cycles.participants.list.actions": "Acties",
  "cycles.participants.list.remove": "Verwijderen",
  "cycles.participants.list.noManager": "geen",
  "cycles.participants.nominations.open": "nog niet voorgedragen",
  "cycles.participants.nominations.submitted": "wacht op goedkeuring",
  "cycles.participants.nominations.approved": "goedgekeurd",
  "cycles.participants.notice.added": "Toegevoegde deelnemers: {count}.",
  "cycles.participants.notice.alreadyIn": "Deden al mee: {count}.",
  "cycles.participants.notice.inactive": "Niet actief, dus overgeslagen: {count}.",
  "cycles.participants.notice.removed": "De deelnemer is verwijderd.",
  "cycles.participants.error.noTeam": "Kies minstens één team.",
  "cycles.participants.error.unknown": "Dit team of deze medewerker bestaat niet (meer).",
  "cycles.participants.error.gone": "Deze deelnemer doet al niet meer mee.",
  "cycles.participants.error.closed":
    "Deelnemers kunnen niet meer veranderen: de ronde verzamelt al feedback of is gesloten.",
} as const;
