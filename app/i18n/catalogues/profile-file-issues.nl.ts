import type { MessageText } from "../messages";

// Dutch texts of the problems the profile parsers find in a file or a pasted text; merged into
// messages.nl.ts. Each key is `profiles.fileIssue.<code>`, the code a ProfileFileIssue carries
// (app/profiles/file-issues.ts). These texts are also the command line's: the Dutch `message`
// of an issue is rendered from here. `{#een-id}` is literal text, not a placeholder.
// `as const`: the placeholders of each text type the parameters its code is given.
export const profileFileIssuesNl = {
  // Markdown in Rondom's format: the front matter
  "profiles.fileIssue.frontMatterMissing":
    "het bestand moet beginnen met front matter: een regel met alleen ---",
  "profiles.fileIssue.frontMatterUnclosed":
    "de front matter wordt niet afgesloten met een regel met alleen ---",
  "profiles.fileIssue.invalidYaml": "ongeldige YAML in de front matter: {reason}",
  "profiles.fileIssue.frontMatterNotFields":
    "de front matter moet bestaan uit regels als `id: ...` en `name: ...`",
  "profiles.fileIssue.unknownField": 'onbekend veld "{name}" (toegestaan: {allowed})',
  "profiles.fileIssue.unknownFieldIn": 'onbekend veld "{name}" in {within} (toegestaan: {allowed})',

  // Markdown in Rondom's format: headings, descriptions and bullets
  "profiles.fileIssue.clusterWithoutId": "cluster zonder id: zet {#een-id} aan het eind van de kop",
  "profiles.fileIssue.competencyBeforeCluster":
    "competentie vóór de eerste cluster: zet eerst een clusterkop (# ...)",
  "profiles.fileIssue.competencyWithoutId":
    "competentie zonder id: zet {#een-id} aan het eind van de kop",
  "profiles.fileIssue.indicatorWithoutId":
    "gedragsindicator zonder id: zet {#een-id} aan het eind van de regel",
  "profiles.fileIssue.textBeforeCluster":
    "tekst vóór de eerste cluster: begin met een clusterkop (# ...)",
  "profiles.fileIssue.textUnderCluster":
    "tekst direct onder een cluster: een beschrijving hoort onder een competentie (## ...)",
  "profiles.fileIssue.textAfterIndicators":
    "tekst na de gedragsindicatoren: zet de beschrijving vóór de opsomming",
  "profiles.fileIssue.indicatorBeforeCompetency":
    "gedragsindicator vóór de eerste competentie: zet eerst een kop ## ...",
  "profiles.fileIssue.headingWithoutSpace": "zet een spatie na # in een kop",
  "profiles.fileIssue.headingTooDeep":
    "alleen # (cluster) en ## (competentie) zijn toegestaan als kop",

  // Plain text as municipalities publish it
  "profiles.fileIssue.tooLarge": "bestand is te groot ({kilobytes} KB; maximaal {max} KB)",
  "profiles.fileIssue.notText":
    "dit lijkt geen tekstbestand (het bevat veel stuur- of onleesbare tekens)",
  "profiles.fileIssue.unreadableCharacter":
    "onleesbaar teken (\uFFFD): sla het bestand op als UTF-8 en importeer opnieuw",
  "profiles.fileIssue.empty": "het bestand is leeg",
  "profiles.fileIssue.noIndicators":
    "geen gedragsindicatoren gevonden: elke competentie heeft een opsomming nodig (regels die beginnen met •, -, * of 1.)",
  "profiles.fileIssue.indicatorsBeforeFirstCompetency":
    "gedragsindicatoren vóór de eerste competentie: zet er een competentienaam boven",
  "profiles.fileIssue.tooManyHeadings":
    'onverwachte kopregel "{heading}": vóór een beschrijving horen hoogstens een clusterkop en een competentienaam',
  "profiles.fileIssue.notAName":
    '"{text}" staat waar een competentienaam verwacht wordt (een korte kopregel met een hoofdletter, hoogstens {maxWords} woorden, zonder punt aan het eind)',
  "profiles.fileIssue.nameOrDescription":
    'is "{line}" een competentie, of de eerste regel van de beschrijving van "{heading}"? Zet een lege regel tussen kop en beschrijving',
  "profiles.fileIssue.headingInDescription":
    'is "{line}" een nieuwe competentie, of hoort deze regel bij de beschrijving van "{competency}"? Zet een lege regel boven een nieuwe competentie, of voeg de regel bij de regel erboven',
  "profiles.fileIssue.indicatorOrHeading":
    'hoort "{line}" bij de gedragsindicator van regel {indicatorLine}, of is het een kop? Zet een lege regel boven een kop, of zet de gedragsindicator op één regel',
  "profiles.fileIssue.missingDescription":
    'competentie "{competency}" heeft als enige geen beschrijving: is "{competency}" de beschrijving van "{cluster}"? Sluit een beschrijving af met een punt, of zet een lege regel tussen clusterkop en competentie',
  "profiles.fileIssue.numberedAmongSymbols":
    '"{item}" is genummerd met "{marker}", de opsomming eromheen niet (regel {otherLine}): is het een kop? Haal dan "{marker}" weg',
  "profiles.fileIssue.numberingBreaks":
    '"{item}" is genummerd met "{marker}", maar volgt op "{previous}" (regel {previousLine}): is het een kop? Haal dan "{marker}" weg',
  "profiles.fileIssue.noCluster": 'geen clusterkop gevonden vóór competentie "{competency}"',
  "profiles.fileIssue.duplicate":
    'competentie "{competency}" komt twee keer voor (eerder op regel {firstLine})',
  "profiles.fileIssue.withoutIndicators":
    'competentie "{competency}" heeft geen gedragsindicatoren',
  "profiles.fileIssue.trailingText":
    'tekst na de laatste gedragsindicator hoort nergens bij: "{text}"',

  // A folder of profile files (surveys/, the command line)
  "profiles.fileIssue.folderUnreadable":
    "map met competentieprofielen niet gevonden of niet leesbaar",
  "profiles.fileIssue.fileUnreadable": "bestand kan niet gelezen worden",
  "profiles.fileIssue.fileNameMismatch":
    "de bestandsnaam moet {id}.md zijn, gelijk aan het id van het profiel",
  "profiles.fileIssue.profileIdTaken": 'profiel-id "{id}" wordt ook gebruikt in {file}',

  // The profile's rules (app/profiles/schema.ts)
  "profiles.fileIssue.notSlug":
    "moet een slug zijn: kleine letters, cijfers en streepjes (bijv. kennis-van-de-klant-1)",
  "profiles.fileIssue.scaleNotConsecutive":
    "de waarden van de schaal moeten opeenvolgend oplopen (1, 2, 3, …)",
  "profiles.fileIssue.competencyWithoutIndicator":
    "een competentie heeft minstens één gedragsindicator",
  "profiles.fileIssue.clusterWithoutCompetency": "een cluster heeft minstens één competentie",
  "profiles.fileIssue.profileWithoutCluster": "een profiel heeft minstens één cluster",
  "profiles.fileIssue.idTakenByCluster": 'id "{id}" is al gebruikt door cluster "{cluster}"',
  "profiles.fileIssue.idTakenByCompetency":
    'id "{id}" is al gebruikt door competentie "{competency}"',
  "profiles.fileIssue.idTakenByIndicator":
    'id "{id}" is al gebruikt door een gedragsindicator van "{competency}"',
  "profiles.fileIssue.competencyTwice": 'competentie "{competency}" komt twee keer voor',

  // A field that breaks a rule: the field, then what is wrong with it
  "profiles.fileIssue.fieldIssue": "{field}: {issue}",
  "profiles.fileIssue.missing": "ontbreekt",
  "profiles.fileIssue.expectedText": "moet tekst zijn",
  "profiles.fileIssue.expectedNumber": "moet een getal zijn",
  "profiles.fileIssue.expectedWholeNumber": "moet een geheel getal zijn",
  "profiles.fileIssue.expectedList": "moet een lijst zijn",
  "profiles.fileIssue.expectedFields": "moet bestaan uit velden (regels als `naam: waarde`)",
  "profiles.fileIssue.notOneOf": "moet een van deze waarden zijn: {options}",
  "profiles.fileIssue.invalidValue": "ongeldige waarde",
  "profiles.fileIssue.textTooShort": {
    one: "te kort: minstens {count} teken",
    other: "te kort: minstens {count} tekens",
  },
  "profiles.fileIssue.textTooLong": {
    one: "te lang: hoogstens {count} teken",
    other: "te lang: hoogstens {count} tekens",
  },
  "profiles.fileIssue.tooFewItems": {
    one: "te weinig: er is er minstens {count} nodig",
    other: "te weinig: er zijn er minstens {count} nodig",
  },
  "profiles.fileIssue.tooManyItems": "te veel: hoogstens {count}",
  "profiles.fileIssue.numberTooSmall": "te klein: minstens {min}",
  "profiles.fileIssue.numberTooLarge": "te groot: hoogstens {max}",

  // The fields, as the problems above name them
  "profiles.fileIssue.label.frontMatterField": 'veld "{name}"',
  "profiles.fileIssue.label.frontMatterSubfield": 'veld "{name}", "{subfield}"',
  "profiles.fileIssue.label.scalePoint": 'veld "scale", "points", punt {point}',
  "profiles.fileIssue.label.scalePointField": 'veld "scale", "points", punt {point}, "{subfield}"',
  "profiles.fileIssue.label.clusters": "clusters",
  "profiles.fileIssue.label.cluster": "cluster",
  "profiles.fileIssue.label.clusterId": "id van het cluster",
  "profiles.fileIssue.label.clusterName": "naam van het cluster",
  "profiles.fileIssue.label.competency": "competentie",
  "profiles.fileIssue.label.competencyId": "id van de competentie",
  "profiles.fileIssue.label.competencyName": "naam van de competentie",
  "profiles.fileIssue.label.competencyDescription": "beschrijving van de competentie",
  "profiles.fileIssue.label.indicator": "gedragsindicator",
  "profiles.fileIssue.label.indicatorId": "id van de gedragsindicator",
  "profiles.fileIssue.label.indicatorText": "tekst van de gedragsindicator",
  "profiles.fileIssue.label.profile": "profiel",
  "profiles.fileIssue.label.profileId": "profiel-id",
  "profiles.fileIssue.label.profileName": "profielnaam",
} as const satisfies Record<`profiles.fileIssue.${string}`, MessageText>;
