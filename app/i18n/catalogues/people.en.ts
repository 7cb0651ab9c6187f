import type { MessageText } from "../messages";
import type { peopleNl } from "./people.nl";

export const peopleEn: Record<keyof typeof peopleNl, MessageText> = {
  // Values and fields
  "people.field.name": "Name",
  "people.field.employeeNumber": "Employee number",
  "people.field.firstName": "First name",
  "people.field.lastName": "Last name",
  "people.field.email": "Email address",
  "people.field.team": "Team",
  "people.field.noTeam": "No team",
  "people.field.profile": "Function profile",
  "people.field.profileHint":
    "The competency profile of the person's function: in a feedback round they are rated on it.",
  "people.field.noProfile": "None (the round's profile)",
  "people.field.locale": "Language",
  "people.field.role": "Role",
  "people.field.roleHint":
    "An HR admin manages people, teams and rounds, and never sees answers. Someone becomes a team lead by leading a team.",
  "people.field.status": "Status",
  "people.role.employee": "Employee",
  "people.role.hr_admin": "HR admin",
  "people.locale.nl": "Dutch",
  "people.locale.en": "English",
  "people.status.active": "Active",
  "people.status.inactive": "Deactivated",

  // Validation, shared by the forms and the import
  "people.issue.employeeNumberRequired": "Enter the employee number.",
  "people.issue.employeeNumberInvalid":
    "An employee number has at most 40 characters, no @ and no invisible or control characters.",
  "people.issue.employeeNumberTaken": "Someone else already has this employee number.",
  "people.issue.firstNameRequired": "Enter the first name.",
  "people.issue.firstNameTooLong": "The first name is too long (at most 100 characters).",
  "people.issue.firstNameNotText":
    "The first name contains invisible or control characters (such as one that reverses the reading direction). Type the name again.",
  "people.issue.lastNameRequired": "Enter the last name.",
  "people.issue.lastNameTooLong": "The last name is too long (at most 100 characters).",
  "people.issue.lastNameNotText":
    "The last name contains invisible or control characters (such as one that reverses the reading direction). Type the name again.",
  "people.issue.emailRequired": "Enter the email address.",
  "people.issue.emailInvalid": "Enter a valid email address, such as name@municipality.nl.",
  "people.issue.emailTaken": "Someone else already has this email address.",
  "people.issue.roleInvalid": "Choose a role.",
  "people.issue.localeInvalid": "Choose Dutch or English.",
  "people.issue.teamUnknown": "Choose a team from the list.",
  "people.issue.profileUnknown": "Choose a profile from the list.",
  "people.issue.ownHrRole": "You cannot take away your own HR admin role.",
  "people.issue.teamNameRequired": "Enter the name of the team.",
  "people.issue.teamNameTooLong": "The team name is too long (at most 100 characters).",
  "people.issue.teamNameInvalid": "A team name cannot contain >.",
  "people.issue.teamNameNotText":
    "The team name contains invisible or control characters (such as one that reverses the reading direction). Type the name again.",

  // The list of people
  "people.list.title": "People",
  "people.list.heading": "People",
  "people.list.add": "Add a person",
  "people.list.import": "Import from a CSV file",
  "people.list.teams": "Teams",
  "people.list.search": "Search",
  "people.list.searchHint": "By name, email address or employee number.",
  "people.list.status": "Show",
  "people.list.status.active": "Active people",
  "people.list.status.inactive": "Deactivated people",
  "people.list.status.all": "Everyone",
  "people.list.submit": "Search",
  "people.list.count": "{count} found",
  "people.list.caption": "People",
  "people.list.pages": "Pages",
  "people.list.previous": "Previous page",
  "people.list.next": "Next page",
  "people.list.pageOf": "Page {page} of {pages}",
  "people.imported.summary":
    "The import has been applied. New: {created}. Changed: {updated} (reactivated: {reactivated}). Unchanged: {unchanged}. Deactivated: {deactivated}. New teams: {teamsCreated}.",

  // Adding and editing a person
  "people.new.title": "Add a person",
  "people.new.heading": "Add a person",
  "people.new.intro":
    "The same rules as for an import: a unique employee number and a unique email address.",
  "people.new.submit": "Add person",
  "people.edit.title": "{name}",
  "people.edit.details": "Details",
  "people.edit.submit": "Save changes",
  "people.edit.leads": "leads {teams}",
  "people.edit.account": "Account",
  "people.edit.deactivateExplanation":
    "Once deactivated, this person can no longer sign in and is no longer invited. Earlier rounds and reports are kept; you can reactivate at any time.",
  "people.edit.deactivateLeads":
    "This person leads a team. After deactivation that team has no lead; choose a new one under Teams.",
  "people.edit.deactivate": "Deactivate",
  "people.edit.reactivateExplanation":
    "This person is deactivated. Once reactivated, they can sign in and take part in rounds again.",
  "people.edit.reactivate": "Reactivate",
  "people.edit.ownAccount": "You cannot deactivate your own account.",
  "people.edit.notice.saved": "The details have been saved.",
  "people.edit.notice.deactivated": "This person has been deactivated.",
  "people.edit.notice.reactivated": "This person is active again.",

  // Import: upload
  "people.import.title": "Import people",
  "people.import.heading": "Import people",
  "people.import.intro":
    "Load a CSV file from your HR system or from Excel. You first see what changes, row by row; only when you then click Import is everything applied at once, or nothing.",
  "people.import.upload.file": "CSV file",
  "people.import.upload.fileHint":
    "At most {megabytes} MB. In Excel: Save as, CSV (comma delimited) or CSV UTF-8.",
  "people.import.upload.text": "Or paste the contents of the file",
  "people.import.upload.textHint":
    "For example copied straight from a spreadsheet; the first line holds the column names.",
  "people.import.upload.submit": "See what changes",
  "people.import.upload.nothingYet": "Nothing is saved yet.",
  "people.import.upload.missing": "Choose a file or paste its contents.",
  "people.import.upload.both": "Choose a file or paste text, not both.",
  "people.import.upload.tooLarge":
    "The file is too large: at most {megabytes} MB. Split the file or leave out columns you do not need.",
  "people.import.upload.workbook":
    "This is an Excel workbook, not a CSV file. In Excel, choose Save as and then CSV.",
  "people.import.upload.binary": "This file contains no text. Choose a CSV file.",
  // Posts the upload form never sends
  "people.import.refusal.notMultipart": "This form expects a file (multipart/form-data).",
  "people.import.refusal.unknownField": "The form has unknown fields.",
  "people.import.refusal.unreadable": "The form could not be read.",
  "people.import.refusal.repeatedField": "The form has repeated fields.",

  // Import: help
  "people.import.help.title": "What the file looks like",
  "people.import.help.format":
    "The first line holds the column names, then one line per person. Separated by semicolons, commas or tabs; capitals, spaces and accents in column names do not matter. Unknown columns are skipped.",
  "people.import.help.columns": "Columns",
  "people.import.help.column": "Column",
  "people.import.help.aliases": "Also recognised as",
  "people.import.help.meaning": "Meaning",
  "people.import.help.required": "required",
  "people.import.help.employeeNumber":
    "The person's permanent number. Rondom recognises someone by it in the next import.",
  "people.import.help.name":
    "The full name: the first word is the first name. 'Last name, First name' works too. Or use the columns first name and last name.",
  "people.import.help.firstName": "Together with last name, instead of name.",
  "people.import.help.lastName": "Together with first name, instead of name, with any prefix.",
  "people.import.help.email": "The work address; the person signs in with it.",
  "people.import.help.team":
    "The team. A team within a department is written 'Department > Team' (at most 10 levels deep); missing teams are created. Empty: no team.",
  "people.import.help.lead":
    "Employee number or email address of the own manager of the person on this line, as a personnel system exports it (or empty). Whom the others in a team name as their manager becomes the manager of that team; that manager names the manager of the team above. Also fine: on every line of a team the manager of that team, on the manager's own line too.",
  "people.import.help.role": "Employee (or empty) or HR admin.",
  "people.import.help.language":
    "Dutch or English (nl, en). Empty: the language of the organisation.",
  "people.import.help.profile":
    "The name or key of a profile in the profile library; capitals, accents and a leading 'Competentieprofiel' do not matter ('projectleider' is 'Competentieprofiel Projectleider'). Empty: an existing person keeps their profile, a new one gets none. Whoever holds a profile that has been retired keeps it when the cell names it. A function (job title) column from the personnel system is not read as the function profile.",
  "people.import.help.rules":
    "People no longer in the file are not deleted: in the preview you choose whom to deactivate. Without a team, role, language or function profile column, those details stay as they are.",
  "people.import.help.example": "Example file",

  // Import: preview
  "people.preview.title": "Import preview",
  "people.preview.heading": "What this import changes",
  "people.preview.source": "File: {file}, loaded on {moment}.",
  "people.preview.pasted": "pasted text",
  "people.preview.fileProblems": "This file cannot be read",
  "people.preview.again": "Load a corrected file",
  "people.preview.rowErrorsTitle": "Not every line is right",
  "people.preview.rowProblem": "Line {line}: {problems}",
  "people.preview.moreRowErrors": {
    one: "And {count} more line with an error: see the table below.",
    other: "And {count} more lines with an error: see the table below.",
  },
  "people.preview.rowErrors": {
    one: "{count} line contains an error. Nothing is imported until every line is right: correct the file and load it again.",
    other:
      "{count} lines contain an error. Nothing is imported until every line is right: correct the file and load it again.",
  },
  "people.preview.ignored": "Columns not used: {columns}.",
  "people.preview.rows": "Line by line",
  "people.preview.apply": "Import",
  "people.preview.submit": "Import",
  "people.preview.allOrNothing": "Everything is applied at once, or nothing.",
  "people.preview.stale":
    "The data changed since you opened this preview. Below is the updated preview; check it and click Import again.",
  "people.preview.hasErrors": "This file contains errors; nothing has been imported.",
  "people.preview.invalidSelection":
    "You can only deactivate people offered below. Nothing has been imported.",
  "people.import.count.new": "New",
  "people.import.count.changed": "Changed",
  "people.import.count.unchanged": "Unchanged",
  "people.import.count.errors": "Errors",
  "people.import.count.teams": "New teams",
  "people.import.count.absent": "Not in the file",
  "people.import.rows.caption": "Outcome per line",
  "people.import.rows.line": "Line",
  "people.import.rows.outcome": "Outcome",
  "people.import.rows.details": "Details",
  "people.import.outcome.new": "New",
  "people.import.outcome.changed": "Changed",
  "people.import.outcome.unchanged": "Unchanged",
  "people.import.outcome.error": "Error",
  "people.import.change": "{field}: {from} → {to}",
  "people.import.empty": "(empty)",
  "people.import.column.lead": "Manager",
  "people.import.profile": "function profile {name}",
  "people.import.teams.title": "Teams",
  "people.import.teams.new": "New teams",
  "people.import.teams.newUnder": "{team} (within {parent})",
  "people.import.teams.moved": "Moved teams",
  "people.import.teams.move": "{team}: from {from} to {to}",
  "people.import.teams.top": "the top level",
  "people.import.teams.leads": "Leads",
  "people.import.teams.leadSet": "{team}: {to}",
  "people.import.teams.leadChange": "{team}: {from} → {to}",
  "people.import.teams.managersNotKept": "Managers that are not taken over",
  "people.import.teams.managersNotKeptHint":
    "Whoever leads a team at the top level has no manager in Rondom: a team lead's manager is the one of the team above. If you want one, place the team within the manager's team in the file (such as 'Directie > Afdeling').",
  "people.import.teams.managerNotKept": "Line {line}: {name} (leads {team}), manager {manager}",
  "people.import.absent.none": "Everyone who is active now is in the file.",
  "people.import.absent.legend": "Not in the file ({count}): whom do you want to deactivate?",
  "people.import.absent.hint":
    "These people are active but not in the file. Tick whom you want to deactivate; whoever you do not tick stays active. Nobody is deleted.",
  "people.import.absent.leads": "leads {teams}",

  // Import: problems
  "people.import.problem.emptyFile": "The file is empty.",
  "people.import.problem.noRows": "The file holds only column names, no people.",
  "people.import.problem.unterminatedQuote":
    "On line {line} a field starts with a quotation mark that is never closed.",
  "people.import.problem.missingEmployeeNumberColumn":
    "The employee number column is missing (also recognised: personeelsnummer, medewerkernummer).",
  "people.import.problem.missingNameColumn":
    "The name column is missing (or the columns first name and last name).",
  "people.import.problem.missingEmailColumn":
    "The email column is missing (also recognised: e-mail, emailadres).",
  "people.import.problem.duplicateColumn": "The column {column} appears twice.",
  "people.import.problem.tooManyRows":
    "The file has {rows} rows of people; an import can have at most {max}. Split the file into parts.",
  "people.import.problem.tooManyTeams":
    "The file would create more than {max} new teams; an import can create at most {max}. Are the teams in the right column?",
  "people.import.problem.wrongFieldCount":
    "This line has {found} fields, the header {expected}. Is there a separator too many or too few, or a misplaced quotation mark?",
  "people.import.problem.cell": "{column} '{value}': {reason}",
  "people.import.problem.emptyCell": "{column} (empty): {reason}",
  "people.import.problem.roleUnknown":
    "Unknown role: use employee or HR admin (or leave it empty).",
  "people.import.problem.languageUnknown":
    "Unknown language: use Dutch or English (nl or en), or leave it empty.",
  "people.import.problem.duplicateEmployeeNumber": "This employee number is also on line {line}.",
  "people.import.problem.duplicateEmail": "This email address is also on line {line}.",
  "people.import.problem.emailTakenByOther":
    "This email address belongs to {name} (employee number {employeeNumber}), who is not in the file.",
  "people.import.problem.teamParentConflict":
    "Line {line} places team {team} within {parent}; a team can only be within one team.",
  "people.import.problem.teamCycle": "Team {team} would (indirectly) be within itself.",
  "people.import.problem.teamPathTooDeep":
    "This team path has {levels} levels; teams can be nested at most {max} levels deep.",
  "people.import.problem.teamTooDeep":
    "With this line, team {team} would be nested {levels} levels deep (counting the teams above it); teams can be nested at most {max} levels deep.",
  "people.import.problem.leadNotText":
    "Contains invisible or control characters (such as one that reverses the reading direction).",
  "people.import.problem.leadNotFound": "This person is neither in the file nor in Rondom.",
  "people.import.problem.leadInactive":
    "This person is deactivated. Include them in the file to make them active again.",
  "people.import.problem.leadConflict":
    "In team {team}, {lead} is the manager (see line {line}). Everyone in a team names that team's manager; only the manager names the manager of the team above.",
  "people.import.problem.leadManagerConflict":
    "This person leads team {team}, so their manager is the one of the team above, {parent}: {lead} (see line {line}).",
  "people.import.problem.managerCycle":
    "Managers in a circle: {cycle}. No one can be their own manager, not even through others.",
  "people.import.problem.leadWithoutTeam":
    "This line names a manager but no team: in Rondom, the manager follows from the team.",
  "people.import.problem.ownHrRole": "You cannot take away your own HR admin role with an import.",
  "people.import.problem.profileUnknown": {
    one: "This is not a profile in the profile library. Expected: the name or key of the profile {known}, or an empty cell.",
    other:
      "This is not a profile in the profile library. Expected: the name or key of one of the {count} profiles, such as {known}; or an empty cell.",
  },
  "people.import.problem.profileLibraryEmpty":
    "The profile library has no profiles yet. Leave the cell empty, or first add profiles to the profile library.",
  "people.import.problem.profileAmbiguous":
    "This fits more than one profile: {profiles}. Use the key (in brackets) of the profile you mean, exactly as shown.",
  "people.import.problem.profileRetired":
    "The profile {name} has been retired and can no longer be given to anyone. Choose another profile, or leave the cell empty.",

  // Teams
  "people.teams.field.name": "Name",
  "people.teams.field.nameHint": "Unique within the organisation; without >.",
  "people.teams.field.parent": "Within",
  "people.teams.field.noParent": "None (top level)",
  "people.teams.field.lead": "Lead",
  "people.teams.field.noLead": "No lead",
  "people.teams.list.title": "Teams",
  "people.teams.list.heading": "Teams",
  "people.teams.list.add": "Add a team",
  "people.teams.list.caption": "Teams",
  "people.teams.list.members": "Active members",
  "people.teams.list.noLead": "No lead",
  "people.teams.list.empty": "There are no teams yet.",
  "people.teams.new.title": "Add a team",
  "people.teams.new.heading": "Add a team",
  "people.teams.new.submit": "Add team",
  "people.teams.edit.title": "Team {name}",
  "people.teams.edit.heading": "Team {name}",
  "people.teams.edit.submit": "Save changes",
  "people.teams.edit.saved": "The team has been saved.",
  "people.teams.edit.teamPage": "View the team page",
  "people.teams.issue.nameTaken": "There is already a team with this name.",
  "people.teams.issue.invalidParent":
    "Choose another team: a team cannot be within itself or within one of its own sub-teams.",
  "people.teams.issue.invalidLead": "Choose an active person from the list.",
};
