import type { MessageText } from "../messages";
import type { invitationsNl } from "./invitations.nl";

export const invitationsEn: Record<keyof typeof invitationsNl, MessageText> = {
  "invitations.email.invitation.subject": "Your feedback is requested: {cycle}",
  "invitations.email.invitation.intro": {
    one: "{organisation} asks for your feedback in the feedback round “{cycle}”. Your personal link is below.",
    other:
      "{organisation} asks for your feedback in the feedback round “{cycle}”, on {count} questionnaires. Each questionnaire has its own personal link below.",
  },
  "invitations.email.reminder.subject": "Reminder: your feedback for {cycle}",
  "invitations.email.reminder.intro": {
    one: "One questionnaire is still waiting for you in the feedback round “{cycle}” of {organisation}. Your personal link is below.",
    other:
      "{count} questionnaires are still waiting for you in the feedback round “{cycle}” of {organisation}. Each questionnaire has its own personal link below.",
  },
  "invitations.email.link.self": "Your self-assessment",
  "invitations.email.link.manager": "{name}, as manager",
  "invitations.email.link.colleague": "{name}, as colleague",
  "invitations.email.link.customer": "{name}, as customer",
  "invitations.email.link.report": "{name}, as direct report",
  "invitations.email.deadline": {
    one: "Please complete the questionnaire by {deadline}.",
    other: "Please complete the questionnaires by {deadline}.",
  },
  "invitations.email.time":
    "A questionnaire takes about {minutes} minutes. You can save and continue later.",
  "invitations.email.anonymity":
    "Your answers stay anonymous: scores are only shown per group of at least {k} raters, and nobody sees who answered what.",
  "invitations.email.anonymity.selfOnly":
    "Your self-assessment goes into your own report, next to the feedback of others.",
  "invitations.email.managerRecognisable":
    "As the manager you are recognisable in this round: your assessment is shown separately.",
  "invitations.email.personal":
    "These links are personal; please do not forward them. Would you rather not give feedback? You can say so through the link.",

  "invitations.email.reportReady.subject": "Your feedback report is ready ({cycle})",
  "invitations.email.reportReady.intro":
    "Your report of the feedback round “{cycle}” is ready. Sign in to Rondom to read it.",
  "invitations.email.reportReady.button": "Read your report",
  "invitations.email.reportReady.private":
    "Nobody else sees your report unless you share it with your manager yourself.",
  "invitations.email.reportReady.privateNoSharing": "Nobody else sees your report.",

  "invitations.participant.title": "Invitations of {name}",
  "invitations.participant.heading": "Invitations of {name}",
  "invitations.participant.backToCycle": "Back to {cycle}",
  "invitations.participant.privacy":
    "You see who was invited and, per group, how many people answered, never who. That is why an invitation does not say whether it was answered.",
  "invitations.participant.ownParticipation":
    "You take part in this round yourself. Another HR admin adds or revokes your own raters.",
  "invitations.participant.notCollecting":
    "This round is not collecting answers now; invitations can only be revoked or added while it collects.",
  "invitations.participant.counts.title": "Progress per group",
  "invitations.participant.counts.group": "Group",
  "invitations.participant.counts.invited": "Invited",
  "invitations.participant.counts.answered": "Answered",
  "invitations.participant.counts.declined": "Declined",
  "invitations.participant.counts.revoked": "Revoked",
  "invitations.participant.counts.empty": "No invitations have been sent yet.",
  "invitations.participant.counts.withheld": "shown after closing",
  "invitations.participant.counts.withheldNote":
    "A group with a single rater (often the manager or one customer), also a group that was one for a while, does not show during collecting whether that person answered or declined: the count would tell exactly what that one person did, and when. Once the round is closed you see all counts.",
  "invitations.participant.list.title": "Invited raters",
  "invitations.participant.list.rater": "Rater",
  "invitations.participant.list.group": "Group",
  "invitations.participant.list.sentAt": "Sent",
  "invitations.participant.list.action": "Action",
  "invitations.participant.list.empty": "Nobody has been invited (yet).",
  "invitations.participant.list.notSent": "not yet",
  "invitations.participant.revoke": "Revoke",
  "invitations.participant.revokeLabel": "Revoke the invitation of {name}",
  "invitations.participant.revoked.title": "Revoked invitations",
  "invitations.participant.revoked.at": "Revoked",
  "invitations.participant.notice.revoked":
    "The invitation has been revoked: its link no longer works and no more reminders go to it.",
  "invitations.participant.notice.added":
    "The rater has been added and is receiving the invitation by email now.",
  "invitations.participant.add.title": "Add a rater",
  "invitations.participant.add.intro":
    "A rater you add here immediately receives an invitation by email with a personal link.",
  "invitations.participant.add.person.title": "A colleague from the organisation",
  "invitations.participant.add.search.label": "Search by name",
  "invitations.participant.add.person.legend": "Choose a colleague",
  "invitations.participant.add.person.alreadyInvited": "already invited",
  "invitations.participant.add.person.isParticipant": "the participant",
  "invitations.participant.add.external.title": "Someone outside the organisation",
  "invitations.participant.add.external.name": "Name",
  "invitations.participant.add.external.email": "Email address",
  "invitations.participant.add.group.legend": "Gives feedback as",
  "invitations.participant.add.submit": "Add and invite",
  "invitations.participant.error.personRequired": "Choose a colleague from the search results.",
  "invitations.participant.error.groupRequired": "Choose in which role this person gives feedback.",
  "invitations.participant.error.nameRequired": "Enter the name.",
  "invitations.participant.error.nameTooLong": "The name can be at most 100 characters long.",
  "invitations.participant.error.nameNotText":
    "The name contains invisible or control characters (such as one that reverses the reading direction). Type the name again.",
  "invitations.participant.error.emailRequired": "Enter the email address.",
  "invitations.participant.error.emailInvalid":
    "Enter a valid email address, for example name@company.com.",
  "invitations.participant.error.self":
    "{name} is the participant and already fills in the self-assessment.",
  "invitations.participant.error.duplicate":
    "This person or email address has already been invited for {name} in this round. Every rater has one voice: that also holds when the invitation was withdrawn, declined or answered, because a second invitation would count the same person twice. Another address of the same person counts as the same rater: a variant with “+…” before the @ (name+something@…) reaches the same mailbox, and the new address of someone already invited belongs to that same person.",
  "invitations.participant.error.groupClosed": "This round does not have that group.",
  "invitations.participant.error.unknownPerson":
    "This colleague is not (or no longer) in the organisation. Search again.",
  "invitations.participant.error.notCollecting":
    "This is only possible while the round collects answers.",

  "invitations.remind.title": "Send a reminder",
  "invitations.remind.heading": "Send a reminder for {cycle}",
  "invitations.remind.who":
    "Everyone who has not answered or declined yet receives a reminder by email with their own personal links: one email per person, also when they were invited for several participants.",
  "invitations.remind.notWho":
    "People who answered or declined, or whose invitation was revoked, receive nothing. People who received a reminder in the last 24 hours are skipped.",
  "invitations.remind.schedule": "Reminders also go out automatically on the round's schedule.",
  "invitations.remind.submit": "Send reminders",
  "invitations.remind.cancel": "Back to the round",
  "invitations.remind.pastDeadline":
    "The deadline of this round ({deadline}) has passed: the questionnaires are closed, so reminders are no use any more.",
  "invitations.remind.error.pastDeadline": "The deadline has passed; no reminders were sent.",
  "invitations.remind.notice.sent":
    "The reminders have been sent to everyone who has not answered or declined yet.",
};
