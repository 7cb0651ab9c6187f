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
