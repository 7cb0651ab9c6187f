// Dutch messages of one feature; merged into messages.nl.ts. Dutch is the source language.
export const peopleNl = {
  // Values and fields
  "people.field.name": "Naam",
  "people.field.employeeNumber": "Personeelsnummer",
  "people.field.firstName": "Voornaam",
  "people.field.lastName": "Achternaam",
  "people.field.email": "E-mailadres",
  "people.field.team": "Team",
  "people.field.noTeam": "Geen team",
  "people.field.profile": "Functieprofiel",
  "people.field.profileHint":
    "Het competentieprofiel van de functie: in een feedbackronde wordt de medewerker daarop beoordeeld.",
  "people.field.noProfile": "Geen (het profiel van de ronde)",
  "people.field.locale": "Taal",
  "people.field.role": "Rol",
  "people.field.roleHint":
    "Een HR-beheerder beheert mensen, teams en rondes, en ziet nooit antwoorden. Leidinggevende wordt iemand door een team te leiden.",
  "people.field.status": "Status",
  "people.role.employee": "Medewerker",
  "people.role.hr_admin": "HR-beheerder",
  "people.locale.nl": "Nederlands",
  "people.locale.en": "Engels",
  "people.status.active": "Actief",
  "people.status.inactive": "Gedeactiveerd",

  // Validation, shared by the forms and the import
  "people.issue.employeeNumberRequired": "Vul het personeelsnummer in.",
  "people.issue.employeeNumberInvalid":
    "Een personeelsnummer heeft hoogstens 40 tekens, geen @ en geen onzichtbare tekens of stuurtekens.",
  "people.issue.employeeNumberTaken": "Iemand anders heeft dit personeelsnummer al.",
  "people.issue.firstNameRequired": "Vul de voornaam in.",
  "people.issue.firstNameTooLong": "De voornaam is te lang (hoogstens 100 tekens).",
  "people.issue.firstNameNotText":
    "De voornaam bevat onzichtbare tekens of stuurtekens (zoals een teken dat de leesrichting omdraait). Typ de naam opnieuw.",
  "people.issue.lastNameRequired": "Vul de achternaam in.",
  "people.issue.lastNameTooLong": "De achternaam is te lang (hoogstens 100 tekens).",
  "people.issue.lastNameNotText":
    "De achternaam bevat onzichtbare tekens of stuurtekens (zoals een teken dat de leesrichting omdraait). Typ de naam opnieuw.",
  "people.issue.emailRequired": "Vul het e-mailadres in.",
  "people.issue.emailInvalid": "Vul een geldig e-mailadres in, zoals naam@gemeente.nl.",
  "people.issue.emailTaken": "Iemand anders heeft dit e-mailadres al.",
  "people.issue.roleInvalid": "Kies een rol.",
  "people.issue.localeInvalid": "Kies Nederlands of Engels.",
  "people.issue.teamUnknown": "Kies een team uit de lijst.",
  "people.issue.profileUnknown": "Kies een profiel uit de lijst.",
  "people.issue.ownHrRole": "U kunt uw eigen rol als HR-beheerder niet intrekken.",
  "people.issue.teamNameRequired": "Vul de naam van het team in.",
  "people.issue.teamNameTooLong": "De teamnaam is te lang (hoogstens 100 tekens).",
  "people.issue.teamNameInvalid": "Een teamnaam mag geen > bevatten.",
  "people.issue.teamNameNotText":
    "De teamnaam bevat onzichtbare tekens of stuurtekens (zoals een teken dat de leesrichting omdraait). Typ de naam opnieuw.",

  // The list of people
  "people.list.title": "Medewerkers",
  "people.list.heading": "Medewerkers",
  "people.list.add": "Medewerker toevoegen",
  "people.list.import": "Importeren uit een CSV-bestand",
  "people.list.teams": "Teams",
  "people.list.search": "Zoeken",
  "people.list.searchHint": "Op naam, e-mailadres of personeelsnummer.",
  "people.list.status": "Toon",
  "people.list.status.active": "Actieve medewerkers",
  "people.list.status.inactive": "Gedeactiveerde medewerkers",
  "people.list.status.all": "Iedereen",
  "people.list.submit": "Zoeken",
  "people.list.count": "{count} gevonden",
  "people.list.caption": "Medewerkers",
  "people.list.pages": "Pagina's",
  "people.list.previous": "Vorige pagina",
  "people.list.next": "Volgende pagina",
  "people.list.pageOf": "Pagina {page} van {pages}",
  "people.imported.summary":
    "De import is verwerkt. Nieuw: {created}. Gewijzigd: {updated} (waarvan heractiveerd: {reactivated}). Ongewijzigd: {unchanged}. Gedeactiveerd: {deactivated}. Nieuwe teams: {teamsCreated}.",

  // Adding and editing a person
  "people.new.title": "Medewerker toevoegen",
  "people.new.heading": "Medewerker toevoegen",
  "people.new.intro":
    "Dezelfde regels als bij importeren: een uniek personeelsnummer en een uniek e-mailadres.",
  "people.new.submit": "Medewerker toevoegen",
  "people.edit.title": "{name}",
  "people.edit.details": "Gegevens",
  "people.edit.submit": "Wijzigingen opslaan",
  "people.edit.leads": "leidinggevende van {teams}",
  "people.edit.account": "Account",
  "people.edit.deactivateExplanation":
    "Na deactiveren kan deze persoon niet meer inloggen en wordt hij of zij niet meer uitgenodigd. Eerdere rondes en rapporten blijven bewaard; heractiveren kan altijd.",
  "people.edit.deactivateLeads":
    "Deze persoon leidt een team. Na deactiveren heeft dat team geen leidinggevende meer; kies dan een nieuwe bij Teams.",
  "people.edit.deactivate": "Deactiveren",
  "people.edit.reactivateExplanation":
    "Deze persoon is gedeactiveerd. Na heractiveren kan hij of zij weer inloggen en meedoen aan rondes.",
  "people.edit.reactivate": "Heractiveren",
  "people.edit.ownAccount": "U kunt uw eigen account niet deactiveren.",
  "people.edit.notice.saved": "De gegevens zijn opgeslagen.",
  "people.edit.notice.deactivated": "Deze persoon is gedeactiveerd.",
  "people.edit.notice.reactivated": "Deze persoon is weer actief.",

  // Import: upload
  "people.import.title": "Medewerkers importeren",
  "people.import.heading": "Medewerkers importeren",
  "people.import.intro":
    "Laad een CSV-bestand uit uw personeelssysteem of uit Excel. U ziet eerst per regel wat er verandert; pas als u daarna op Importeren klikt, wordt alles in één keer verwerkt, of niets.",
  "people.import.upload.file": "CSV-bestand",
  "people.import.upload.fileHint":
    "Hoogstens {megabytes} MB. In Excel: Opslaan als, CSV (gescheiden door lijstscheidingsteken) of CSV UTF-8.",
  "people.import.upload.text": "Of plak de inhoud van het bestand",
  "people.import.upload.textHint":
    "Bijvoorbeeld rechtstreeks gekopieerd uit een spreadsheet; de eerste regel bevat de kolomnamen.",
  "people.import.upload.submit": "Bekijk wat er verandert",
  "people.import.upload.nothingYet": "Er wordt nog niets opgeslagen.",
  "people.import.upload.missing": "Kies een bestand of plak de inhoud ervan.",
  "people.import.upload.both": "Kies een bestand óf plak tekst, niet allebei.",
  "people.import.upload.tooLarge":
    "Het bestand is te groot: hoogstens {megabytes} MB. Splits het bestand of laat overbodige kolommen weg.",
  "people.import.upload.workbook":
    "Dit is een Excel-werkmap, geen CSV-bestand. Kies in Excel Opslaan als en dan CSV.",
  "people.import.upload.binary": "Dit bestand bevat geen tekst. Kies een CSV-bestand.",
  // Posts the upload form never sends
  "people.import.refusal.notMultipart": "Dit formulier verwacht een bestand (multipart/form-data).",
  "people.import.refusal.unknownField": "Het formulier bevat onbekende velden.",
  "people.import.refusal.unreadable": "Het formulier kon niet worden gelezen.",
  "people.import.refusal.repeatedField": "Het formulier bevat dubbele velden.",

  // Import: help
  "people.import.help.title": "Hoe ziet het bestand eruit?",
  "people.import.help.format":
    "De eerste regel bevat de kolomnamen, daarna één regel per persoon. Scheidingsteken puntkomma, komma of tab; hoofdletters, spaties en accenten in kolomnamen maken niet uit. Onbekende kolommen worden overgeslagen.",
  "people.import.help.columns": "Kolommen",
  "people.import.help.column": "Kolom",
  "people.import.help.aliases": "Ook herkend als",
  "people.import.help.meaning": "Betekenis",
  "people.import.help.required": "verplicht",
  "people.import.help.employeeNumber":
    "Het vaste nummer van de persoon. Hiermee herkent Rondom iemand bij een volgende import.",
  "people.import.help.name":
    "De volledige naam: het eerste woord is de voornaam. Ook 'Achternaam, Voornaam' kan. Of gebruik de kolommen voornaam en achternaam.",
  "people.import.help.firstName": "Samen met achternaam, in plaats van naam.",
  "people.import.help.lastName": "Samen met voornaam, in plaats van naam, met tussenvoegsel.",
  "people.import.help.email": "Het werkadres; hiermee logt de persoon in.",
  "people.import.help.team":
    "Het team. Een team onder een afdeling schrijft u als 'Afdeling > Team' (hoogstens 10 niveaus diep); ontbrekende teams worden aangemaakt. Leeg: geen team.",
  "people.import.help.lead":
    "Personeelsnummer of e-mailadres van de eigen leidinggevende van de persoon op deze regel, zoals een personeelssysteem het exporteert (of leeg). Wie de anderen in een team als leidinggevende noemen, wordt de leidinggevende van dat team; die noemt zelf de leidinggevende van het team erboven. Ook goed: op elke regel van een team de leidinggevende van dat team, ook op de regel van die leidinggevende zelf.",
  "people.import.help.role": "Medewerker (of leeg) of HR-beheerder.",
  "people.import.help.language": "Nederlands of Engels (nl, en). Leeg: de taal van de organisatie.",
  "people.import.help.profile":
    "De naam of sleutel van een profiel uit de profielbibliotheek; hoofdletters, accenten en 'Competentieprofiel' ervoor maken niet uit ('projectleider' is 'Competentieprofiel Projectleider'). Leeg: een bestaande persoon houdt zijn profiel, een nieuwe krijgt er geen. Wie een profiel heeft dat buiten gebruik is gesteld, houdt het als de cel het noemt. Een kolom functie (de functienaam uit het personeelssysteem) wordt niet als functieprofiel gelezen.",
  "people.import.help.rules":
    "Wie niet meer in het bestand staat, wordt niet verwijderd: u kiest in het voorbeeld zelf wie u deactiveert. Zonder kolom team, rol, taal of functieprofiel blijven die gegevens zoals ze zijn.",
  "people.import.help.example": "Voorbeeldbestand",

  // Import: preview
  "people.preview.title": "Voorbeeld van de import",
  "people.preview.heading": "Wat deze import verandert",
  "people.preview.source": "Bestand: {file}, geladen op {moment}.",
  "people.preview.pasted": "geplakte tekst",
  "people.preview.fileProblems": "Dit bestand kan niet worden gelezen",
  "people.preview.again": "Laad een verbeterd bestand",
  "people.preview.rowErrorsTitle": "Niet elke regel is in orde",
  "people.preview.rowErrors": {
    one: "{count} regel bevat een fout. Er wordt pas iets geïmporteerd als alle regels in orde zijn: verbeter het bestand en laad het opnieuw.",
    other:
      "{count} regels bevatten een fout. Er wordt pas iets geïmporteerd als alle regels in orde zijn: verbeter het bestand en laad het opnieuw.",
  },
  "people.preview.rowProblem": "Regel {line}: {problems}",
  "people.preview.moreRowErrors": {
    one: "En nog {count} regel met een fout: zie de tabel hieronder.",
    other: "En nog {count} regels met een fout: zie de tabel hieronder.",
  },
  "people.preview.ignored": "Niet gebruikte kolommen: {columns}.",
  "people.preview.rows": "Per regel",
  "people.preview.apply": "Importeren",
  "people.preview.submit": "Importeren",
  "people.preview.allOrNothing": "Alles wordt in één keer verwerkt, of niets.",
  "people.preview.stale":
    "De gegevens zijn veranderd sinds u dit voorbeeld opende. Hieronder ziet u het bijgewerkte voorbeeld; controleer het en klik opnieuw op Importeren.",
  "people.preview.hasErrors": "Dit bestand bevat fouten; er is niets geïmporteerd.",
  "people.preview.invalidSelection":
    "U kunt alleen mensen deactiveren die hieronder worden aangeboden. Er is niets geïmporteerd.",
  "people.import.count.new": "Nieuw",
  "people.import.count.changed": "Gewijzigd",
  "people.import.count.unchanged": "Ongewijzigd",
  "people.import.count.errors": "Fouten",
  "people.import.count.teams": "Nieuwe teams",
  "people.import.count.absent": "Niet in het bestand",
  "people.import.rows.caption": "Uitkomst per regel",
  "people.import.rows.line": "Regel",
  "people.import.rows.outcome": "Uitkomst",
  "people.import.rows.details": "Toelichting",
  "people.import.outcome.new": "Nieuw",
  "people.import.outcome.changed": "Gewijzigd",
  "people.import.outcome.unchanged": "Ongewijzigd",
  "people.import.outcome.error": "Fout",
  "people.import.change": "{field}: {from} → {to}",
  "people.import.empty": "(leeg)",
  "people.import.column.lead": "Leidinggevende",
  "people.import.profile": "functieprofiel {name}",
  "people.import.teams.title": "Teams",
  "people.import.teams.new": "Nieuwe teams",
  "people.import.teams.newUnder": "{team} (onder {parent})",
  "people.import.teams.moved": "Verplaatste teams",
  "people.import.teams.move": "{team}: van {from} naar {to}",
  "people.import.teams.top": "het hoogste niveau",
  "people.import.teams.leads": "Leidinggevenden",
  "people.import.teams.leadSet": "{team}: {to}",
  "people.import.teams.leadChange": "{team}: {from} → {to}",
  "people.import.teams.managersNotKept": "Leidinggevenden die niet worden overgenomen",
  "people.import.teams.managersNotKeptHint":
    "Wie een team op het hoogste niveau leidt, heeft in Rondom geen leidinggevende: de leidinggevende van een teamleider is die van het team erboven. Wilt u dat wel, zet het team dan in het bestand onder het team van de leidinggevende (zoals 'Directie > Afdeling').",
  "people.import.teams.managerNotKept":
    "Regel {line}: {name} (leidt {team}), leidinggevende {manager}",
  "people.import.absent.none": "Iedereen die nu actief is, staat in het bestand.",
  "people.import.absent.legend": "Niet in het bestand ({count}): wie wilt u deactiveren?",
  "people.import.absent.hint":
    "Deze mensen zijn actief maar staan niet in het bestand. Vink aan wie u wilt deactiveren; wie u niet aanvinkt, blijft actief. Niemand wordt verwijderd.",
  "people.import.absent.leads": "leidt {teams}",

  // Import: problems
  "people.import.problem.emptyFile": "Het bestand is leeg.",
  "people.import.problem.noRows": "Het bestand bevat alleen kolomnamen, geen mensen.",
  "people.import.problem.unterminatedQuote":
    "Op regel {line} begint een veld met een aanhalingsteken dat nergens wordt afgesloten.",
  "people.import.problem.missingEmployeeNumberColumn":
    "De kolom personeelsnummer ontbreekt (ook herkend: employee number, medewerkernummer).",
  "people.import.problem.missingNameColumn":
    "De kolom naam ontbreekt (of de kolommen voornaam en achternaam).",
  "people.import.problem.missingEmailColumn":
    "De kolom e-mail ontbreekt (ook herkend: email, e-mailadres).",
  "people.import.problem.duplicateColumn": "De kolom {column} staat er twee keer in.",
  "people.import.problem.tooManyRows":
    "Het bestand heeft {rows} regels met mensen; een import kan er hoogstens {max} hebben. Splits het bestand in delen.",
  "people.import.problem.tooManyTeams":
    "Het bestand zou meer dan {max} nieuwe teams aanmaken; een import kan er hoogstens {max} aanmaken. Staan de teams in de goede kolom?",
  "people.import.problem.wrongFieldCount":
    "Deze regel heeft {found} velden, de kopregel {expected}. Staat er een scheidingsteken te veel of te weinig, of een aanhalingsteken verkeerd?",
  "people.import.problem.cell": "{column} '{value}': {reason}",
  "people.import.problem.emptyCell": "{column} (leeg): {reason}",
  "people.import.problem.roleUnknown":
    "Onbekende rol: gebruik medewerker of HR-beheerder (of laat leeg).",
  "people.import.problem.languageUnknown":
    "Onbekende taal: gebruik Nederlands of Engels (nl of en), of laat leeg.",
  "people.import.problem.duplicateEmployeeNumber":
    "Dit personeelsnummer staat ook op regel {line}.",
  "people.import.problem.duplicateEmail": "Dit e-mailadres staat ook op regel {line}.",
  "people.import.problem.emailTakenByOther":
    "Dit e-mailadres is van {name} (personeelsnummer {employeeNumber}), die niet in het bestand staat.",
  "people.import.problem.teamParentConflict":
    "Team {team} staat op regel {line} onder {parent}; een team kan maar onder één team vallen.",
  "people.import.problem.teamCycle": "Team {team} komt zo (indirect) onder zichzelf te vallen.",
  "people.import.problem.teamPathTooDeep":
    "Dit teampad heeft {levels} niveaus; teams kunnen hoogstens {max} niveaus diep genest zijn.",
  "people.import.problem.teamTooDeep":
    "Met deze regel komt team {team} {levels} niveaus diep te liggen (de teams erboven meegeteld); teams kunnen hoogstens {max} niveaus diep genest zijn.",
  "people.import.problem.leadNotText":
    "Bevat onzichtbare tekens of stuurtekens (zoals een teken dat de leesrichting omdraait).",
  "people.import.problem.leadNotFound": "Deze persoon staat niet in het bestand en niet in Rondom.",
  "people.import.problem.leadInactive":
    "Deze persoon is gedeactiveerd. Neem die persoon op in het bestand om hem of haar weer actief te maken.",
  "people.import.problem.leadConflict":
    "In team {team} is {lead} de leidinggevende (zie regel {line}). Iedereen in een team noemt de leidinggevende van dat team; alleen die noemt zelf de leidinggevende van het team erboven.",
  "people.import.problem.leadManagerConflict":
    "Deze persoon leidt team {team}, dus de leidinggevende is die van het team erboven, {parent}: {lead} (zie regel {line}).",
  "people.import.problem.managerCycle":
    "Leidinggevenden in een kring: {cycle}. Niemand kan, ook niet via anderen, zijn eigen leidinggevende zijn.",
  "people.import.problem.leadWithoutTeam":
    "Er staat een leidinggevende op deze regel, maar geen team: in Rondom volgt de leidinggevende uit het team.",
  "people.import.problem.ownHrRole":
    "U kunt uw eigen rol als HR-beheerder niet intrekken met een import.",
  "people.import.problem.profileUnknown": {
    one: "Dit is geen profiel uit de profielbibliotheek. Verwacht: de naam of sleutel van het profiel {known}, of een lege cel.",
    other:
      "Dit is geen profiel uit de profielbibliotheek. Verwacht: de naam of sleutel van een van de {count} profielen, zoals {known}; of een lege cel.",
  },
  "people.import.problem.profileLibraryEmpty":
    "De profielbibliotheek heeft nog geen profielen. Laat de cel leeg, of neem eerst profielen op in de profielbibliotheek.",
  "people.import.problem.profileAmbiguous":
    "Dit past bij meer dan één profiel: {profiles}. Gebruik de sleutel (tussen haakjes) van het bedoelde profiel, precies zoals die er staat.",
  "people.import.problem.profileRetired":
    "Het profiel {name} is buiten gebruik gesteld en kan niemand meer worden gegeven. Kies een ander profiel, of laat de cel leeg.",

  // Teams
  "people.teams.field.name": "Naam",
  "people.teams.field.nameHint": "Uniek binnen de organisatie; zonder >.",
  "people.teams.field.parent": "Valt onder",
  "people.teams.field.noParent": "Geen (hoogste niveau)",
  "people.teams.field.lead": "Leidinggevende",
  "people.teams.field.noLead": "Geen leidinggevende",
  "people.teams.list.title": "Teams",
  "people.teams.list.heading": "Teams",
  "people.teams.list.add": "Team toevoegen",
  "people.teams.list.caption": "Teams",
  "people.teams.list.members": "Actieve leden",
  "people.teams.list.noLead": "Geen leidinggevende",
  "people.teams.list.empty": "Er zijn nog geen teams.",
  "people.teams.new.title": "Team toevoegen",
  "people.teams.new.heading": "Team toevoegen",
  "people.teams.new.submit": "Team toevoegen",
  "people.teams.edit.title": "Team {name}",
  "people.teams.edit.heading": "Team {name}",
  "people.teams.edit.submit": "Wijzigingen opslaan",
  "people.teams.edit.saved": "Het team is opgeslagen.",
  "people.teams.edit.teamPage": "Bekijk de teampagina",
  "people.teams.issue.nameTaken": "Er is al een team met deze naam.",
  "people.teams.issue.invalidParent":
    "Kies een ander team: een team kan niet onder zichzelf of onder een eigen subteam vallen.",
  "people.teams.issue.invalidLead": "Kies een actieve medewerker uit de lijst.",
} as const;
