// Dutch messages of one feature; merged into messages.nl.ts. Dutch is the source language.
export const invitationsNl = {
  // Mails to raters: the invitation at the start of collecting (or for a late rater) and reminders.
  "invitations.email.invitation.subject": "Uw feedback gevraagd: {cycle}",
  "invitations.email.invitation.intro": {
    one: "{organisation} vraagt uw feedback in de feedbackronde “{cycle}”. Hieronder staat uw persoonlijke link.",
    other:
      "{organisation} vraagt uw feedback in de feedbackronde “{cycle}”, voor {count} vragenlijsten. Elke vragenlijst heeft hieronder een eigen persoonlijke link.",
  },
  "invitations.email.reminder.subject": "Herinnering: uw feedback voor {cycle}",
  "invitations.email.reminder.intro": {
    one: "U heeft nog een vragenlijst openstaan in de feedbackronde “{cycle}” van {organisation}. Hieronder staat uw persoonlijke link.",
    other:
      "U heeft nog {count} vragenlijsten openstaan in de feedbackronde “{cycle}” van {organisation}. Elke vragenlijst heeft hieronder een eigen persoonlijke link.",
  },
  "invitations.email.link.self": "Uw zelfbeoordeling",
  "invitations.email.link.manager": "{name}, als leidinggevende",
  "invitations.email.link.colleague": "{name}, als collega",
  "invitations.email.link.customer": "{name}, als klant",
  "invitations.email.link.report": "{name}, als medewerker",
  "invitations.email.deadline": {
    one: "Vul de vragenlijst uiterlijk {deadline} in.",
    other: "Vul de vragenlijsten uiterlijk {deadline} in.",
  },
  "invitations.email.time":
    "Een vragenlijst invullen duurt ongeveer {minutes} minuten. Tussentijds opslaan kan.",
  "invitations.email.anonymity":
    "Uw antwoorden blijven anoniem: scores worden alleen getoond per groep van minstens {k} beoordelaars, en niemand ziet wie wat heeft geantwoord.",
  "invitations.email.anonymity.selfOnly":
    "Uw zelfbeoordeling komt in uw eigen rapport, naast de feedback van anderen.",
  "invitations.email.managerRecognisable":
    "Als leidinggevende bent u in deze ronde herkenbaar: uw beoordeling wordt apart getoond.",
  "invitations.email.personal":
    "Deze links zijn persoonlijk; stuur ze niet door. Wilt u liever geen feedback geven? Dat kunt u via de link aangeven.",

  // Mail to a participant after release.
  "invitations.email.reportReady.subject": "Uw feedbackrapport is klaar ({cycle})",
  "invitations.email.reportReady.intro":
    "Uw rapport van de feedbackronde “{cycle}” is klaar. U leest het na inloggen bij Rondom.",
  "invitations.email.reportReady.button": "Bekijk uw rapport",
  "invitations.email.reportReady.private":
    "Niemand anders ziet uw rapport, tenzij u het zelf deelt met uw leidinggevende.",
  "invitations.email.reportReady.privateNoSharing": "Niemand anders ziet uw rapport.",

  // HR: one participant's invitations (/beheer/rondes/$cycleId/deelnemers/$participantId).
  "invitations.participant.title": "Uitnodigingen van {name}",
  "invitations.participant.heading": "Uitnodigingen van {name}",
  "invitations.participant.backToCycle": "Terug naar {cycle}",
  "invitations.participant.privacy":
    "U ziet wie is uitgenodigd en per groep hoeveel mensen hebben geantwoord, nooit wie. Daarom staat bij een uitnodiging niet of die al is beantwoord.",
  "invitations.participant.ownParticipation":
    "U neemt zelf deel aan deze ronde. Uw eigen beoordelaars toevoegen of intrekken doet een andere HR-beheerder.",
  "invitations.participant.notCollecting":
    "Deze ronde verzamelt nu geen antwoorden; uitnodigingen intrekken of toevoegen kan alleen tijdens het verzamelen.",
  "invitations.participant.counts.title": "Voortgang per groep",
  "invitations.participant.counts.group": "Groep",
  "invitations.participant.counts.invited": "Uitgenodigd",
  "invitations.participant.counts.answered": "Geantwoord",
  "invitations.participant.counts.declined": "Afgezegd",
  "invitations.participant.counts.revoked": "Ingetrokken",
  "invitations.participant.counts.empty": "Er zijn nog geen uitnodigingen verstuurd.",
  "invitations.participant.counts.withheld": "zichtbaar na sluiten",
  "invitations.participant.counts.withheldNote":
    "Een groep met één beoordelaar (vaak de leidinggevende of één klant), ook een groep die dat een tijd was, laat tijdens het verzamelen niet zien of die persoon heeft geantwoord of afgezegd: het aantal zou precies vertellen wat die ene persoon deed, en wanneer. Na het sluiten van de ronde ziet u alle aantallen.",
  "invitations.participant.list.title": "Uitgenodigde beoordelaars",
  "invitations.participant.list.rater": "Beoordelaar",
  "invitations.participant.list.group": "Groep",
  "invitations.participant.list.sentAt": "Verstuurd",
  "invitations.participant.list.action": "Actie",
  "invitations.participant.list.empty": "Er is (nog) niemand uitgenodigd.",
  "invitations.participant.list.notSent": "nog niet",
  "invitations.participant.revoke": "Intrekken",
  "invitations.participant.revokeLabel": "Uitnodiging van {name} intrekken",
  "invitations.participant.revoked.title": "Ingetrokken uitnodigingen",
  "invitations.participant.revoked.at": "Ingetrokken",
  "invitations.participant.notice.revoked":
    "De uitnodiging is ingetrokken: de link werkt niet meer en er gaan geen herinneringen meer heen.",
  "invitations.participant.notice.added":
    "De beoordelaar is toegevoegd en krijgt de uitnodiging nu per e-mail.",
  "invitations.participant.add.title": "Beoordelaar toevoegen",
  "invitations.participant.add.intro":
    "Een beoordelaar die u hier toevoegt, krijgt meteen een uitnodiging per e-mail met een persoonlijke link.",
  "invitations.participant.add.person.title": "Een collega uit de organisatie",
  "invitations.participant.add.search.label": "Zoek op naam",
  "invitations.participant.add.person.legend": "Kies een collega",
  "invitations.participant.add.person.alreadyInvited": "al uitgenodigd",
  "invitations.participant.add.person.isParticipant": "de deelnemer zelf",
  "invitations.participant.add.external.title": "Iemand buiten de organisatie",
  "invitations.participant.add.external.name": "Naam",
  "invitations.participant.add.external.email": "E-mailadres",
  "invitations.participant.add.group.legend": "Geeft feedback als",
  "invitations.participant.add.submit": "Toevoegen en uitnodigen",
  "invitations.participant.error.personRequired": "Kies een collega uit de zoekresultaten.",
  "invitations.participant.error.groupRequired": "Kies als wat deze persoon feedback geeft.",
  "invitations.participant.error.nameRequired": "Vul de naam in.",
  "invitations.participant.error.nameTooLong": "De naam mag hoogstens 100 tekens lang zijn.",
  "invitations.participant.error.nameNotText":
    "De naam bevat onzichtbare tekens of stuurtekens (zoals een teken dat de leesrichting omdraait). Typ de naam opnieuw.",
  "invitations.participant.error.emailRequired": "Vul het e-mailadres in.",
  "invitations.participant.error.emailInvalid":
    "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.",
  "invitations.participant.error.self":
    "{name} is de deelnemer zelf en vult de zelfbeoordeling al in.",
  "invitations.participant.error.duplicate":
    "Deze persoon of dit e-mailadres is in deze ronde al uitgenodigd voor {name}. Iedere beoordelaar heeft één stem: dat geldt ook als die uitnodiging is ingetrokken, afgezegd of beantwoord, want een tweede uitnodiging zou dezelfde persoon twee keer laten meetellen. Een ander adres van dezelfde persoon telt als dezelfde beoordelaar: een variant met „+…” vóór de @ (naam+iets@…) komt in dezelfde mailbox aan, en het nieuwe adres van iemand die al is uitgenodigd, hoort bij diezelfde persoon.",
  "invitations.participant.error.groupClosed": "Deze ronde heeft die groep niet.",
  "invitations.participant.error.unknownPerson":
    "Deze collega staat niet (meer) in de organisatie. Zoek opnieuw.",
  "invitations.participant.error.notCollecting":
    "Dit kan alleen zolang de ronde antwoorden verzamelt.",

  // HR: reminders on demand (/beheer/rondes/$cycleId/herinneren).
  "invitations.remind.title": "Herinnering sturen",
  "invitations.remind.heading": "Herinnering sturen voor {cycle}",
  "invitations.remind.who":
    "Iedereen die nog niet heeft geantwoord of afgezegd, krijgt een herinnering per e-mail met de eigen persoonlijke links: één e-mail per persoon, ook als die voor meer deelnemers is uitgenodigd.",
  "invitations.remind.notWho":
    "Wie heeft geantwoord of afgezegd, of wiens uitnodiging is ingetrokken, krijgt niets. Wie in de afgelopen 24 uur al een herinnering kreeg, slaan we over.",
  "invitations.remind.schedule":
    "Daarnaast gaan er automatisch herinneringen uit volgens het schema van de ronde.",
  "invitations.remind.submit": "Herinneringen versturen",
  "invitations.remind.cancel": "Terug naar de ronde",
  "invitations.remind.pastDeadline":
    "De deadline van deze ronde ({deadline}) is verstreken: de vragenlijsten zijn gesloten, dus herinneringen hebben geen zin meer.",
  "invitations.remind.error.pastDeadline":
    "De deadline is verstreken; er zijn geen herinneringen verstuurd.",
  "invitations.remind.notice.sent":
    "De herinneringen zijn verstuurd aan iedereen die nog niet heeft geantwoord of afgezegd.",
} as const;
