// Dutch messages of one feature; merged into messages.nl.ts. Dutch is the source language.
export const teamProfilesNl = {
  "teams.nav": "Teams",
  "teams.title": "Teams",
  "teams.intro":
    "De teams die u mag bekijken, per afdeling. Een teamprofiel toont per competentie het gemiddelde van het team, alleen als genoeg teamleden een rapport hebben; nooit de resultaten van één persoon.",
  "teams.empty": "Er zijn geen teams die u kunt bekijken.",
  "teams.compare": "Teams vergelijken",
  "teams.teamPage": "Teampagina",
  "teams.profile": "Teamprofiel",
  "teams.teamPageOf": "Teampagina van {name}",
  "teams.profileOf": "Teamprofiel van {name}",
  "teams.openProfile": "Teamprofiel bekijken",

  "teamProfile.title": "Teamprofiel {team}",
  "teamProfile.heading": "Teamprofiel: {team}",
  "teamProfile.meta": "{cycle}, vrijgegeven op {date}",
  "teamProfile.backToTeam": "Naar de teampagina",
  "teamProfile.cycle.label": "Feedbackronde",
  "teamProfile.cycle.submit": "Toon deze ronde",
  "teamProfile.download": "Download CSV",
  "teamProfile.print": "Download als pdf",
  "teamProfile.printHint":
    "Kies in het afdrukvenster ‘Opslaan als pdf’. Het teamprofiel is opgemaakt voor A4.",
  "teamProfile.noCycle.title": "Nog geen teamprofiel",
  "teamProfile.noCycle.body":
    "Er is nog geen vrijgegeven feedbackronde waarin dit team meedeed. Zodra de rapporten van een ronde zijn vrijgegeven, staat hier het teamprofiel.",
  "teamProfile.howToRead.title": "Zo leest u dit profiel",
  "teamProfile.howToRead.body":
    "Per competentie ziet u het gemiddelde over de teamleden van de score die ‘alle anderen’ hun gaven; elk teamlid telt even zwaar. De schaal loopt van 1 tot 5. Een cijfer staat er alleen als minstens {k} teamleden een rapport met die score hebben, en nooit als het samen met andere cijfers iets over één persoon zou verraden. Een afdeling omvat al haar teams.",
  "teamProfile.withheldAll.title": "Geen cijfers voor dit team",
  "teamProfile.withheldAll.tooFew":
    "Voor een teamprofiel zijn minstens {k} teamleden met een rapport nodig. In deze ronde is dat niet zo, daarom tonen we geen cijfers.",
  "teamProfile.withheldAll.differencing":
    "Cijfers van dit team zouden, samen met de cijfers van andere teams of van de hele organisatie, de resultaten van individuele medewerkers kunnen verraden. Daarom tonen we ze niet.",
  "teamProfile.withheldAll.knownMembers":
    "Samen met wat u al weet (uw eigen rapport, rapporten die met u zijn gedeeld, of de beoordelingen die u zelf aan teamleden gaf) zouden cijfers van dit team de resultaten van individuele medewerkers of de antwoorden van andere beoordelaars kunnen verraden. Daarom tonen we ze u niet.",
  "teamProfile.radar.title": "Het team in één beeld",
  "teamProfile.radar.howToRead":
    "De grafiek zet het gemiddelde van het team naast de organisatienorm: het gemiddelde van alle deelnemers van de ronde. De tabel eronder bevat dezelfde cijfers.",
  "teamProfile.radar.alt":
    "Radargrafiek van de competenties: het team tegenover de organisatienorm.",
  "teamProfile.radar.tableOnly": "alleen in de tabel: niet voor elke competentie een cijfer",
  "teamProfile.radar.partial":
    "De grafiek toont alleen de competenties waarvoor het team een cijfer heeft; de tabel toont ze allemaal.",
  "teamProfile.radar.tooFewAxes":
    "Voor een grafiek zijn cijfers voor minstens drie competenties nodig; de tabel toont de cijfers.",
  "teamProfile.series.norm": "Organisatienorm",
  "teamProfile.orgWideNote": "* organisatiebrede competentie",
  "teamProfile.table.caption": "Teamgemiddelde per competentie, naast de organisatienorm",
  "teamProfile.table.competency": "Competentie (cluster)",
  "teamProfile.table.mean": "Team",
  "teamProfile.table.members": "Teamleden",
  "teamProfile.table.norm": "Norm",
  "teamProfile.table.difference": "Verschil met norm",
  "teamProfile.table.previous": "Vorige ronde ({cycle})",
  "teamProfile.table.change": "Verandering",
  "teamProfile.notShown": "–",
  "teamProfile.notShownExplained":
    "– = geen cijfer (de norm vraagt minstens vijf deelnemers; een verandering alleen als beide rondes een cijfer hebben).",
  "teamProfile.withheld.too_few": "te weinig teamleden",
  "teamProfile.withheld.differencing": "niet getoond om herleidbaarheid te voorkomen",
  "teamProfile.withheld.known_members": "niet getoond om herleidbaarheid te voorkomen",
  "teamProfile.trend.body":
    "De kolommen ‘Vorige ronde’ en ‘Verandering’ vergelijken het team met {cycle}, de vorige vrijgegeven ronde waarin het team meedeed.",
  "teamProfile.trend.noFigures":
    "De vorige vrijgegeven ronde van dit team was {cycle}. Daarvan zijn geen teamcijfers te tonen die met deze ronde te vergelijken zijn, dus de kolommen ‘Vorige ronde’ en ‘Verandering’ blijven leeg.",
  "teamProfile.trend.absent":
    "Er is geen eerdere vrijgegeven ronde van dit team om mee te vergelijken.",
  "teamProfile.reading.title": "In het kort",
  "teamProfile.reading.norm":
    "Vergeleken met de organisatie. Relatief het sterkst: {strongest}. Relatief het zwakst: {weakest}.",
  "teamProfile.reading.team":
    "Binnen het team (de norm ontbreekt voor een deel van de competenties). Relatief het sterkst: {strongest}. Relatief het zwakst: {weakest}.",
  "teamProfile.reading.none":
    "Voor een korte samenvatting zijn teamcijfers voor minstens drie competenties nodig.",
  "teamProfile.reading.and": " en ",
  "teamProfile.spread.title": "Spreiding binnen het team",
  "teamProfile.spread.intro":
    "Hoeveel teamleden per competentie een score onder 3 hebben, van 3 tot 4, en van 4 of hoger. Alleen voor competenties met een teamcijfer.",
  "teamProfile.spread.caption": "Aantal teamleden per scoreband",
  "teamProfile.spread.low": "Onder 3",
  "teamProfile.spread.middle": "3 tot 4",
  "teamProfile.spread.high": "4 en hoger",
  "teamProfile.spread.none": "Er zijn geen competenties met een teamcijfer.",
  "teamProfile.subTeams.title": "Teams binnen {team}",
  "teamProfile.subTeams.intro": "De cijfers van de afdeling omvatten al deze teams.",
  "teamProfile.compare": "Teams vergelijken",
  "teamProfile.compareHint": "Zet dit team en zijn teams naast elkaar in één grafiek.",
  "teamProfile.members.title": "Teamleden die hun rapport met u deelden",
  "teamProfile.members.intro":
    "Alleen teamleden van wie u in deze ronde de leidinggevende was en die hun rapport met u deelden. De scores zijn die van ‘alle anderen’, zonder uw eigen antwoorden. Dat u deze resultaten bekijkt, wordt vastgelegd in het logboek.",
  "teamProfile.members.caption": "Score van alle anderen per competentie",
  "teamProfile.members.name": "Naam",
  "teamProfile.members.report": "Rapport",
  "teamProfile.members.open": "Rapport van {name}",
  "teamProfile.csv.filePrefix": "teamprofiel",
  "teamProfile.csv.competency": "Competentie",
  "teamProfile.csv.cluster": "Cluster",
  "teamProfile.csv.organisationWide": "Organisatiebreed",
  "teamProfile.csv.teamMean": "Teamgemiddelde",
  "teamProfile.csv.members": "Teamleden",
  "teamProfile.csv.norm": "Organisatienorm",
  "teamProfile.csv.normParticipants": "Deelnemers norm",
  "teamProfile.csv.previousMean": "Gemiddelde vorige ronde",
  "teamProfile.csv.change": "Verandering",
  "teamProfile.csv.spreadLow": "Teamleden onder 3",
  "teamProfile.csv.spreadMiddle": "Teamleden 3 tot 4",
  "teamProfile.csv.spreadHigh": "Teamleden 4 en hoger",
  "teamProfile.csv.reason": "Niet getoond omdat",
  "teamProfile.csv.yes": "ja",
  "teamProfile.csv.no": "nee",
};
