import type { MessageText } from "../messages";
import type { teamComparisonNl } from "./team-comparison.nl";

export const teamComparisonEn: Record<keyof typeof teamComparisonNl, MessageText> = {
  "teamComparison.title": "Compare teams",
  "teamComparison.intro":
    "Choose two or more teams and a round. For each competency you see the mean of the members and how many members are behind it; never the score of one person.",
  "teamComparison.backToTeams": "Back to teams",

  "teamComparison.form.title": "What would you like to compare?",
  "teamComparison.form.teams": "Teams",
  "teamComparison.form.teamsHint": "Choose at least two teams.",
  "teamComparison.form.round": "Round",
  "teamComparison.form.roundOption": "{name} (released {date})",
  "teamComparison.form.latest": "Each team's latest round",
  "teamComparison.form.submit": "Compare",
  "teamComparison.form.none": "Choose at least two teams to compare.",
  "teamComparison.form.one":
    "You chose one team. Choose at least two teams to compare them with each other.",
  "teamComparison.form.onlyOneTeam":
    "You can only choose the teams you lead and the teams below them. With one team there is nothing to compare; open the team profile instead.",
  "teamComparison.form.noTeams": "There are no teams to choose from.",
  "teamComparison.form.noRounds": "No round has been released yet: there are no team figures yet.",

  "teamComparison.result.title": "Comparison",
  "teamComparison.result.round": "Round: {name}",
  "teamComparison.result.latest": "For each team the latest round its members took part in.",
  "teamComparison.result.orgWideOnly":
    "The chosen teams have different competency profiles. That is why only the organisation-wide competencies (*), which are in every profile, are compared.",
  "teamComparison.result.noAxes": "The chosen teams have no competencies in common to compare.",
  "teamComparison.result.noNorm":
    "The organisation norm is not shown: the teams come from different rounds.",
  "teamComparison.result.howToRead":
    "A figure is the mean over the team's members (each member weighs the same) of what others said about them. A figure is only shown when enough members have a score and it cannot be derived from other figures.",
  "teamComparison.radar.title": "The teams in one picture",
  "teamComparison.radar.alt": "Radar chart of the competencies: the chosen teams side by side.",
  "teamComparison.radar.tableOnly": "only in the table: not a figure for every competency",
  "teamComparison.radar.norm": "Organisation norm",
  "teamComparison.series.teamWithRound": "{team} ({round})",
  "teamComparison.table.title": "Figures side by side",
  "teamComparison.table.caption":
    "Mean per competency and team, with the number of members (1 = almost never, 5 = almost always)",
  "teamComparison.table.competency": "Competency",
  "teamComparison.table.members": { one: "{count} member", other: "{count} members" },
  "teamComparison.table.participants": {
    one: "{count} participant",
    other: "{count} participants",
  },
  "teamComparison.table.orgWideNote": "* organisation-wide competency",
  "teamComparison.withheld.title": "Teams without figures",
  "teamComparison.withheld.intro":
    "For these teams no figure is shown at all. They are in the table, with the reason.",
  "teamComparison.withheld.item": "{team}: {reason}",
  "teamComparison.reason.too_few": "not shown: fewer than {k} members with a score",
  "teamComparison.reason.too_fewNoK": "not shown: too few members with a score",
  "teamComparison.reason.differencing":
    "not shown: this figure could be derived from other figures shown",
  "teamComparison.reason.known_members":
    "not shown: together with what you already know (your own ratings included) it would reveal someone's score or answers",
  "teamComparison.reason.not_in_cycle": "no members in this round",
  "teamComparison.print": "Download as pdf",
  "teamComparison.printHint":
    "Choose ‘Save as PDF’ in the print dialog. The comparison is laid out for A4.",
  "teamComparison.csv.link": "Download as CSV (spreadsheet)",

  "teamComparison.csv.filePrefix": "team-comparison",
  "teamComparison.csv.competency": "Competency",
  "teamComparison.csv.mean": "{team}: mean",
  "teamComparison.csv.members": "{team}: number of members",
  "teamComparison.csv.reason": "{team}: not shown because",
  "teamComparison.csv.normMean": "Organisation norm: mean",
  "teamComparison.csv.normMembers": "Organisation norm: number of participants",
};
