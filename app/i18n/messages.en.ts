import type { nl } from "./messages.nl";

export const en: Record<keyof typeof nl, string> = {
  "meta.description":
    "Rondom: 360-degree feedback on competency profiles, anonymous and accessible.",

  "layout.skipToContent": "Skip to content",
  "layout.nav.label": "Main menu",
  "layout.nav.home": "Home",
  "layout.nav.profiles": "Competency profiles",
  "layout.language.switch": "Nederlands",
  "layout.footer.tagline": "Rondom: 360-degree feedback on competency profiles.",
  "layout.footer.anonymity":
    "People who give feedback stay anonymous: nobody sees who answered what.",

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
    "Answers are stored without any reference to the invitation or the rater, with only the day they were sent.",
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
  "rater.form.errorSummary.missingOne": "{competency}: 1 question without an answer",
  "rater.form.errorSummary.missingMany": "{competency}: {count} questions without an answer",
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
    "Your answers were stored anonymously: without your name, without any reference to your invitation, and with only the day they were sent.",
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
};
