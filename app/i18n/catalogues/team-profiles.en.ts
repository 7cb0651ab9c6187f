import type { teamProfilesNl } from "./team-profiles.nl";

export const teamProfilesEn: Record<keyof typeof teamProfilesNl, string> = {
  "teams.nav": "Teams",
  "teams.title": "Teams",
  "teams.intro":
    "The teams you may view, by department. A team profile shows the team's mean per competency, only when enough team members have a report; never the results of one person.",
  "teams.empty": "There are no teams you can view.",
  "teams.compare": "Compare teams",
  "teams.teamPage": "Team page",
  "teams.profile": "Team profile",
  "teams.teamPageOf": "Team page of {name}",
  "teams.profileOf": "Team profile of {name}",
  "teams.openProfile": "View team profile",

  "teamProfile.title": "Team profile {team}",
  "teamProfile.heading": "Team profile: {team}",
  "teamProfile.meta": "{cycle}, released on {date}",
  "teamProfile.backToTeam": "To the team page",
  "teamProfile.cycle.label": "Feedback round",
  "teamProfile.cycle.submit": "Show this round",
  "teamProfile.download": "Download CSV",
  "teamProfile.print": "Download as PDF",
  "teamProfile.printHint":
    "Choose ‘Save as PDF’ in the print dialog. The team profile is laid out for A4.",
  "teamProfile.noCycle.title": "No team profile yet",
  "teamProfile.noCycle.body":
    "There is no released feedback round yet in which this team took part. Once the reports of a round are released, the team profile appears here.",
  "teamProfile.howToRead.title": "How to read this profile",
  "teamProfile.howToRead.body":
    "For each competency you see the mean over the team members of the score ‘all others’ gave them; each member counts equally. The scale runs from 1 to 5. A figure is shown only when at least {k} team members have a report with that score, and never when, together with other figures, it would reveal something about one person. A department includes all its teams.",
  "teamProfile.withheldAll.title": "No figures for this team",
  "teamProfile.withheldAll.tooFew":
    "A team profile needs at least {k} team members with a report. That is not the case in this round, so no figures are shown.",
  "teamProfile.withheldAll.differencing":
    "Together with the figures of other teams or of the whole organisation, this team's figures could reveal the results of individual employees. That is why they are not shown.",
  "teamProfile.withheldAll.knownMembers":
    "Together with what you already know (your own report, reports shared with you, or the ratings you gave team members yourself), this team's figures could reveal the results of individual employees or other raters' answers. That is why they are not shown to you.",
  "teamProfile.radar.title": "The team at a glance",
  "teamProfile.radar.howToRead":
    "The chart puts the team's mean next to the organisation norm: the mean of all participants of the round. The table below holds the same figures.",
  "teamProfile.radar.alt":
    "Radar chart of the competencies: the team against the organisation norm.",
  "teamProfile.radar.tableOnly": "only in the table: not a figure for every competency",
  "teamProfile.radar.partial":
    "The chart shows only the competencies for which the team has a figure; the table shows all of them.",
  "teamProfile.radar.tooFewAxes":
    "A chart needs figures for at least three competencies; the table shows the figures.",
  "teamProfile.series.norm": "Organisation norm",
  "teamProfile.orgWideNote": "* organisation-wide competency",
  "teamProfile.table.caption": "Team mean per competency, next to the organisation norm",
  "teamProfile.table.competency": "Competency (cluster)",
  "teamProfile.table.mean": "Team",
  "teamProfile.table.members": "Team members",
  "teamProfile.table.norm": "Norm",
  "teamProfile.table.difference": "Difference with norm",
  "teamProfile.table.previous": "Previous round ({cycle})",
  "teamProfile.table.change": "Change",
  "teamProfile.notShown": "–",
  "teamProfile.notShownExplained":
    "– = no figure (the norm needs at least five participants; a change only when both rounds have a figure).",
  "teamProfile.withheld.too_few": "too few team members",
  "teamProfile.withheld.differencing": "not shown to prevent identification",
  "teamProfile.withheld.known_members": "not shown to prevent identification",
  "teamProfile.trend.body":
    "The columns ‘Previous round’ and ‘Change’ compare the team with {cycle}, the previous released round in which the team took part.",
  "teamProfile.trend.noFigures":
    "The team's previous released round was {cycle}. It has no team figures that can be shown next to this round, so the columns ‘Previous round’ and ‘Change’ stay empty.",
  "teamProfile.trend.absent": "There is no earlier released round of this team to compare with.",
  "teamProfile.reading.title": "In short",
  "teamProfile.reading.norm":
    "Compared with the organisation. Relatively strongest: {strongest}. Relatively weakest: {weakest}.",
  "teamProfile.reading.team":
    "Within the team (the norm is missing for some competencies). Relatively strongest: {strongest}. Relatively weakest: {weakest}.",
  "teamProfile.reading.none": "A short summary needs team figures for at least three competencies.",
  "teamProfile.reading.and": " and ",
  "teamProfile.spread.title": "Spread within the team",
  "teamProfile.spread.intro":
    "How many team members per competency have a score under 3, from 3 to 4, and of 4 or higher. Only for competencies with a team figure.",
  "teamProfile.spread.caption": "Number of team members per score band",
  "teamProfile.spread.low": "Under 3",
  "teamProfile.spread.middle": "3 to 4",
  "teamProfile.spread.high": "4 and higher",
  "teamProfile.spread.none": "There are no competencies with a team figure.",
  "teamProfile.subTeams.title": "Teams within {team}",
  "teamProfile.subTeams.intro": "The department's figures include all these teams.",
  "teamProfile.compare": "Compare teams",
  "teamProfile.compareHint": "Put this team and its teams side by side in one chart.",
  "teamProfile.members.title": "Team members who shared their report with you",
  "teamProfile.members.intro":
    "Only team members whose manager you were in this round and who shared their report with you. The scores are those of ‘all others’, without your own answers. Viewing these results is recorded in the audit log.",
  "teamProfile.members.caption": "Score of all others per competency",
  "teamProfile.members.name": "Name",
  "teamProfile.members.report": "Report",
  "teamProfile.members.open": "Report of {name}",
  "teamProfile.csv.filePrefix": "team-profile",
  "teamProfile.csv.competency": "Competency",
  "teamProfile.csv.cluster": "Cluster",
  "teamProfile.csv.organisationWide": "Organisation-wide",
  "teamProfile.csv.teamMean": "Team mean",
  "teamProfile.csv.members": "Team members",
  "teamProfile.csv.norm": "Organisation norm",
  "teamProfile.csv.normParticipants": "Norm participants",
  "teamProfile.csv.previousMean": "Mean previous round",
  "teamProfile.csv.change": "Change",
  "teamProfile.csv.spreadLow": "Team members under 3",
  "teamProfile.csv.spreadMiddle": "Team members 3 to 4",
  "teamProfile.csv.spreadHigh": "Team members 4 and higher",
  "teamProfile.csv.reason": "Not shown because",
  "teamProfile.csv.yes": "yes",
  "teamProfile.csv.no": "no",
};
