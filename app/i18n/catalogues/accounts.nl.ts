// Dutch messages about accounts (address changes); merged into messages.nl.ts.
export const accountsNl = {
  "audit.action.person_address_change_requested": "Adreswijziging aangevraagd",
  "audit.action.person_address_changed": "E-mailadres gewijzigd",
  "audit.action.person_address_change_withdrawn": "Adreswijziging ingetrokken",
  "audit.addressChange": "van {from} naar {to}",

  "email.addressChange.subject": "Bevestig je nieuwe e-mailadres voor Rondom ({organisation})",
  "email.addressChange.intro":
    "HR van {organisation} wil het e-mailadres waarmee je inlogt bij Rondom wijzigen in {email}.",
  "email.addressChange.confirm":
    "Wie dat adres leest, kan daarna inloggen als jij en je feedbackrapporten lezen. Is het echt jouw nieuwe adres? Bevestig het dan met de knop hieronder. Tot je dat doet, blijft alles zoals het was en log je in met dit adres.",
  "email.addressChange.button": "Nieuw adres bevestigen",
  "email.addressChange.validity": "De link is {days} dagen geldig en werkt één keer.",
  "email.addressChange.notYou":
    "Klopt het niet? Doe dan niets: je adres blijft hetzelfde. Meld het wel bij je HR-afdeling of de privacy officer.",
  "email.addressChanged.subject": "Je e-mailadres voor Rondom is gewijzigd ({organisation})",
  "email.addressChanged.body":
    "HR van {organisation} heeft het e-mailadres waarmee je inlogt bij Rondom gewijzigd in {email}. Je logt voortaan met dat adres in.",
  "email.addressChanged.notYou":
    "Klopt dit niet? Meld het dan bij je HR-afdeling of de privacy officer.",

  "addressChange.title": "Nieuw e-mailadres bevestigen",
  "addressChange.heading": "Nieuw e-mailadres bevestigen",
  "addressChange.body":
    "{name}, HR van {organisation} wil het e-mailadres waarmee je inlogt bij Rondom wijzigen in {email}.",
  "addressChange.effect":
    "Wie het nieuwe adres leest, kan daarna inloggen als jij en je feedbackrapporten lezen. Bevestig alleen als het echt jouw adres is. Waar je nu bent ingelogd, word je uitgelogd.",
  "addressChange.submit": "Ja, dit is mijn nieuwe adres",
  "addressChange.invalid.heading": "Deze link werkt niet meer",
  "addressChange.invalid.body":
    "De link is al gebruikt, verlopen of vervangen door een nieuwere aanvraag. Je e-mailadres is niet gewijzigd.",
  "addressChange.taken.heading": "Dit adres is al in gebruik",
  "addressChange.taken.body":
    "Het nieuwe adres hoort inmiddels bij een ander account. Je e-mailadres is niet gewijzigd; neem contact op met je HR-afdeling.",
  "addressChange.done.heading": "Je e-mailadres is gewijzigd",
  "addressChange.done.body": "Je logt voortaan in met {email}.",
  "addressChange.done.signIn": "Inloggen",

  "people.edit.notice.addressPending":
    "Opgeslagen. Het nieuwe e-mailadres gaat pas in als de medewerker het bevestigt via een mail naar het huidige adres (de link is {days} dagen geldig).",
  "people.edit.notice.addressChanged":
    "Opgeslagen. Het e-mailadres is gewijzigd; het oude adres heeft bericht gekregen en de medewerker is overal uitgelogd.",
  "people.edit.pendingAddress":
    "Wacht op bevestiging: nieuw e-mailadres {email} (aangevraagd op {date}).",
  "people.issue.emailTakenElsewhere":
    "Dit e-mailadres hoort al bij een account in Rondom (bij een andere organisatie). Eén adres hoort bij één account.",
  "people.import.problem.emailTakenElsewhere":
    "Dit e-mailadres hoort al bij een account in Rondom (bij een andere organisatie). Eén adres hoort bij één account.",
  "people.import.problem.emailHeldUntilConfirmed":
    "Dit adres is nog van {name} ({employeeNumber}): die krijgt een nieuw adres pas als die het bevestigt. Importeer deze regel opnieuw na die bevestiging.",
  "people.import.addressChangesNote":
    "Wie ooit heeft ingelogd, aan een ronde meedoet, een team leidt of als beoordelaar is gevraagd, krijgt een nieuw e-mailadres pas als die het bevestigt via een mail naar het huidige adres. Anderen krijgen het meteen; hun oude adres krijgt bericht.",
} as const;
