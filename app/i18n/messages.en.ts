import type { MessageText } from "./messages";
import type { nl } from "./messages.nl";
import { peopleEn } from "./catalogues/people.en";
import { cyclesEn } from "./catalogues/cycles.en";
import { nominationsEn } from "./catalogues/nominations.en";
import { invitationsEn } from "./catalogues/invitations.en";
import { teamProfilesEn } from "./catalogues/team-profiles.en";
import { teamComparisonEn } from "./catalogues/team-comparison.en";
import { accountsEn } from "./catalogues/accounts.en";
import { commonEn } from "./catalogues/common.en";
import { profilesEn } from "./catalogues/profiles.en";
import { profileFileIssuesEn } from "./catalogues/profile-file-issues.en";

export const en: Record<keyof typeof nl, MessageText> = {
  ...peopleEn,
  ...cyclesEn,
  ...nominationsEn,
  ...invitationsEn,
  ...teamProfilesEn,
  ...teamComparisonEn,
  ...accountsEn,
  ...commonEn,
  ...profilesEn,
  ...profileFileIssuesEn,
  "meta.description":
    "Rondom: 360-degree feedback on competency profiles, anonymous and accessible.",

  "layout.skipToContent": "Skip to content",
  "layout.nav.label": "Main menu",
  "layout.nav.home": "Home",
  "layout.nav.profiles": "Competency profiles",
  "layout.language.switch": "Nederlands",
  "layout.language.unknown": "Unknown language.",
  "layout.footer.tagline": "Rondom: 360-degree feedback on competency profiles.",
  "layout.footer.anonymity":
    "People who give feedback stay anonymous: nobody sees who answered what.",

  "home.setup.title": "No organisation set up yet",
  "home.setup.body":
    "This installation runs without the demo and has no organisation yet. Create the organisation and its first HR admin on the server; they then sign in and import the employees from a CSV file.",
  "home.title": "Home",
  "home.heading": "Feedback from every side, safe and clear",
  "home.lead":
    "Rondom collects 360-degree feedback on the competencies of your own competency profile. Colleagues, customers, the manager and the employee rate the behaviour described in the profile; Rondom turns that into a clear report per competency, without ever showing who said what.",
  "home.viewProfile": "View the profile {name}",
  "home.steps.title": "How it works",
  "home.steps.profile.title": "1. The competency profile",
  "home.steps.profile.body":
    "Every behavioural indicator in your organisation's profile becomes a question in the survey.",
  "home.steps.invite.title": "2. Inviting raters",
  "home.steps.invite.body":
    "The employee nominates colleagues and customers, the manager approves. Every rater gets a personal link.",
  "home.steps.answer.title": "3. Answering anonymously",
  "home.steps.answer.body":
    "In five to fifteen minutes, on a phone or a computer, even without JavaScript. Answers can be saved and finished later.",
  "home.steps.report.title": "4. The report",
  "home.steps.report.body":
    "Strengths, development points, blind spots and a radar chart per competency, with the same figures in a table.",
  "home.anonymity.title": "Our promise: anonymity",
  "home.anonymity.threshold":
    "A group of raters is shown separately only when at least three people of that group answered.",
  "home.anonymity.differencing":
    "Subtracting one figure from another never reveals what a hidden group answered.",
  "home.anonymity.storage":
    "Answers stay sealed until the round closes, and are then stored without any reference to the invitation or the rater, and without the moment they were sent.",
  "home.anonymity.hr": "HR sees how many people answered, never what they answered.",
  "home.demo.title": "Demo: {organisation}",
  "home.demo.intro":
    "This installation runs with a fictional municipality. All names and answers are made up.",
  "home.demo.invitations.title": "Answer an invitation",
  "home.demo.invitations.intro":
    "Open invitations in the current feedback round. Each link is personal, as in the email a rater receives.",
  "home.demo.invitations.item": "{rater} ({relationship}) about {participant}",
  "home.demo.invitations.self": "{participant}: self-assessment",
  "home.demo.invitations.hasDraft": "(partly answered)",
  "home.demo.highlight.releasedReport": "has a report",
  "home.demo.highlight.blindSpot": "report with a blind spot",
  "home.demo.highlight.hiddenStrength": "report with a hidden strength",
  "home.demo.highlight.fewRaters": "too few raters in a group",
  "home.demo.highlight.sharedWithLead": "shares results with the team lead",
  "home.demo.highlight.inCollectingCycle": "takes part in the current round",
  "home.demo.people.title": "Demo people",
  "home.demo.people.intro":
    "Who works at the demo municipality, by role, with their email address.",
  "home.demo.people.departmentHeadHint":
    "Leads a department of three teams: views their team profiles and compares them on one radar (menu Teams).",
  "home.demo.people.teamLeadHint":
    "Views their own team's profile and the reports team members shared with them.",

  "role.hrAdmin": "HR admin",
  "role.departmentHead": "Head of department",
  "role.teamLead": "Team lead",
  "role.employee": "Employee",

  "relationship.self": "self-assessment",
  "relationship.manager": "manager",
  "relationship.colleague": "colleague",
  "relationship.customer": "customer",
  "relationship.report": "direct report",

  "profiles.title": "Competency profiles",
  "profiles.intro":
    "The profiles feedback rounds are based on. Every behavioural indicator is a question in the survey.",
  "profile.counts":
    "{clusters} clusters, {competencies} competencies, {indicators} behavioural indicators",
  "profile.organisationWide": "Organisation-wide",
  "profile.organisationWideExplained":
    "competencies appear in every competency profile of the organisation; teams with different profiles are compared on them.",
  "profile.indicators": "Behavioural indicators",
  "profile.scale.title": "Rating scale",
  "profile.scale.intro":
    "For each behavioural indicator, raters say how often they see this behaviour:",

  "relationship.group.self": "self-assessment",
  "relationship.group.manager": "managers",
  "relationship.group.colleague": "colleagues",
  "relationship.group.customer": "customers",
  "relationship.group.report": "direct reports",

  "scale.default.1": "(almost) never",
  "scale.default.2": "sometimes",
  "scale.default.3": "regularly",
  "scale.default.4": "often",
  "scale.default.5": "(almost) always",
  "scale.default.notApplicable": "not able to judge",

  "rater.notFound.title": "This link does not work",
  "rater.notFound.body":
    "We cannot find an open invitation for this link. Perhaps the link was not copied completely, the invitation was withdrawn, or the link has expired.",
  "rater.notFound.help":
    "Copy the link from the email again, or ask the person who invited you for a new invitation.",
  "rater.badRequest.title": "We could not process this",
  "rater.badRequest.nothingSaved":
    "Nothing was saved or changed. Go back to the survey and try again; answers you saved earlier are still there.",

  "rater.intro.title.self": "Your self-assessment",
  "rater.intro.title.other": "Feedback for {name}",
  "rater.intro.greeting": "Dear {rater},",
  "rater.intro.invited.self":
    "In the {cycle} you rate yourself on the same competency profile as your raters, so you can put your own view next to theirs.",
  "rater.intro.invited.other":
    "In the {cycle}, {name} receives feedback from people {firstName} works with. You are invited as a {relationship}. Your honest view helps {firstName} see what goes well and what could be better.",
  "rater.intro.deadline": "Please complete the survey by {deadline}.",
  "rater.intro.time":
    "It takes about {minutes} minutes: {items} short questions on {competencies} competencies, and two open questions.",
  "rater.intro.saving":
    "You can save along the way and continue later with the same link. If you cannot answer a question, choose ‘not able to judge’.",
  "rater.intro.start": "Start",
  "rater.intro.continue": "Continue where you left off",
  "rater.intro.decline": "I would rather not give feedback",

  "rater.privacy.title": "Who sees what?",
  "rater.privacy.unlinked":
    "Your answers are stored without your name and without any reference to this invitation. Once sent, not even Rondom can link them to you.",
  "rater.privacy.threshold":
    "{name} sees the scores of the {group} separately only when at least {k} of them answered. If fewer did, your scores only count in an average with other raters, and only when there are at least {k} of them together.",
  "rater.privacy.comments":
    "What you write in the open questions, {name} reads word for word, without your name, and only when at least {k} raters answered. So do not write anything that identifies you.",
  "rater.privacy.leadWithConsent":
    "If {name} consents, the manager of {name} sees the report too, under the same rules.",
  "rater.privacy.hr":
    "HR and the organisation only see how many people answered, not who and not what.",
  "rater.privacy.manager.anonymous":
    "In this feedback round you rate anonymously as a manager, like the other raters: your scores are not shown separately.",
  "rater.privacy.manager.recognisable":
    "Please note: in this feedback round the manager's answers are shown separately. {name} can therefore recognise your scores and comments as yours.",
  "rater.privacy.self.report":
    "Your self-assessment appears in your own report, next to the average view of others.",
  "rater.privacy.self.leadNever": "Your manager does not see your report in this round.",
  "rater.privacy.self.leadWithConsent":
    "Your manager sees your report only if you later give your consent.",

  "rater.submitted.title": "Already completed, thank you",
  "rater.submitted.body":
    "This survey has already been sent. Your answers were stored anonymously and can no longer be changed.",
  "rater.declined.title": "You declined",
  "rater.declined.body":
    "You indicated that you will not give feedback. Thank you for letting us know; you will not receive reminders about it.",
  "rater.closed.title": "This feedback round is closed",
  "rater.closed.body":
    "The {cycle} is closed; no more answers can be given. Thank you for your effort.",

  "rater.form.instructions.self":
    "For each behaviour, say how often you show it. If you cannot judge something, choose ‘not able to judge’.",
  "rater.form.instructions.other":
    "For each behaviour, say how often you see {name} show it. If you cannot judge something, choose ‘not able to judge’.",
  "rater.form.deadline": "You can answer until {deadline}.",
  "rater.form.saved":
    "Your answers have been saved. You can close this page and continue later with the same link.",
  "rater.form.errorSummary.title": "Something is still missing ({count})",
  "rater.form.errorSummary.missing": {
    one: "{competency}: {count} question without an answer",
    other: "{competency}: {count} questions without an answer",
  },
  "rater.form.progress": "{answered} of {total} questions answered",
  "rater.form.autosave.saving": "Saving…",
  "rater.form.autosave.saved": "Saved automatically at {time}",
  "rater.form.autosave.failed":
    "Saving automatically did not work; use the button ‘Save and continue later’.",
  "rater.form.autosave.closed": "This invitation is no longer open; reload the page.",
  "rater.form.section": "Competency {index} of {count}",
  "rater.form.stem.self": "To what extent do you show this behaviour?",
  "rater.form.stem.other": "To what extent does {name} show this behaviour?",
  "rater.form.comment": "Comment on {competency} (optional)",
  "rater.form.commentHint":
    "Describe what you see happen; do not write anything that identifies you.",
  "rater.form.general.title": "Finally",
  "rater.form.general.intro": "Two open questions. These are optional too.",
  "rater.form.general.went_well": "What goes well?",
  "rater.form.general.could_improve": "What could be better?",
  "rater.form.submit": "Send",
  "rater.form.submitting": "Sending…",
  "rater.form.save": "Save and continue later",
  "rater.form.saveHint": "Once sent, you can no longer change your answers.",
  "rater.form.error.required": "Choose an answer, or ‘not able to judge’.",
  "rater.form.error.invalidChoice": "This answer is not one of the possible choices.",
  "rater.form.error.commentTooLong": "Use at most {max} characters.",
  "rater.form.error.unknownField": "The form contains data that does not belong to this survey.",
  "rater.form.error.badRequest":
    "The form did not arrive correctly (unknown or missing data, or too large).",

  "rater.decline.title": "Not giving feedback",
  "rater.decline.intro.self":
    "Would you rather not complete the self-assessment? That is fine. Your report will then show only the view of others.",
  "rater.decline.intro.other":
    "Would you rather not give {name} feedback, for example because you work together too little? That is fine. You will not receive reminders.",
  "rater.decline.reason": "Reason (optional)",
  "rater.decline.reasonHint": "Only the organisers of the feedback round see this reason.",
  "rater.decline.reasonTooLong": "Use at most {max} characters.",
  "rater.decline.confirm": "Decline",
  "rater.decline.cancel": "Answer after all",

  "rater.thanks.title": "Thank you!",
  "rater.thanks.body.self": "Your self-assessment for the {cycle} has been sent.",
  "rater.thanks.body.other": "Your feedback for {name} has been sent.",
  "rater.thanks.anonymous":
    "Your answers were stored sealed, without your name and without any reference to your invitation. When the round closes they join the other answers, without the moment they were sent.",
  "rater.thanks.close": "You can close this page now.",

  "error.notFound.title": "Page not found",
  "error.notFound.body":
    "The page you are looking for does not exist (any more). Check the address, or go to the home page.",
  "error.badRequest.title": "We cannot process this request",
  "error.badRequest.body": "Something is wrong with the request. Go back and try again.",
  "error.server.title": "Something went wrong",
  "error.server.body":
    "Something went wrong on our side. Data you saved earlier is not lost. Please try again in a few minutes.",
  "error.backHome": "Go to the home page",
  "table.label": "Table: {name}",
  "layout.nav.mine": "My Rondom",
  "layout.nav.admin": "Administration",
  "layout.signIn": "Sign in",
  "layout.signOut": "Sign out",
  "layout.signedInAs": "Signed in as {name}",

  "cycle.status.draft": "In preparation",
  "cycle.status.nominating": "Nominating raters",
  "cycle.status.collecting": "Collecting feedback",
  "cycle.status.closed": "Closed, report to follow",
  "cycle.status.released": "Reports released",

  "signIn.title": "Sign in",
  "signIn.heading": "Sign in to Rondom",
  "signIn.intro":
    "Enter your work email address. You will receive an email with a sign-in link and a six-digit code. No password needed.",
  "signIn.email": "Email address",
  "signIn.emailHint": "For example name@municipality.nl",
  "signIn.submit": "Send me a sign-in link",
  "signIn.error.email.required": "Enter your email address.",
  "signIn.error.email.invalid": "Enter a valid email address, for example name@municipality.nl.",
  "signIn.rateLimited": {
    one: "You have asked for a sign-in link too often. Please try again in {count} minute.",
    other: "You have asked for a sign-in link too often. Please try again in {count} minutes.",
  },
  "signIn.signedOut": "You have signed out.",
  "signIn.signedOutEverywhere": "You have signed out on all your devices.",
  "signIn.demoHint":
    "This is a demo: on the home page you can sign in as one of the demo people with one click.",
  "signIn.privacy":
    "Rondom uses one cookie to keep you signed in. After two hours without activity (half an hour for HR admins), and in any case after twelve hours, you sign in again.",

  "signIn.code.title": "Enter your code",
  "signIn.code.heading": "Check your mailbox",
  "signIn.code.sent":
    "If {email} is known to Rondom, an email with a sign-in link and a code has just been sent to it. Click the link in the email, or enter the code below.",
  "signIn.code.label": "Six-digit code",
  "signIn.code.hint":
    "The code is valid for {minutes} minutes, works once, and only in the browser you asked for it in.",
  "signIn.code.submit": "Sign in",
  "signIn.code.error.required": "Enter the code from the email.",
  "signIn.code.error.invalid": "A code consists of six digits.",
  "signIn.code.error.wrong":
    "This code is wrong or has expired. After five wrong attempts the code lapses; then ask for a new one.",
  "signIn.code.rateLimited": {
    one: "Too many attempts with a code for this address. Use the link in the email, or try again in {count} minute.",
    other:
      "Too many attempts with a code for this address. Use the link in the email, or try again in {count} minutes.",
  },
  "signIn.code.noMail": "No email? Check your junk mail, check the address, or ask for a new link.",
  "signIn.code.again": "Ask for a new sign-in link",
  "signIn.code.demoOutbox": "Demo: you can also read the email in the outbox.",

  "signIn.link.title": "Sign in with your link",
  "signIn.link.heading": "Sign in to Rondom",
  "signIn.link.body": "Click the button to sign in. The link works once.",
  "signIn.link.submit": "Sign in",
  "signIn.link.otherBrowser.body":
    "This sign-in link was requested in another browser or on another device. If you press the button, you will be signed in here as {name} at {organisation}.",
  "signIn.link.otherBrowser.warning":
    "Are you not {name}, or did someone else give you this link? Then do not press the button: you would be working in someone else's account.",
  "signIn.link.otherBrowser.submit": "Sign in as {name}",
  "signIn.link.invalid.heading": "This sign-in link no longer works",
  "signIn.link.invalid.body":
    "A sign-in link is valid for {minutes} minutes and works once. Perhaps you used it already, or asked for a new one since.",

  "demoSignIn.button": "Sign in as {name}",
  "home.demo.people.more": "All {count} other employees",
  "home.demo.signIn.intro":
    "Sign in as one of these people with one click, without email. Only possible in the demo.",

  "mine.title": "My Rondom",
  "mine.heading": "Welcome, {name}",
  "mine.intro": "Your feedback rounds, the questionnaires waiting for you, and your teams.",
  "mine.rounds.title": "My feedback rounds",
  "mine.rounds.empty": "You are not taking part in a feedback round yet.",
  "mine.rounds.status": "Stage: {status}",
  "mine.rounds.nominationDeadline": "Nominate raters until {date}",
  "mine.rounds.answerDeadline": "Feedback can be given until {date}",
  "mine.rounds.released": "Your report was released on {date}.",
  "mine.rounds.closed": "The round is closed; your report becomes available once HR releases it.",
  "mine.rounds.shared": "You share your results with your manager.",
  "mine.todo.title": "Giving feedback",
  "mine.todo.intro": "These questionnaires are waiting for you. Your answers are anonymous.",
  "mine.todo.empty": "No questionnaires are waiting for you.",
  "mine.todo.self": "Your self-assessment in {cycle}",
  "mine.todo.other": "Feedback for {participant} ({relationship}) in {cycle}",
  "mine.todo.deadline": "by {date}",
  "mine.todo.draft": "partly filled in",
  "mine.todo.open": "Open questionnaire",
  "mine.todo.continue": "Continue",
  "mine.teams.title": "My teams",
  "mine.teams.members": { one: "{count} employee", other: "{count} employees" },
  "mine.teams.profile": "Team profile of {name}",
  "mine.teams.all": "All teams, and comparing teams",
  "mine.admin.title": "Administration",
  "mine.admin.body": "As HR administrator you see the progress of rounds and the audit log.",
  "mine.admin.link": "Go to administration",
  "mine.sessions.title": "Signing in and out",
  "mine.sessions.count": {
    one: "You are signed in on {count} device or browser.",
    other: "You are signed in on {count} devices or browsers.",
  },
  "mine.sessions.everywhere": "Sign out on all devices",
  "mine.sessions.everywhereHint":
    "Use this if you signed in on a shared or lost computer or phone.",

  "team.title": "Team {name}",
  "team.partOf": "Part of {name}",
  "team.lead": "Manager: {name}",
  "team.noLead": "This team has no manager.",
  "team.subTeams": "Teams within {name}",
  "team.members.title": "Employees",
  "team.members.empty": "This team has no employees.",
  "team.members.name": "Name",
  "team.members.jobTitle": "Job title",
  "team.members.round": "Latest feedback round",
  "team.members.noRound": "Not taking part",
  "team.members.shared": "results shared with the manager",
  "team.privacy":
    "You see who takes part and what stage the round is in, never who gave feedback or what they answered.",

  "admin.title": "Administration",
  "admin.heading": "Administration of {organisation}",
  "admin.people": "Active employees",
  "admin.teams": "Teams",
  "admin.cycles.title": "Feedback rounds",
  "admin.cycles.empty": "There are no feedback rounds yet.",
  "admin.cycles.name": "Round",
  "admin.cycles.status": "Stage",
  "admin.cycles.participants": "Participants",
  "admin.cycles.answered": "Answered",
  "admin.cycles.answeredValue": "{answered} of {invited}",
  "admin.privacy": "As HR administrator you see counts, never answers or who answered.",
  "admin.links.title": "More",
  "admin.links.audit": "Audit log",
  "admin.links.outbox": "Outbox (demo and development)",
  "admin.links.profiles": "Competency profiles",

  "audit.title": "Audit log",
  "audit.heading": "Audit log",
  "audit.intro":
    "Who did what and when: sign-ins, sign-outs, wrong codes and every administrative action. Answers to questionnaires never appear here.",
  "audit.filter.label": "Kind of action",
  "audit.filter.all": "All actions",
  "audit.filter.submit": "Show",
  "audit.when": "Time",
  "audit.who": "Who",
  "audit.what": "Action",
  "audit.details": "Details",
  "audit.unknownActor": "unknown",
  "audit.empty": "No entries found.",
  "audit.older": "Older entries",
  "audit.newest": "Back to the newest",
  "audit.caption": "Audit log, newest first",
  "audit.action.sign_in": "Signed in",
  "audit.action.sign_out": "Signed out",
  "audit.action.sign_out_everywhere": "Signed out everywhere",
  "audit.action.sign_in_code_failed": "Wrong sign-in code",
  "audit.action.sign_in_code_burnt": "Sign-in code lapsed after five wrong attempts",
  "audit.method.link": "with a sign-in link",
  "audit.method.code": "with a code",
  "audit.method.demo": "with one click (demo)",
  "audit.subjectPerson": "account of {name}",
  "audit.subjectTeam": "team {name}",
  "audit.teams": { one: "{count} team", other: "{count} teams" },
  "audit.members": { one: "{count} team member", other: "{count} team members" },
  "audit.rater": "rater {name}",
  "audit.raters": "raters: {names}",
  "audit.attempt": "attempt {attempt}",
  "audit.sessionsEnded": { one: "{count} session ended", other: "{count} sessions ended" },

  "outbox.title": "Outbox",
  "outbox.heading": "Outbox",
  "outbox.intro":
    "Without a configured mail server, emails stay here. Personal links and sign-in codes are stored nowhere: they are made only when an email is sent, and on this page when it is shown. Sent emails with personal links no longer show their content here. This page exists only in the demo and during development.",
  "outbox.filter.label": "To (email address)",
  "outbox.filter.submit": "Search",
  "outbox.filter.clear": "All emails",
  "outbox.empty": "No emails found.",
  "outbox.to": "To",
  "outbox.sentAt": "Created",
  "outbox.status": "Status",
  "outbox.status.pending": "waiting to be sent",
  "outbox.status.sending": "being sent",
  "outbox.status.sent": "sent",
  "outbox.status.failed": "failed",
  "outbox.showing": { one: "The {count} newest email.", other: "The {count} newest emails." },
  "outbox.notSent":
    "This email will not be sent any more: none of its links can still be used (withdrawn, answered, expired, or the round has closed).",

  "email.greeting": "Dear {name},",
  "email.footer":
    "This email was sent by Rondom on behalf of {organisation}. Replies to this address are not read.",
  "email.signIn.subject": "Sign in to Rondom ({organisation})",
  "email.signIn.intro": "You asked to sign in to Rondom, the feedback platform of {organisation}.",
  "email.signIn.button": "Sign in to Rondom",
  "email.signIn.severalOrganisations":
    "Your email address belongs to an account in more than one organisation: {organisations}. You get a separate email with its own link and code for each organisation; this email signs you in to {organisation}. If one of those accounts is not yours, please tell HR of that organisation.",
  "email.signIn.codeLabel": "Or enter this code on the sign-in page",
  "email.signIn.validity": "The link and the code are valid for {minutes} minutes and work once.",
  "email.signIn.notYou":
    "Did you not ask for this? Then ignore this email; without the link or the code nobody can sign in.",

  "error.tooManyRequests.title": "Too many requests",
  "audit.action.report_shared_with_lead": "Report shared with manager",
  "audit.action.report_unshared_with_lead": "Report sharing withdrawn",
  "report.sharing.title": "Sharing with your manager",
  "report.sharing.shared":
    "You share this report with {manager}. You can withdraw that at any time.",
  "report.sharing.notShared":
    "Only you see this report. You can share it with {manager}, your manager in this round, who then sees the whole report, comments and the comparison with the previous round included. Every view is recorded.",
  "report.sharing.share": "Share with {manager}",
  "report.sharing.unshare": "Stop sharing",
  "report.sharing.blocked":
    "You cannot share with {manager} now. {manager} has already seen this round's team profile; together with your report, a colleague's results could be worked out from it. This is how Rondom protects your colleagues' anonymity.",
  "report.sharing.notPossible": "Sharing is not possible now.",
  "report.title": "Feedback report",
  "report.heading": "Feedback report of {name}",
  "report.meta": "{cycle} · released on {date}",
  "report.leadView":
    "{name} shared these results with you. Your own answers as manager are left out here, as are the organisation norm and the previous round. Your visit is recorded in the audit log.",
  "report.notReleased.title": "Your report is not available yet",
  "report.notReleased.body":
    "The report of {cycle} becomes available once HR releases the round. You will get an email.",
  "report.print": "Download as PDF",
  "report.printHint": "Choose ‘Save as PDF’ in the print dialog. The report is laid out for A4.",
  "report.howToRead.title": "How to read this report",
  "report.howToRead.body":
    "Colleagues, customers, your manager and you yourself said how often you show the behaviour from the competency profile, from 1 (almost never) to 5 (almost always). ‘Others’ is the average of everyone except you. A group appears separately only when at least {k} people from it answered; otherwise their answers count only in ‘others’. That keeps everyone anonymous.",
  "report.overview.title": "Who gave feedback",
  "report.overview.group": "Group",
  "report.overview.invited": "Invited",
  "report.overview.answered": "Answered",
  "report.summary.title": "Summary",
  "report.summary.strengths": "Your strongest points according to others",
  "report.summary.development": "Your development points according to others",
  "report.summary.blindSpots": "Blind spots",
  "report.summary.blindSpotsIntro":
    "Here you see yourself clearly higher (by at least {gap} points) than others see you.",
  "report.summary.hiddenStrengths": "Hidden strengths",
  "report.summary.hiddenStrengthsIntro":
    "Here others see you clearly higher (by at least {gap} points) than you see yourself.",
  "report.summary.none": "None.",
  "report.summary.item": "{text}: others {others}",
  "report.summary.itemWithSelf": "{text}: others {others}, you {self}",
  "report.summary.noOthers":
    "Too few others gave feedback to show strengths and development points.",
  "report.radar.title": "Your competencies at a glance",
  "report.radar.howToRead":
    "Each spoke is a competency; the further out, the more often the behaviour is seen (1 in the centre, 5 at the edge). Where your line and the others’ line lie far apart, you see yourself differently from how others see you. The same numbers are in the table below.",
  "report.radar.options": "Show in the chart and the table",
  "report.radar.apply": "Show",
  "report.radar.alt": "Radar chart of the competencies: you against others.",
  "report.radar.tableOnly": "in the table only: not enough answers for every competency",
  "report.radar.orgWide": "organisation-wide",
  "report.radar.orgWideNote": "* organisation-wide competency",
  "report.series.self": "You",
  "report.series.others": "Others",
  "report.series.norm": "Organisation norm",
  "report.series.previous": "Others in {cycle}",
  "report.table.competency": "Competency",
  "report.table.indicator": "Behaviour",
  "report.table.n": "Number",
  "report.table.notApplicable": "Not able to judge",
  "report.table.agreement": "Agreement",
  "report.table.caption": "Scores per competency (1 = almost never, 5 = almost always)",
  "report.notShown": "–",
  "report.notShownExplained": "– = not shown to protect anonymity, or no answers.",
  "report.agreement.high": "in agreement",
  "report.agreement.medium": "somewhat divided",
  "report.agreement.low": "divided",
  "report.competencies.title": "Per competency",
  "report.competency.withheld":
    "Some figures of this competency are not shown, because otherwise someone’s answers could be worked out.",
  "report.comments.title": "Comments",
  "report.comments.none": "No comments.",
  "report.comments.hidden": "Comments are shown only when at least {k} others gave feedback.",
  "report.general.title": "General questions",
  "report.general.went_well": "What goes well?",
  "report.general.could_improve": "What could be better?",
  "report.norm.title": "Organisation norm",
  "report.norm.body":
    "The organisation norm is, per competency, the average ‘others’ score of all {count} participants in this round.",
  "report.norm.absent":
    "There is no organisation norm: it needs at least five participants with a score.",
  "report.norm.withheld":
    "For one or more competencies you do not see the organisation norm. You gave feedback to other participants in this round yourself; together with your own answers, the norm there would show the score a few of them received.",
  "report.trend.title": "Change since the previous round",
  "report.trend.body": "Your ‘others’ scores now, next to those from {cycle}.",
  "report.trend.change": "Change",
  "report.trend.absent": "This is your first round with a report; there is nothing to compare yet.",
  "report.commentBy.self": "you",
  "report.commentBy.manager": "manager",
  "report.commentBy.colleague": "colleague",
  "report.commentBy.customer": "customer",
  "report.commentBy.report": "direct report",
  "mine.rounds.openReport": "View your report",
  "team.members.openReport": "view shared report",
  "audit.action.report_viewed_by_lead": "Shared report viewed",
  "audit.action.people_imported": "People imported",
  "audit.action.person_created": "Person added",
  "audit.action.person_updated": "Person changed",
  "audit.action.person_deactivated": "Person deactivated",
  "audit.action.person_reactivated": "Person reactivated",
  "audit.action.team_created": "Team added",
  "audit.action.team_updated": "Team changed",
  "audit.action.cycle_created": "Feedback round created",
  "audit.action.cycle_updated": "Feedback round changed",
  "audit.action.cycle_participants_added": "Participants added",
  "audit.action.cycle_participant_removed": "Participant removed",
  "audit.action.cycle_nominating_started": "Nominations opened",
  "audit.action.cycle_collecting_started": "Invitations sent",
  "audit.action.cycle_closed": "Feedback round closed",
  "audit.action.cycle_released": "Reports released",
  "audit.action.cycle_progress_exported": "Progress exported",
  "audit.action.nominations_submitted": "Nominations submitted",
  "audit.action.nomination_added": "Rater nominated",
  "audit.action.nomination_removed": "Nomination removed",
  "audit.action.nominations_approved": "Nominations approved",
  "audit.action.invitation_revoked": "Invitation revoked",
  "audit.action.invitation_added": "Rater added",
  "audit.action.reminders_sent": "Reminders sent",
  "audit.action.team_profile_viewed": "Team profile viewed",
  "audit.action.team_profile_exported": "Team profile exported",
  "audit.action.team_comparison_viewed": "Teams compared",
  "audit.action.team_comparison_exported": "Team comparison exported",
  "audit.action.team_member_results_viewed": "Team members' results viewed",
};
