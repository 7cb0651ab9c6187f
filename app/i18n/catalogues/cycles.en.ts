import type { MessageText } from "../messages";
import type { cyclesNl } from "./cycles.nl";

export const cyclesEn: Record<keyof typeof cyclesNl, MessageText> = {
  "cycles.admin.links.cycles": "Feedback rounds",
  "cycles.admin.links.people": "Employees",
  "cycles.admin.links.teams": "Teams",
  "cycles.admin.newCycle": "New feedback round",

  "cycles.list.title": "Feedback rounds",
  "cycles.list.intro":
    "A round goes from preparation through nominating and collecting to releasing the reports. You see counts here, never who answered what.",
  "cycles.list.new": "New round",
  "cycles.list.empty": "There are no feedback rounds yet.",
  "cycles.list.name": "Round",
  "cycles.list.status": "Stage",
  "cycles.list.answerDeadline": "Answers until",
  "cycles.list.participants": "Participants",
  "cycles.list.answered": "Answered",
  "cycles.list.answeredValue": "{answered} of {invited}",

  "cycles.new.title": "New feedback round",
  "cycles.new.intro":
    "Set how the round runs. Then add participants; while the round is in preparation you can still change everything.",
  "cycles.new.submit": "Create round",
  "cycles.edit.title": "Settings of {name}",
  "cycles.edit.heading": "Settings",
  "cycles.edit.intro": "What can no longer change is shown as text below, with the reason.",
  "cycles.edit.submit": "Save settings",
  "cycles.edit.back": "Back to the round",
  "cycles.edit.allLocked": "This round has been released: its settings no longer change.",
  "cycles.edit.lockedNotChanged":
    "Some settings have been locked in the meantime. Nothing was saved; please review the settings again.",
  "cycles.edit.conflict":
    "The round has changed in the meantime. Nothing was saved; review the settings again, then save them.",
  "cycles.form.cancel": "Cancel",
  "cycles.form.section.cycle": "Round",
  "cycles.form.section.dates": "Schedule",
  "cycles.form.section.dates.hint":
    "A deadline includes the whole day. On the day after the answer deadline the round closes by itself.",
  "cycles.form.section.anonymity": "Anonymity",
  "cycles.form.section.anonymity.hint": "These settings are locked once the first answer arrives.",
  "cycles.form.section.limits": "Raters per group",
  "cycles.form.section.limits.hint":
    "How many raters a participant nominates per group. The self-assessment and the manager are added automatically.",
  "cycles.form.section.mail": "Reminders and mail",

  "cycles.settings.name": "Name of the round",
  "cycles.settings.profile": "Competency profile",
  "cycles.settings.profile.hint":
    "The questionnaire consists of this profile's behavioural indicators. When nominating starts, the profile is fixed for this round.",
  "cycles.settings.profile.choose": "Choose a profile",
  "cycles.settings.nominationDeadline": "Nominations until",
  "cycles.settings.nominationDeadline.hint": "Until this day participants nominate raters.",
  "cycles.settings.answerDeadline": "Answers until",
  "cycles.settings.answerDeadline.hint":
    "Raters can fill in the questionnaire until and including this day. It comes after the nomination deadline.",
  "cycles.settings.minGroupSize": "Threshold: minimum number of raters per group",
  "cycles.settings.minGroupSize.hint":
    "A group's scores are shown separately only when at least this many people of that group answered. A whole number from {min} to {max}; 3 is usual.",
  "cycles.settings.managerIdentifiable": "The manager in the report",
  "cycles.settings.managerIdentifiable.no": "Rates anonymously, like everyone else (recommended)",
  "cycles.settings.managerIdentifiable.yes":
    "Is a separate, identifiable group: the participant sees the manager's scores",
  "cycles.settings.leadAccess": "Team members' results for their manager",
  "cycles.settings.leadAccess.with_consent": "Only when the employee shares the report",
  "cycles.settings.leadAccess.never": "Never",
  "cycles.settings.colleagues": "Colleagues",
  "cycles.settings.colleagueMin": "Minimum number of colleagues",
  "cycles.settings.colleagueMax": "Maximum number of colleagues",
  "cycles.settings.customers": "Customers",
  "cycles.settings.customerMin": "Minimum number of customers",
  "cycles.settings.customerMax": "Maximum number of customers",
  "cycles.settings.includeReportsGroup": "Direct reports (for managers)",
  "cycles.settings.includeReportsGroup.no": "Do not ask",
  "cycles.settings.includeReportsGroup.yes": "Ask: managers also nominate their direct reports",
  "cycles.settings.reports": "Direct reports",
  "cycles.settings.reportMin": "Minimum number of direct reports",
  "cycles.settings.reportMax": "Maximum number of direct reports",
  "cycles.settings.reminderDays": "Reminders, days before the deadline",
  "cycles.settings.reminderDays.hint":
    "For example 7,2: a reminder a week and two days before the deadline, only to those who have not answered. Empty: no automatic reminders.",
  "cycles.settings.mailLocale": "Language of the mails",
  "cycles.settings.mailLocale.rater": "Each recipient's own language",
  "cycles.settings.mailLocale.nl": "Dutch for everyone",
  "cycles.settings.mailLocale.en": "English for everyone",

  "cycles.settings.value.noDate": "not set",
  "cycles.settings.value.range": "{min} to {max}",
  "cycles.settings.value.reportsNotAsked": "not asked",
  "cycles.settings.value.minGroupSize": "{k} raters",
  "cycles.settings.value.reminders": {
    one: "{days} day before the deadline",
    other: "{days} days before the deadline",
  },
  "cycles.settings.value.noReminders": "no automatic reminders",

  "cycles.settings.error.nameRequired": "Give the round a name.",
  "cycles.settings.error.nameTooLong": "Use at most {max} characters for the name.",
  "cycles.settings.error.nameNotText":
    "The name contains invisible or control characters (such as one that reverses the reading direction). Type the name again.",
  "cycles.settings.error.profileRequired": "Choose a competency profile.",
  "cycles.settings.error.nominationDeadlineRequired": "Enter the deadline for nominations.",
  "cycles.settings.error.answerDeadlineRequired": "Enter the deadline for answers.",
  "cycles.settings.error.dayInvalid": "Enter an existing date, for example 2026-11-28.",
  "cycles.settings.error.dayPast": "This date has passed. Choose today or later.",
  "cycles.settings.error.answerBeforeNomination":
    "The answer deadline must come after the nomination deadline.",
  "cycles.settings.error.wholeNumber": "Enter a whole number from {min} to {max}.",
  "cycles.settings.error.maxBelowMin": "The maximum cannot be lower than the minimum.",
  "cycles.settings.error.choose": "Make a choice.",
  "cycles.settings.error.reminders.format":
    "Enter whole numbers separated by commas, for example 7,2.",
  "cycles.settings.error.reminders.range": "Every day lies between {min} and {max}.",
  "cycles.settings.error.reminders.duplicate": "Name each day only once.",

  "cycles.lock.released": "Locked: the round has been released.",
  "cycles.lock.thresholdsLocked":
    "Locked since the first answer arrived, so that anonymity does not change during the round.",
  "cycles.lock.launched": "Locked since nominating started.",
  "cycles.lock.nominatingOver": "Locked: nominating is over.",
  "cycles.lock.closed": "Locked: the round is closed.",

  "cycles.page.status": "Stage: {status}.",
  "cycles.page.intro.draft": "Nobody has been told about it yet.",
  "cycles.page.intro.nominating": "Participants nominate raters and their managers approve them.",
  "cycles.page.intro.collecting": "Raters are filling in the questionnaire.",
  "cycles.page.intro.closed": "No more answers are possible; the reports follow on release.",
  "cycles.page.intro.released": "The reports have been computed and are fixed.",
  "cycles.page.stages": "Stages of the round",
  "cycles.page.stage.current": "(now)",
  "cycles.page.stage.done": "(done)",
  "cycles.page.participants.title": "Participants and progress",
  "cycles.page.participants.count": "Participants",
  "cycles.page.participants.empty": "There are no participants yet.",
  "cycles.page.participants.draftSummary":
    "Progress appears here once feedback is being collected.",
  "cycles.page.participants.nominationSummary":
    "Approved nominations: {approved} of {participants} participants.",
  "cycles.page.responses": "Answers",
  "cycles.page.responses.value": "{answered} of {invited}",
  "cycles.page.responseRate": "Response rate",
  "cycles.page.manageParticipants": "View and add participants",
  "cycles.page.remind": "Send a reminder",
  "cycles.page.exportCsv": "Download progress (CSV)",
  "cycles.page.atRisk.title": "At risk of staying under the threshold ({count})",
  "cycles.page.atRisk.intro":
    "Even if everyone who can still answer does so, these participants will not reach {k} answers from others. Add a rater or ask the participant for someone extra.",
  "cycles.page.atRisk.counts":
    "Answers from others: {answered}; possible at most: {possible}; needed: {k}.",
  "cycles.page.reports": "Reports computed: {computed} of {participants}.",
  "cycles.page.settings.title": "Settings",
  "cycles.page.editSettings": "Change settings",

  "cycles.notice.created": "The round has been created. Now add participants.",
  "cycles.notice.saved": "The settings have been saved.",
  "cycles.notice.unchanged": "Nothing was changed.",
  "cycles.notice.start_nominating":
    "Nominating has started. The participants receive a mail asking them to nominate raters.",
  "cycles.notice.start_collecting":
    "Collecting has started. The invitations are now being mailed to the raters.",
  "cycles.notice.close": "The round has been closed. No more answers are possible.",
  "cycles.notice.release":
    "The reports have been released. They are being computed now; participants get a mail as soon as their report is ready.",

  "cycles.step.start_nominating.title": "Next step: let participants nominate raters",
  "cycles.step.start_nominating.explanation":
    "Every participant ({participants} in all) gets a mail asking them to nominate colleagues and customers. The competency profile is then fixed for this round.",
  "cycles.step.start_nominating.button": "Start nominating",
  "cycles.step.start_collecting.title": "Next step: collect feedback",
  "cycles.step.start_collecting.explanation":
    "Every rater gets a mail with a personal link, including the self-assessment and the manager. After that no participants can be added.",
  "cycles.step.start_collecting.button": "Start collecting",
  "cycles.step.close.title": "Next step: close the round",
  "cycles.step.close.explanation":
    "After that nobody can answer any more. The round closes by itself after the deadline ({deadline}).",
  "cycles.step.close.button": "Close the round",
  "cycles.step.release.title": "Next step: release the reports",
  "cycles.step.release.explanation":
    "The reports are computed and fixed, and every participant gets a mail that their report is ready.",
  "cycles.step.release.button": "Release the reports",
  "cycles.step.none.title": "This round is finished",
  "cycles.step.none.explanation":
    "A released round never opens again: a report does not change any more.",
  "cycles.step.notYet": "This is not possible yet:",
  "cycles.step.busy": "Working…",
  "cycles.step.error.unknown": "This step does not exist.",
  "cycles.step.refused.wrong_status":
    "The round has moved to another stage in the meantime. Please look at the page again.",
  "cycles.step.refused.no_participants": "Add participants first.",
  "audit.action.cycle_participant_profile_changed": "Participant's profile changed",
  "cycles.participants.list.profile": "Profile",
  "cycles.participants.list.profileOf": "Profile of {name}",
  "cycles.participants.list.setProfile": "Change",
  "cycles.participants.notice.profileChanged": "The participant's profile has been changed.",
  "cycles.participants.error.profileLocked":
    "The round has started: every participant's profile is fixed.",
  "cycles.participants.error.unknownProfile":
    "That profile is not (or no longer) in your organisation's library. Choose another.",
  "cycles.step.refused.profile_missing":
    "The competency profile of this round, or of a participant, has been retired or no longer exists. Choose another profile in the settings or for the participant, or put it back into use.",
  "cycles.step.refused.nomination_deadline_missing":
    "Enter the nomination deadline in the settings.",
  "cycles.step.refused.answer_deadline_missing": "Enter the answer deadline in the settings.",
  "cycles.step.refused.nomination_deadline_past":
    "The nomination deadline has passed. Choose a later date in the settings.",
  "cycles.step.refused.own_nominations_unapproved":
    "You take part yourself and your nominations are not approved yet. Starting collecting approves the nominations that still wait, and nobody approves their own raters: have your manager (or another HR admin) approve your nominations first.",
  "cycles.step.refused.answer_deadline_past":
    "The answer deadline has passed. Choose a later date in the settings.",
  "cycles.step.confirm.approve_open_nominations.text":
    "Participants whose nominations have not been approved yet: {count}. If you start now, their proposed raters are approved as they are.",
  "cycles.step.confirm.approve_open_nominations.label":
    "Yes, approve the open nominations and start collecting",
  "cycles.step.confirm.approve_open_nominations.missing":
    "Confirm that the open nominations will be approved.",
  "cycles.step.confirm.close_before_deadline.text":
    "The deadline ({deadline}) has not passed yet. Those who have not answered cannot do so after closing.",
  "cycles.step.confirm.close_before_deadline.label": "Yes, close the round now",
  "cycles.step.confirm.close_before_deadline.missing":
    "Confirm that you are closing the round before the deadline.",
  "cycles.step.confirm.release_final.text":
    "Releasing cannot be undone: the round never opens again and no report changes any more.",
  "cycles.step.confirm.release_final.label": "I understand that releasing is final",
  "cycles.step.confirm.release_final.missing": "Confirm that releasing is final.",

  "cycles.progress.title": "Progress per participant",
  "cycles.progress.privacy":
    "Per group: answered of invited. Counts only; nobody sees who answered.",
  "cycles.progress.participant": "Participant",
  "cycles.progress.team": "Team",
  "cycles.progress.outlook": "Outlook",
  "cycles.progress.cell": "{answered} of {invited}",
  "cycles.progress.declined": "{count} declined",
  "cycles.progress.revoked": "{count} withdrawn",
  "cycles.progress.withheldCell": "{invited} invited",
  "cycles.progress.withheld": "answers after closing",
  "cycles.progress.withheldNote":
    "A group with a single rater (often the manager or one customer), also a group that was one for a while, does not show during collecting whether that person answered or declined: every change of its count would tell what that one person did, and when. That is why such groups do not count in the totals or the outlook either (their invitations count as still possible there). Once the round is closed you see all counts.",
  "cycles.outlook.enough": "Enough answers",
  "cycles.outlook.waiting": "Not enough yet",
  "cycles.outlook.at_risk": "Will not reach the threshold",

  "cycles.csv.filePrefix": "progress",
  "cycles.csv.column": "{group}: {count}",
  "cycles.csv.count.invited": "invited",
  "cycles.csv.count.answered": "answered",
  "cycles.csv.count.declined": "declined",
  "cycles.csv.count.revoked": "withdrawn",

  "cycles.participants.title": "Participants of {name}",
  "cycles.participants.heading": "Participants",
  "cycles.participants.intro.draft":
    "Add whole teams or individual employees. Inactive employees and those already taking part are skipped. Each participant's manager is the lead of their team; for a team lead, the lead of the team above.",
  "cycles.participants.intro.nominating":
    "Anyone you add now is asked to nominate raters straight away. Inactive employees and those already taking part are skipped.",
  "cycles.participants.locked":
    "The invitations have been sent: participants can no longer be added or removed.",
  "cycles.participants.teams.title": "Add teams",
  "cycles.participants.teams.legend": "Teams",
  "cycles.participants.teams.empty": "There are no teams yet.",
  "cycles.participants.teams.option": "(active employees: {count})",
  "cycles.participants.teams.optionUnder": "(under {parent}; active employees: {count})",
  "cycles.participants.teams.includeSubTeams": "Also the teams below them",
  "cycles.participants.teams.hint":
    "A department with teams below it: tick the department and choose ‘Also the teams below them’.",
  "cycles.participants.teams.submit": "Add teams",
  "cycles.participants.person.title": "Add one employee",
  "cycles.participants.person.search": "Search by name, email address or employee number",
  "cycles.participants.person.submitSearch": "Search",
  "cycles.participants.person.none": "No active employee found for ‘{query}’.",
  "cycles.participants.person.results": "Found for ‘{query}’",
  "cycles.participants.person.more":
    "Only the first {count} are shown; search more precisely to find someone else.",
  "cycles.participants.person.alreadyIn": "Already taking part",
  "cycles.participants.person.add": "Add",
  "cycles.participants.list.title": "Participants ({count})",
  "cycles.participants.list.caption": "Participants",
  "cycles.participants.list.empty": "There are no participants yet.",
  "cycles.participants.list.removeHint":
    "Removing someone also removes the raters already nominated for them.",
  "cycles.participants.list.name": "Name",
  "cycles.participants.list.team": "Team",
  "cycles.participants.list.manager": "Manager",
  "cycles.participants.list.nominations": "Nominations",
  "cycles.participants.list.actions": "Actions",
  "cycles.participants.list.remove": "Remove",
  "cycles.participants.list.noManager": "none",
  "cycles.participants.nominations.open": "not nominated yet",
  "cycles.participants.nominations.submitted": "waiting for approval",
  "cycles.participants.nominations.approved": "approved",
  "cycles.participants.notice.added": "Participants added: {count}.",
  "cycles.participants.notice.alreadyIn": "Already taking part: {count}.",
  "cycles.participants.notice.inactive": "Inactive, so skipped: {count}.",
  "cycles.participants.notice.removed": "The participant has been removed.",
  "cycles.participants.error.noTeam": "Choose at least one team.",
  "cycles.participants.error.unknown": "This team or employee does not exist (any more).",
  "cycles.participants.error.gone": "This participant is no longer taking part.",
  "cycles.participants.error.closed":
    "Participants can no longer change: the round is already collecting feedback or closed.",
};
