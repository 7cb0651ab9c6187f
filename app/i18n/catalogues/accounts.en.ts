import type { accountsNl } from "./accounts.nl";

export const accountsEn: Record<keyof typeof accountsNl, string> = {
  "audit.action.person_address_change_requested": "Address change requested",
  "audit.action.person_address_changed": "E-mail address changed",
  "audit.action.person_address_change_withdrawn": "Address change withdrawn",
  "audit.addressChange": "from {from} to {to}",

  "email.addressChange.subject": "Confirm your new e-mail address for Rondom ({organisation})",
  "email.addressChange.intro":
    "HR of {organisation} wants to change the e-mail address you sign in to Rondom with to {email}.",
  "email.addressChange.confirm":
    "Whoever reads that address can then sign in as you and read your feedback reports. Is it really your new address? Then confirm it with the button below. Until you do, nothing changes and you sign in with this address.",
  "email.addressChange.button": "Confirm new address",
  "email.addressChange.validity": "The link is valid for {days} days and works once.",
  "email.addressChange.notYou":
    "Not right? Then do nothing: your address stays the same. Do tell your HR department or the privacy officer.",
  "email.addressChanged.subject": "Your e-mail address for Rondom was changed ({organisation})",
  "email.addressChanged.body":
    "HR of {organisation} changed the e-mail address you sign in to Rondom with to {email}. From now on you sign in with that address.",
  "email.addressChanged.notYou": "Not right? Then tell your HR department or the privacy officer.",

  "addressChange.title": "Confirm new e-mail address",
  "addressChange.heading": "Confirm new e-mail address",
  "addressChange.body":
    "{name}, HR of {organisation} wants to change the e-mail address you sign in to Rondom with to {email}.",
  "addressChange.effect":
    "Whoever reads the new address can then sign in as you and read your feedback reports. Confirm only if it really is your address. Wherever you are signed in now, you will be signed out.",
  "addressChange.submit": "Yes, this is my new address",
  "addressChange.invalid.heading": "This link no longer works",
  "addressChange.invalid.body":
    "The link was used already, has expired or was replaced by a newer request. Your e-mail address has not changed.",
  "addressChange.taken.heading": "This address is already in use",
  "addressChange.taken.body":
    "The new address now belongs to another account. Your e-mail address has not changed; please contact your HR department.",
  "addressChange.done.heading": "Your e-mail address has changed",
  "addressChange.done.body": "From now on you sign in with {email}.",
  "addressChange.done.signIn": "Sign in",

  "people.edit.notice.addressPending":
    "Saved. The new e-mail address takes effect only once the employee confirms it through a mail to the current address (the link is valid for {days} days).",
  "people.edit.notice.addressChanged":
    "Saved. The e-mail address was changed; the old address has been told and the employee was signed out everywhere.",
  "people.edit.pendingAddress":
    "Awaiting confirmation: new e-mail address {email} (requested on {date}).",
  "people.issue.emailTakenElsewhere":
    "This e-mail address already belongs to an account in Rondom (in another organisation). One address belongs to one account.",
  "people.import.problem.emailTakenElsewhere":
    "This e-mail address already belongs to an account in Rondom (in another organisation). One address belongs to one account.",
  "people.import.problem.emailHeldUntilConfirmed":
    "This address still belongs to {name} ({employeeNumber}), who gets a new address only once they confirm it. Import this row again after that confirmation.",
  "people.import.addressChangesNote":
    "People who ever signed in, take part in a round, lead a team or were asked to rate get a new e-mail address only once they confirm it through a mail to their current address. Others get it at once; their old address is told.",
} as const;
