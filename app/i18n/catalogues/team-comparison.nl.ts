// Dutch messages of one feature; merged into messages.nl.ts. Dutch is the source language.
export const teamComparisonNl = {
  // The page /teams/vergelijken
  "teamComparison.title": "Teams vergelijken",
  "teamComparison.intro":
    "Kies twee of meer teams en een ronde. U ziet per competentie het gemiddelde van de leden en hoeveel leden erachter zitten; nooit de score van één persoon.",
  "teamComparison.backToTeams": "Terug naar teams",

  // The form
  "teamComparison.form.title": "Wat wilt u vergelijken?",
  "teamComparison.form.teams": "Teams",
  "teamComparison.form.teamsHint": "Kies minstens twee teams.",
  "teamComparison.form.round": "Ronde",
  "teamComparison.form.roundOption": "{name} (vrijgegeven {date})",
  "teamComparison.form.latest": "Per team de laatste ronde",
  "teamComparison.form.submit": "Vergelijk",
  "teamComparison.form.none": "Kies minstens twee teams om te vergelijken.",
  "teamComparison.form.one":
    "U koos één team. Kies minstens twee teams om ze met elkaar te vergelijken.",
  "teamComparison.form.onlyOneTeam":
    "U kunt alleen de teams kiezen die u leidt en de teams daaronder. Met één team is er niets te vergelijken; open dan het teamprofiel.",
  "teamComparison.form.noTeams": "Er zijn geen teams om te kiezen.",
  "teamComparison.form.noRounds": "Er is nog geen vrijgegeven ronde: er zijn nog geen teamcijfers.",

  // The comparison
  "teamComparison.result.title": "Vergelijking",
  "teamComparison.result.round": "Ronde: {name}",
  "teamComparison.result.latest": "Per team de laatste ronde waaraan leden van het team meededen.",
  "teamComparison.result.orgWideOnly":
    "De gekozen teams hebben verschillende competentieprofielen. Daarom vergelijken we alleen de organisatiebrede competenties (*), die in elk profiel staan.",
  "teamComparison.result.noAxes":
    "De gekozen teams hebben geen competenties gemeen om te vergelijken.",
  "teamComparison.result.noNorm":
    "De organisatienorm staat er niet bij: de teams komen uit verschillende rondes.",
  "teamComparison.result.howToRead":
    "Een cijfer is het gemiddelde over de leden van het team (ieder lid telt even zwaar) van wat anderen over hen zeiden. Een cijfer staat er alleen als genoeg leden een score hebben en het niet uit andere cijfers is af te leiden.",
  "teamComparison.radar.title": "De teams in één beeld",
  "teamComparison.radar.alt": "Radargrafiek van de competenties: de gekozen teams naast elkaar.",
  "teamComparison.radar.tableOnly": "alleen in de tabel: niet voor elke competentie een cijfer",
  "teamComparison.radar.norm": "Organisatienorm",
  "teamComparison.series.teamWithRound": "{team} ({round})",
  "teamComparison.table.title": "Cijfers naast elkaar",
  "teamComparison.table.caption":
    "Gemiddelde per competentie en team, met het aantal leden (1 = bijna nooit, 5 = bijna altijd)",
  "teamComparison.table.competency": "Competentie",
  "teamComparison.table.members": { one: "{count} lid", other: "{count} leden" },
  "teamComparison.table.participants": { one: "{count} deelnemer", other: "{count} deelnemers" },
  "teamComparison.table.orgWideNote": "* organisatiebrede competentie",
  "teamComparison.withheld.title": "Teams zonder cijfers",
  "teamComparison.withheld.intro":
    "Van deze teams tonen we geen enkel cijfer. Ze staan wel in de tabel, met de reden.",
  "teamComparison.withheld.item": "{team}: {reason}",
  "teamComparison.reason.too_few": "niet getoond: minder dan {k} leden met een score",
  "teamComparison.reason.too_fewNoK": "niet getoond: te weinig leden met een score",
  "teamComparison.reason.differencing":
    "niet getoond: dit cijfer is af te leiden uit andere getoonde cijfers",
  "teamComparison.reason.known_members":
    "niet getoond: samen met wat u al weet (ook uw eigen beoordelingen) zou dit iemands score of antwoorden prijsgeven",
  "teamComparison.reason.not_in_cycle": "geen leden in deze ronde",
  "teamComparison.print": "Download als pdf",
  "teamComparison.printHint":
    "Kies in het afdrukvenster ‘Opslaan als pdf’. De vergelijking is opgemaakt voor A4.",
  "teamComparison.csv.link": "Download als CSV (spreadsheet)",

  // The CSV export
  "teamComparison.csv.filePrefix": "teamvergelijking",
  "teamComparison.csv.competency": "Competentie",
  "teamComparison.csv.mean": "{team}: gemiddelde",
  "teamComparison.csv.members": "{team}: aantal leden",
  "teamComparison.csv.reason": "{team}: niet getoond omdat",
  "teamComparison.csv.normMean": "Organisatienorm: gemiddelde",
  "teamComparison.csv.normMembers": "Organisatienorm: aantal deelnemers",
};
