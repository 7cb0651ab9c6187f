import type { MessageText } from "../messages";
import type { nominationsNl } from "./nominations.nl";

export const nominationsEn: Record<keyof typeof nominationsNl, MessageText> = {
  // Shared by the participant's and the lead's pages
  "nominations.group.colleague": "Colleagues",
  "nominations.group.customer": "Customers",
  "nominations.group.report": "Direct reports",
  "nominations.status.open": "not submitted yet",
  "nominations.status.submitted": "submitted, waiting for approval",
  "nominations.status.approved": "approved",
  "nominations.page.status": "Status of the nominations: {status}",
  "nominations.page.deadline": "Nominations are open until {date}.",
  "nominations.page.submittedOn": "Submitted on {date}.",
  "nominations.page.approvedOn": "Approved on {date} by {name}.",
  "nominations.page.closed":
    "This round is past its nominating stage (status: {status}). The nominations no longer change.",
  "nominations.page.errorsTitle": "That did not work",
  "nominations.automatic.title": "Invited automatically",
  "nominations.automatic.intro":
    "These invitations come automatically; nobody needs to nominate them.",
  "nominations.automatic.self": "{name}: self-assessment",
  "nominations.automatic.manager": "{name}: manager",
  "nominations.automatic.noManager":
    "No manager is known for this round; HR approves the nominations.",
  "nominations.list.title": "Nominated raters",
  "nominations.list.limits": "{count} nominated · at least {min}, at most {max}",
  "nominations.list.empty": "Nobody yet.",
  "nominations.list.addedOnApproval": "added by the manager or HR",
  "nominations.list.withdraw": "Withdraw",
  "nominations.list.withdrawName": "Withdraw: {name}",
  "nominations.list.remove": "Remove",
  "nominations.list.removeName": "Remove: {name}",
  "nominations.list.removedTitle": "Removed by the manager or HR",
  "nominations.list.removedItem": "{name} ({group})",
  "nominations.problem.tooFew": "{group}: {count} nominated, at least {min} needed.",
  "nominations.problem.tooMany": "{group}: {count} nominated, at most {max} allowed.",
  "nominations.search.title": "Find a colleague",
  "nominations.search.label": "Colleague’s name",
  "nominations.search.hint":
    "At least 2 characters. The participant, the manager and anyone already nominated are left out of the results.",
  "nominations.search.submit": "Search",
  "nominations.search.tooShort": "Type at least 2 characters.",
  "nominations.search.none": "Nobody found for ‘{query}’.",
  "nominations.search.more": "There are more than {max} results; make the search more precise.",
  "nominations.search.caption": "Search results for ‘{query}’",
  "nominations.search.noTeam": "no team",
  "nominations.search.proposeColleague": "Nominate",
  "nominations.search.proposeColleagueName": "Nominate: {name} as a colleague",
  "nominations.search.proposeCustomer": "As customer",
  "nominations.search.proposeCustomerName": "As customer: nominate {name}",
  "nominations.search.addColleague": "Add",
  "nominations.search.addColleagueName": "Add: {name} as a colleague",
  "nominations.search.addCustomer": "As customer",
  "nominations.search.addCustomerName": "As customer: add {name}",
  "nominations.reports.title": "Nominate direct reports",
  "nominations.reports.intro":
    "In this round the people the participant manages directly give feedback as well.",
  "nominations.reports.none": "All direct reports have been nominated.",
  "nominations.reports.propose": "Nominate",
  "nominations.reports.proposeName": "Nominate: {name} as a direct report",
  "nominations.reports.add": "Add",
  "nominations.reports.addName": "Add: {name} as a direct report",
  "nominations.customer.title": "Nominate a customer",
  "nominations.customer.intro":
    "A customer works inside or outside the municipality; an outside address is fine. If the customer is in the staff directory, search above and choose ‘As customer’.",
  "nominations.customer.name": "Name",
  "nominations.customer.email": "Email address",
  "nominations.customer.submit": "Nominate customer",
  "nominations.refusal.self": "The participant is invited to the self-assessment automatically.",
  "nominations.refusal.manager":
    "The manager is invited automatically and does not need to be nominated.",
  "nominations.refusal.already_nominated":
    "This person or this email address has been nominated already. Another address of the same person counts too: a variant with “+…” before the @ (name+something@…), or the new address of someone already nominated.",
  "nominations.refusal.removed_by_lead":
    "The manager removed this rater; only the manager or HR can bring them back.",
  "nominations.refusal.group_closed": "This group is not part of the nominations in this round.",
  "nominations.refusal.not_direct_report":
    "Only people the participant manages directly belong in the direct reports group.",
  "nominations.refusal.direct_report_as_colleague":
    "Someone the participant manages belongs in the direct reports group, not among the colleagues.",
  "nominations.refusal.group_full": "This group is full: the maximum has been reached.",
  "nominations.refusal.unknown_person": "This person is not (or no longer) in the staff directory.",
  "nominations.refusal.closed": "The nominations of this round are closed.",
  "nominations.refusal.submitted":
    "The nominations have been submitted; only the manager or HR can still change them.",
  "nominations.refusal.not_submitted": "The participant has not submitted the nominations yet.",
  "nominations.refusal.approved": "The nominations have been approved already.",
  "nominations.refusal.decided_by_lead":
    "The manager or HR added this rater; only they can remove them.",
  "nominations.refusal.limits": "The nominations are not yet within the limits per group:",
  "nominations.form.nameRequired": "Enter the customer’s name.",
  "nominations.form.nameTooLong": "Use at most 120 characters for the name.",
  "nominations.form.nameNotText":
    "The name contains invisible or control characters (such as one that reverses the reading direction). Type the name again.",
  "nominations.form.emailRequired": "Enter the customer’s email address.",
  "nominations.form.emailInvalid": "Enter a valid email address, for example name@company.com.",
  "nominations.form.choiceMissing": "Choose someone from the list first.",
  "nominations.notice.proposed": "The rater has been nominated.",
  "nominations.notice.withdrawn": "The nomination of this rater has been withdrawn.",
  "nominations.notice.submitted":
    "The nominations have been submitted. The manager gets an email asking for approval.",
  "nominations.notice.added": "The rater has been added.",
  "nominations.notice.removed": "The rater has been removed.",
  "nominations.notice.approved":
    "The nominations have been approved; the participant gets an email.",
  "nominations.notice.approvedAll": "Nominations approved: {count}.",

  // The participant's page
  "nominations.propose.title": "Nominate raters",
  "nominations.propose.heading": "Nominate raters",
  "nominations.propose.headingFor": "Nominate raters for {name}",
  "nominations.propose.onBehalf":
    "You are acting as HR admin on behalf of {name}. What you change here goes into the audit log.",
  "nominations.propose.intro":
    "Choose who gives feedback in {cycle}: colleagues from the staff directory and customers. The manager approves the nominations.",
  "nominations.propose.submittedNote":
    "The nominations have been submitted. Only the manager or HR can still change them.",
  "nominations.propose.toReview": "Go to the approval of these nominations",
  "nominations.submit.title": "Submit to the manager",
  "nominations.submit.intro":
    "Done? Then submit the nominations. After that only {manager} or HR can change anything; {manager} gets an email asking for approval.",
  "nominations.submit.introNoManager":
    "Done? Then submit the nominations. After that only HR can change anything.",
  "nominations.submit.notReady": "Not ready to submit yet:",
  "nominations.submit.button": "Submit to manager",

  // The lead's page for one participant
  "nominations.review.title": "Approve nominations",
  "nominations.review.heading": "Nominations of {name}",
  "nominations.review.back": "All nominations",
  "nominations.review.cycle": "Round: {cycle}",
  "nominations.review.notSubmitted":
    "{name} has not submitted the nominations yet. You can change and approve them once that has happened.",
  "nominations.review.notSubmittedHr":
    "{name} has not submitted the nominations yet. As HR admin you can change and approve them anyway.",
  "nominations.review.actForParticipant": "Nominate and submit on behalf of {name}",
  "nominations.review.warningTitle": "Fewer than the minimum",
  "nominations.review.warningBody":
    "You can approve anyway, for instance when there are no more suitable raters. The report shows a group only with enough answers.",
  "nominations.review.addTitle": "Add a rater",
  "nominations.review.addCustomerTitle": "Add a customer",
  "nominations.review.addCustomerSubmit": "Add customer",
  "nominations.review.approveTitle": "Approve",
  "nominations.review.approveIntro":
    "After approval {name} gets an email. Rondom also tells {name} about changes made afterwards, until the round starts.",
  "nominations.review.approveButton": "Approve nominations",
  "nominations.review.approvedNote":
    "Approved. If you change anything, {name} gets an email about it.",

  // The lead's queue
  "nominations.queue.title": "Approve nominations",
  "nominations.queue.heading": "Approve nominations",
  "nominations.queue.intro":
    "Nominations of the people you manage, in rounds in which raters are being nominated now.",
  "nominations.queue.introHr":
    "As HR admin you see the nominations of everyone in the organisation, and can act for anyone.",
  "nominations.queue.waitingTitle": "Waiting for approval",
  "nominations.queue.waitingEmpty": "No nominations are waiting for approval.",
  "nominations.queue.openTitle": "Not submitted yet",
  "nominations.queue.approvedTitle": "Approved already",
  "nominations.queue.participant": "Participant",
  "nominations.queue.cycle": "Round",
  "nominations.queue.submitted": "Submitted",
  "nominations.queue.nominated": "Nominated",
  "nominations.queue.remarks": "Remark",
  "nominations.queue.withinLimits": "within the limits",
  "nominations.queue.tooFew": "fewer than the minimum: {groups}",
  "nominations.queue.view": "View",
  "nominations.queue.viewName": "View: nominations of {name}",
  "nominations.queue.approveAll": "Approve all",
  "nominations.queue.approveAllHint":
    "Approves all {count} submitted nominations above, also those with fewer than the minimum. Every participant gets an email.",

  // Mijn Rondom
  "nominations.mine.todoTitle": "To do",
  "nominations.mine.nominate": "Nominate raters for {cycle}",
  "nominations.mine.deadline": "by {date}",
  "nominations.mine.start": "Nominate raters",
  "nominations.mine.view": "View your nominations",
  "nominations.mine.approvals": {
    one: "Approve {count} nomination",
    other: "Approve {count} nominations",
  },
  "nominations.mine.approvalsLink": "Go to approvals",
  "nominations.mine.countsCaption": "Responses per group in {cycle}",
  "nominations.mine.countsGroup": "Group",
  "nominations.mine.countsInvited": "Invited",
  "nominations.mine.countsAnswered": "Answered",
  "nominations.mine.countsDeclined": "Declined",
  "nominations.mine.countsNote": "Counts only: nobody sees who answered what.",
  "nominations.invited.title": "Who was asked for feedback about you",
  "nominations.invited.summary": "Who was asked for feedback about you ({count})",
  "nominations.invited.intro":
    "Everyone invited to rate you, including anyone your manager or HR added. You never see who answered or declined.",
  "nominations.invited.empty": "Nobody has been invited (yet).",
  "nominations.invited.item": "{name}, as {group}",
  "nominations.invited.addedLater": "added later by HR",
  "nominations.invited.withdrawn": "invitation withdrawn by HR",
  "nominations.mine.countsWithheld": "shown after closing",
  "nominations.mine.countsWithheldNote":
    "A group with a single rater, such as your manager, shows whether that person answered or declined only once the round is closed: otherwise you would see exactly what that one person did, and when.",

  // Mails
  "nominations.email.request.subject": "Nominate your raters: {cycle}",
  "nominations.email.request.intro":
    "For the feedback round {cycle} of {organisation} you nominate the colleagues and customers who give feedback about you. Your manager then approves the nominations.",
  "nominations.email.request.deadline": "Please do so by {date}.",
  "nominations.email.request.button": "Nominate raters",
  "nominations.email.request.automatic":
    "You and your manager are invited automatically; you do not need to nominate yourselves.",
  "nominations.email.review.subject": "Approve the nominations of {participant}",
  "nominations.email.review.intro":
    "{participant} has nominated raters for the feedback round {cycle}. Would you review and approve the nominations?",
  "nominations.email.review.deadline": "Please do so by {date}.",
  "nominations.email.review.button": "Review nominations",
  "nominations.email.review.changes": "You can remove or add raters before you approve.",
  "nominations.email.decision.approvedSubject": "Your nominations have been approved: {cycle}",
  "nominations.email.decision.changedSubject": "Your raters have been changed: {cycle}",
  "nominations.email.decision.approvedIntro":
    "{actor} has approved your nominations for the feedback round {cycle}.",
  "nominations.email.decision.changedIntro":
    "{actor} has changed your raters for the feedback round {cycle}.",
  "nominations.email.decision.removed": "Removed: {names}.",
  "nominations.email.decision.added": "Added: {names}.",
  "nominations.email.decision.next":
    "As soon as the round starts, your raters get an invitation by email.",
  "nominations.email.decision.button": "View your nominations",
};
