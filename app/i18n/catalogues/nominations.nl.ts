// Dutch messages of one feature; merged into messages.nl.ts. Dutch is the source language.
export const nominationsNl = {
  // Shared by the participant's and the lead's pages
  "nominations.group.colleague": "Collega’s",
  "nominations.group.customer": "Klanten",
  "nominations.group.report": "Medewerkers",
  "nominations.status.open": "nog niet ingediend",
  "nominations.status.submitted": "ingediend, wacht op goedkeuring",
  "nominations.status.approved": "goedgekeurd",
  "nominations.page.status": "Stand van de voordracht: {status}",
  "nominations.page.deadline": "Voordragen kan tot en met {date}.",
  "nominations.page.submittedOn": "Ingediend op {date}.",
  "nominations.page.approvedOn": "Goedgekeurd op {date} door {name}.",
  "nominations.page.closed":
    "Deze ronde is voorbij de fase van voordragen (stand: {status}). De voordracht verandert niet meer.",
  "nominations.page.errorsTitle": "Dat lukte niet",
  "nominations.automatic.title": "Vanzelf uitgenodigd",
  "nominations.automatic.intro":
    "Deze uitnodigingen komen vanzelf; die hoeft niemand voor te dragen.",
  "nominations.automatic.self": "{name}: zelfbeoordeling",
  "nominations.automatic.manager": "{name}: leidinggevende",
  "nominations.automatic.noManager":
    "Voor deze ronde is geen leidinggevende bekend; HR keurt de voordracht goed.",
  "nominations.list.title": "Voorgedragen beoordelaars",
  "nominations.list.limits": "{count} voorgedragen · minimaal {min}, hoogstens {max}",
  "nominations.list.empty": "Nog niemand.",
  "nominations.list.addedOnApproval": "toegevoegd door leidinggevende of HR",
  "nominations.list.withdraw": "Intrekken",
  "nominations.list.withdrawName": "Intrekken: {name}",
  "nominations.list.remove": "Verwijderen",
  "nominations.list.removeName": "Verwijderen: {name}",
  "nominations.list.removedTitle": "Verwijderd door leidinggevende of HR",
  "nominations.list.removedItem": "{name} ({group})",
  "nominations.problem.tooFew": "{group}: {count} voorgedragen, minimaal {min} nodig.",
  "nominations.problem.tooMany": "{group}: {count} voorgedragen, hoogstens {max} toegestaan.",
  "nominations.search.title": "Collega zoeken",
  "nominations.search.label": "Naam van de collega",
  "nominations.search.hint":
    "Minstens 2 tekens. De deelnemer, de leidinggevende en wie al is voorgedragen staan niet in de resultaten.",
  "nominations.search.submit": "Zoeken",
  "nominations.search.tooShort": "Typ minstens 2 tekens.",
  "nominations.search.none": "Niemand gevonden met ‘{query}’.",
  "nominations.search.more": "Er zijn meer dan {max} resultaten; maak de zoekopdracht preciezer.",
  "nominations.search.caption": "Zoekresultaten voor ‘{query}’",
  "nominations.search.noTeam": "geen team",
  "nominations.search.proposeColleague": "Voordragen",
  "nominations.search.proposeColleagueName": "Voordragen: {name} als collega",
  "nominations.search.proposeCustomer": "Als klant",
  "nominations.search.proposeCustomerName": "Als klant: {name} voordragen",
  "nominations.search.addColleague": "Toevoegen",
  "nominations.search.addColleagueName": "Toevoegen: {name} als collega",
  "nominations.search.addCustomer": "Als klant",
  "nominations.search.addCustomerName": "Als klant: {name} toevoegen",
  "nominations.reports.title": "Medewerkers voordragen",
  "nominations.reports.intro":
    "In deze ronde geven ook de mensen aan wie de deelnemer direct leidinggeeft feedback.",
  "nominations.reports.none": "Alle medewerkers zijn al voorgedragen.",
  "nominations.reports.propose": "Voordragen",
  "nominations.reports.proposeName": "Voordragen: {name} als medewerker",
  "nominations.reports.add": "Toevoegen",
  "nominations.reports.addName": "Toevoegen: {name} als medewerker",
  "nominations.customer.title": "Klant voordragen",
  "nominations.customer.intro":
    "Een klant werkt binnen of buiten de gemeente; een e-mailadres van buiten is goed. Staat de klant in het personeelsbestand, zoek dan hierboven en kies ‘Als klant’.",
  "nominations.customer.name": "Naam",
  "nominations.customer.email": "E-mailadres",
  "nominations.customer.submit": "Klant voordragen",
  "nominations.refusal.self":
    "De deelnemer zelf krijgt vanzelf een uitnodiging voor de zelfbeoordeling.",
  "nominations.refusal.manager":
    "De leidinggevende krijgt vanzelf een uitnodiging en hoeft niet voorgedragen te worden.",
  "nominations.refusal.already_nominated":
    "Deze persoon of dit e-mailadres is al voorgedragen. Ook een ander adres van dezelfde persoon telt: een variant met „+…” vóór de @ (naam+iets@…) of het nieuwe adres van iemand die al is voorgedragen.",
  "nominations.refusal.removed_by_lead":
    "De leidinggevende heeft deze beoordelaar verwijderd; alleen de leidinggevende of HR kan hem terugzetten.",
  "nominations.refusal.group_closed": "Deze groep hoort niet bij de voordracht in deze ronde.",
  "nominations.refusal.not_direct_report":
    "In de groep medewerkers horen alleen mensen aan wie de deelnemer direct leidinggeeft.",
  "nominations.refusal.direct_report_as_colleague":
    "Iemand aan wie de deelnemer leidinggeeft, hoort in de groep medewerkers, niet bij de collega’s.",
  "nominations.refusal.group_full": "Deze groep zit vol: het maximum is bereikt.",
  "nominations.refusal.unknown_person": "Deze persoon staat niet (meer) in het personeelsbestand.",
  "nominations.refusal.closed": "De voordrachten van deze ronde zijn gesloten.",
  "nominations.refusal.submitted":
    "De voordracht is al ingediend; alleen de leidinggevende of HR kan nog iets veranderen.",
  "nominations.refusal.not_submitted": "De deelnemer heeft de voordracht nog niet ingediend.",
  "nominations.refusal.approved": "De voordracht is al goedgekeurd.",
  "nominations.refusal.decided_by_lead":
    "Deze beoordelaar is toegevoegd door de leidinggevende of HR; alleen zij kunnen hem verwijderen.",
  "nominations.refusal.limits": "De voordracht past nog niet binnen de grenzen per groep:",
  "nominations.form.nameRequired": "Vul de naam van de klant in.",
  "nominations.form.nameTooLong": "Gebruik voor de naam hoogstens 120 tekens.",
  "nominations.form.nameNotText":
    "De naam bevat onzichtbare tekens of stuurtekens (zoals een teken dat de leesrichting omdraait). Typ de naam opnieuw.",
  "nominations.form.emailRequired": "Vul het e-mailadres van de klant in.",
  "nominations.form.emailInvalid": "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.",
  "nominations.form.choiceMissing": "Kies eerst iemand uit de lijst.",
  "nominations.notice.proposed": "De beoordelaar is voorgedragen.",
  "nominations.notice.withdrawn": "De voordracht van deze beoordelaar is ingetrokken.",
  "nominations.notice.submitted":
    "De voordracht is ingediend. De leidinggevende krijgt een e-mail om hem goed te keuren.",
  "nominations.notice.added": "De beoordelaar is toegevoegd.",
  "nominations.notice.removed": "De beoordelaar is verwijderd.",
  "nominations.notice.approved": "De voordracht is goedgekeurd; de deelnemer krijgt een e-mail.",
  "nominations.notice.approvedAll": "Goedgekeurde voordrachten: {count}.",

  // The participant's page
  "nominations.propose.title": "Beoordelaars voordragen",
  "nominations.propose.heading": "Beoordelaars voordragen",
  "nominations.propose.headingFor": "Beoordelaars voordragen voor {name}",
  "nominations.propose.onBehalf":
    "U handelt als HR-beheerder namens {name}. Wat u hier verandert, komt in het logboek.",
  "nominations.propose.intro":
    "Kies wie feedback geeft in {cycle}: collega’s uit het personeelsbestand en klanten. De leidinggevende keurt de voordracht goed.",
  "nominations.propose.submittedNote":
    "De voordracht is ingediend. Alleen de leidinggevende of HR kan nu nog iets veranderen.",
  "nominations.propose.toReview": "Naar de goedkeuring van deze voordracht",
  "nominations.submit.title": "Indienen bij de leidinggevende",
  "nominations.submit.intro":
    "Klaar? Dien de voordracht dan in. Daarna verandert alleen {manager} of HR nog iets; {manager} krijgt een e-mail om goed te keuren.",
  "nominations.submit.introNoManager":
    "Klaar? Dien de voordracht dan in. Daarna verandert alleen HR nog iets.",
  "nominations.submit.notReady": "Nog niet klaar om in te dienen:",
  "nominations.submit.button": "Indienen bij leidinggevende",

  // The lead's page for one participant
  "nominations.review.title": "Voordracht goedkeuren",
  "nominations.review.heading": "Voordracht van {name}",
  "nominations.review.back": "Alle voordrachten",
  "nominations.review.cycle": "Ronde: {cycle}",
  "nominations.review.notSubmitted":
    "{name} heeft de voordracht nog niet ingediend. U kunt wijzigen en goedkeuren zodra dat is gebeurd.",
  "nominations.review.notSubmittedHr":
    "{name} heeft de voordracht nog niet ingediend. Als HR-beheerder kunt u toch al wijzigen en goedkeuren.",
  "nominations.review.actForParticipant": "Namens {name} voordragen en indienen",
  "nominations.review.warningTitle": "Minder dan het minimum",
  "nominations.review.warningBody":
    "U kunt toch goedkeuren, bijvoorbeeld als er niet meer geschikte beoordelaars zijn. Het rapport toont een groep alleen met genoeg antwoorden.",
  "nominations.review.addTitle": "Beoordelaar toevoegen",
  "nominations.review.addCustomerTitle": "Klant toevoegen",
  "nominations.review.addCustomerSubmit": "Klant toevoegen",
  "nominations.review.approveTitle": "Goedkeuren",
  "nominations.review.approveIntro":
    "Na goedkeuren krijgt {name} een e-mail. Ook wijzigingen daarna meldt Rondom aan {name}, tot de ronde start.",
  "nominations.review.approveButton": "Voordracht goedkeuren",
  "nominations.review.approvedNote":
    "Goedgekeurd. Verandert u nog iets, dan krijgt {name} daarvan een e-mail.",

  // The lead's queue
  "nominations.queue.title": "Voordrachten goedkeuren",
  "nominations.queue.heading": "Voordrachten goedkeuren",
  "nominations.queue.intro":
    "Voordrachten van de mensen aan wie u leidinggeeft, in rondes waarin nu beoordelaars worden voorgedragen.",
  "nominations.queue.introHr":
    "Als HR-beheerder ziet u de voordrachten van iedereen in de organisatie, en kunt u voor iedereen optreden.",
  "nominations.queue.waitingTitle": "Wachten op goedkeuring",
  "nominations.queue.waitingEmpty": "Er wachten geen voordrachten op goedkeuring.",
  "nominations.queue.openTitle": "Nog niet ingediend",
  "nominations.queue.approvedTitle": "Al goedgekeurd",
  "nominations.queue.participant": "Deelnemer",
  "nominations.queue.cycle": "Ronde",
  "nominations.queue.submitted": "Ingediend",
  "nominations.queue.nominated": "Voorgedragen",
  "nominations.queue.remarks": "Opmerking",
  "nominations.queue.withinLimits": "binnen de grenzen",
  "nominations.queue.tooFew": "minder dan het minimum: {groups}",
  "nominations.queue.view": "Bekijken",
  "nominations.queue.viewName": "Bekijken: voordracht van {name}",
  "nominations.queue.approveAll": "Alles goedkeuren",
  "nominations.queue.approveAllHint":
    "Keurt alle {count} ingediende voordrachten hierboven goed, ook die met minder dan het minimum. Iedere deelnemer krijgt een e-mail.",

  // Mijn Rondom
  "nominations.mine.todoTitle": "Te doen",
  "nominations.mine.nominate": "Beoordelaars voordragen voor {cycle}",
  "nominations.mine.deadline": "uiterlijk {date}",
  "nominations.mine.start": "Beoordelaars voordragen",
  "nominations.mine.view": "Bekijk uw voordracht",
  "nominations.mine.approvals": {
    one: "{count} voordracht goedkeuren",
    other: "{count} voordrachten goedkeuren",
  },
  "nominations.mine.approvalsLink": "Naar goedkeuren",
  "nominations.mine.countsCaption": "Reacties per groep in {cycle}",
  "nominations.mine.countsGroup": "Groep",
  "nominations.mine.countsInvited": "Uitgenodigd",
  "nominations.mine.countsAnswered": "Ingevuld",
  "nominations.mine.countsDeclined": "Afgezegd",
  "nominations.mine.countsNote": "Alleen aantallen: niemand ziet wie wat heeft geantwoord.",
  "nominations.invited.title": "Wie om feedback over u is gevraagd",
  "nominations.invited.summary": "Wie om feedback over u is gevraagd ({count})",
  "nominations.invited.intro":
    "Iedereen die is uitgenodigd om u te beoordelen, ook wie uw leidinggevende of HR heeft toegevoegd. Wie heeft geantwoord of afgezegd, ziet u nooit.",
  "nominations.invited.empty": "Er is (nog) niemand uitgenodigd.",
  "nominations.invited.item": "{name}, als {group}",
  "nominations.invited.addedLater": "later toegevoegd door HR",
  "nominations.invited.withdrawn": "uitnodiging ingetrokken door HR",
  "nominations.mine.countsWithheld": "zichtbaar na sluiten",
  "nominations.mine.countsWithheldNote":
    "Een groep met één beoordelaar, zoals uw leidinggevende, laat pas na het sluiten van de ronde zien of die persoon heeft ingevuld of afgezegd: anders zou u precies zien wat die ene persoon deed, en wanneer.",

  // Mails
  "nominations.email.request.subject": "Draag uw beoordelaars voor: {cycle}",
  "nominations.email.request.intro":
    "Voor de feedbackronde {cycle} van {organisation} draagt u collega’s en klanten voor die feedback over u geven. Uw leidinggevende keurt de voordracht daarna goed.",
  "nominations.email.request.deadline": "Doe dit uiterlijk {date}.",
  "nominations.email.request.button": "Beoordelaars voordragen",
  "nominations.email.request.automatic":
    "U en uw leidinggevende krijgen vanzelf een uitnodiging; die hoeft u niet voor te dragen.",
  "nominations.email.review.subject": "Voordracht van {participant} goedkeuren",
  "nominations.email.review.intro":
    "{participant} heeft beoordelaars voorgedragen voor de feedbackronde {cycle}. Wilt u de voordracht bekijken en goedkeuren?",
  "nominations.email.review.deadline": "Graag uiterlijk {date}.",
  "nominations.email.review.button": "Voordracht bekijken",
  "nominations.email.review.changes":
    "U kunt beoordelaars verwijderen of toevoegen voordat u goedkeurt.",
  "nominations.email.decision.approvedSubject": "Uw voordracht is goedgekeurd: {cycle}",
  "nominations.email.decision.changedSubject": "Uw beoordelaars zijn gewijzigd: {cycle}",
  "nominations.email.decision.approvedIntro":
    "{actor} heeft uw voordracht voor de feedbackronde {cycle} goedgekeurd.",
  "nominations.email.decision.changedIntro":
    "{actor} heeft uw beoordelaars voor de feedbackronde {cycle} gewijzigd.",
  "nominations.email.decision.removed": "Verwijderd: {names}.",
  "nominations.email.decision.added": "Toegevoegd: {names}.",
  "nominations.email.decision.next":
    "Zodra de ronde start, krijgen uw beoordelaars een uitnodiging per e-mail.",
  "nominations.email.decision.button": "Bekijk uw voordracht",
} as const;
