// Dutch comment pools for the demo. Placeholders: {naam} = the participant's first name,
// {competentie} = the competency name in lowercase, {Competentie} = capitalised.

export type Topic =
  | "klantkennis"
  | "vakkennis"
  | "organisatiekennis"
  | "communiceren"
  | "klantgericht"
  | "plannen"
  | "accuraat"
  | "incasseringsvermogen"
  | "samenwerken"
  | "overig";

const TOPICS_BY_NAME: Record<string, Topic> = {
  "kennis van de klant": "klantkennis",
  "kennis van het vak": "vakkennis",
  "kennis van de organisatie": "organisatiekennis",
  communiceren: "communiceren",
  "klantgericht werken": "klantgericht",
  "plannen en organiseren": "plannen",
  accuraat: "accuraat",
  incasseringsvermogen: "incasseringsvermogen",
  samenwerken: "samenwerken",
  // Competencies of the other built-in profiles whose comments read like one of the above.
  "kennis van wet- en regelgeving": "vakkennis",
  "kennis van projectmatig werken": "plannen",
  stressbestendigheid: "incasseringsvermogen",
};

/** The comment topic of a competency, recognised by its name; unknown names get "overig". */
export function topicOf(competencyName: string): Topic {
  const name = competencyName.replace(/\*+/g, "").trim().toLocaleLowerCase("nl");
  return TOPICS_BY_NAME[name] ?? "overig";
}

interface TonePools {
  positive: readonly string[];
  constructive: readonly string[];
}

export const COMPETENCY_COMMENTS: Record<Topic, TonePools> = {
  klantkennis: {
    positive: [
      "{naam} weet precies wat er speelt bij de inwoners en organisaties voor wie we werken.",
      "Kent de klantgroepen goed en vertaalt signalen uit de wijk snel naar het werk.",
      "Heeft een sterk netwerk bij maatschappelijke partners en weet wie je waarvoor nodig hebt.",
      "Laat goed zien wat beleid in de praktijk voor inwoners betekent.",
      "Denkt bij elk voorstel na over de uitvoerbaarheid voor de mensen om wie het gaat.",
    ],
    constructive: [
      "Ik zou graag zien dat {naam} vaker zelf gaat kijken wat er bij de klant speelt.",
      "De wensen van specifieke klantgroepen komen soms pas laat in beeld.",
      "De effecten voor inwoners mogen beter onderbouwd worden, met cijfers of voorbeelden.",
      "Het netwerk bij externe partners is nog beperkt; investeer daar wat meer tijd in.",
      "Soms wordt uitgegaan van aannames over de klant in plaats van het echt na te vragen.",
    ],
  },
  vakkennis: {
    positive: [
      "Is altijd goed op de hoogte van nieuwe wet- en regelgeving en deelt dat met het team.",
      "Een echte specialist: bij inhoudelijke vragen is {naam} mijn eerste aanspreekpunt.",
      "Weet snel de juiste interne bronnen te vinden als het ingewikkeld wordt.",
      "Houdt de ontwikkelingen in het vakgebied goed bij en past ze direct toe.",
      "Zet de eigen vakkennis ook buiten het eigen werkveld goed in.",
    ],
    constructive: [
      "Wijzigingen in regelgeving worden niet altijd tijdig opgepikt; een vaste nieuwsbrief kan helpen.",
      "Zou de eigen vakkennis vaker mogen delen, bijvoorbeeld in het teamoverleg.",
      "Bij inhoudelijke vragen wordt soms te snel naar anderen doorverwezen.",
      "Een cursus over de recente wetswijzigingen lijkt me zinvol.",
      "In adviezen is niet altijd duidelijk voor wie een regeling precies bedoeld is.",
    ],
  },
  organisatiekennis: {
    positive: [
      "Weet feilloos wie je binnen het gemeentehuis moet hebben voor welke vraag.",
      "Betrekt collega's van andere afdelingen op het juiste moment.",
      "Kan goed uitleggen wat de koers van het college betekent voor ons werk.",
      "Heeft een breed intern netwerk en zet dat in om dingen voor elkaar te krijgen.",
    ],
    constructive: [
      "Betrekt andere afdelingen soms te laat, waardoor we achteraf moeten bijsturen.",
      "Kan de koers van de organisatie nog beter vertalen naar het eigen werk.",
      "Zoekt veel zelf uit terwijl een collega elders in huis het antwoord al heeft.",
      "Het interne netwerk mag breder; ga eens langs bij andere teams.",
    ],
  },
  communiceren: {
    positive: [
      "Luistert echt en vat daarna helder samen wat er is afgesproken.",
      "Schrijft heldere notities en mails; je weet meteen waar je aan toe bent.",
      "Durft een fout toe te geven en legt dan uit hoe het anders kan.",
      "Informeert betrokken afdelingen altijd op tijd.",
      "Maakt duidelijke afspraken en legt ze ook vast.",
    ],
    constructive: [
      "Vraagt soms te weinig door, waardoor er misverstanden ontstaan.",
      "Mails zijn vaak lang; kom sneller tot de kern.",
      "Betrokken collega's horen wijzigingen soms pas achteraf.",
      "Maakt in overleggen niet altijd concreet wie wat gaat doen.",
      "Zou in gesprekken vaker kunnen checken of de boodschap is overgekomen.",
    ],
  },
  klantgericht: {
    positive: [
      "Legt regels en procedures uit in begrijpelijke taal, zonder jargon.",
      "Neemt klantsignalen serieus en zorgt dat ze bij de juiste persoon terechtkomen.",
      "Denkt mee met de klant en zoekt naar een oplossing binnen de regels.",
      "Blijft vriendelijk en geduldig, ook in lastige gesprekken.",
      "Houdt klanten goed op de hoogte van de voortgang van hun aanvraag.",
    ],
    constructive: [
      "De uitleg over procedures is soms te ambtelijk voor de klant.",
      "Terugkoppeling aan de klant blijft weleens liggen.",
      "Zou vaker kunnen doorvragen naar wat de klant eigenlijk nodig heeft.",
      "Kan de klant actiever meenemen in het proces, bijvoorbeeld met een tussentijds bericht.",
    ],
  },
  plannen: {
    positive: [
      "Heeft het eigen werk goed op orde en haalt deadlines zonder stress.",
      "Weet goed te prioriteren als er veel tegelijk op ons afkomt.",
      "Bewaakt de voortgang en trekt op tijd aan de bel als iets dreigt uit te lopen.",
      "Stemt de planning vooraf af met de mensen die nodig zijn.",
    ],
    constructive: [
      "Raakt bij drukte het overzicht weleens kwijt; een weekplanning kan helpen.",
      "Dingen blijven soms liggen tot vlak voor de deadline.",
      "Zou eerder kunnen aangeven wanneer iets niet haalbaar is.",
      "Laat zich makkelijk afleiden door nieuwe vragen en verliest dan de prioriteiten uit het oog.",
      "Betrek anderen eerder bij de planning, dan hoeven ze niet op het laatste moment in te springen.",
    ],
  },
  accuraat: {
    positive: [
      "Werkt uiterst zorgvuldig; in de stukken van {naam} vind je zelden een fout.",
      "Dossiers zijn altijd compleet en netjes geordend.",
      "Levert gegevens volledig en op tijd aan, ook als het druk is.",
      "Heeft oog voor detail zonder het grote geheel uit het oog te verliezen.",
    ],
    constructive: [
      "Bij haast sluipen er slordigheden in; een extra controle voordat iets de deur uitgaat helpt.",
      "Dossiers staan niet altijd volgens de afspraken opgeslagen, waardoor ik moet zoeken.",
      "Gegevens komen soms onvolledig binnen, zodat ik moet nabellen.",
      "Zou de registratie in het zaaksysteem consequenter mogen bijhouden.",
    ],
  },
  incasseringsvermogen: {
    positive: [
      "Kan goed tegen kritiek en gaat er constructief mee aan de slag.",
      "Blijft rustig en gefocust, ook als een project tegenzit.",
      "Staat open voor andere ideeën en neemt ze serieus.",
      "Leert zichtbaar van feedback; ik zie echt groei het afgelopen jaar.",
    ],
    constructive: [
      "Schiet bij kritiek snel in de verdediging; probeer eerst te luisteren.",
      "Laat zich door tegenslag soms te lang uit het veld slaan.",
      "Zou meer open kunnen staan voor een andere aanpak dan de eigen.",
      "Neemt feedback soms persoonlijk op, terwijl het over de inhoud gaat.",
    ],
  },
  samenwerken: {
    positive: [
      "Een fijne collega die altijd bereid is om bij te springen.",
      "Werkt goed samen met andere beleidsvelden en zoekt actief de verbinding.",
      "Komt afspraken na; je kunt op {naam} bouwen.",
      "Deelt informatie ruim en op tijd met het team.",
      "Zet het gezamenlijke doel voorop, ook als het niet het eigen dossier is.",
    ],
    constructive: [
      "Werkt vaak op een eigen eiland; betrek collega's eerder.",
      "De overdracht bij afwezigheid kan beter; ik moest laatst veel zelf uitzoeken.",
      "Afspraken worden niet altijd op tijd nagekomen.",
      "Zou vaker hulp kunnen aanbieden als een collega het druk heeft.",
    ],
  },
  overig: {
    positive: [
      "Op het gebied van {competentie} is {naam} een voorbeeld voor anderen.",
      "{Competentie}: hier zie ik duidelijk een sterke kant.",
      "Bij {competentie} laat {naam} steeds zien hoe het moet.",
    ],
    constructive: [
      "Bij {competentie} zie ik nog ruimte voor groei.",
      "Op {competentie} mag {naam} zich nog verder ontwikkelen.",
      "{Competentie} verdient wat meer aandacht in het komende jaar.",
    ],
  },
};

/** For a rater whose scores on a competency are in the middle. */
export const MIXED_COMMENTS = [
  "Bij {competentie} zie ik een wisselend beeld: soms sterk, soms minder.",
  "{Competentie} gaat meestal goed, maar onder druk wat minder.",
  "Op {competentie} is {naam} op de goede weg; nog iets meer consistentie zou mooi zijn.",
  "{Competentie} is geen zwakke plek, maar ook nog geen uitgesproken kracht.",
];

export const GENERAL_COMMENTS = {
  colleague: {
    went_well: [
      "De betrokkenheid bij het werk en bij het team.",
      "{naam} is betrouwbaar en prettig in de omgang.",
      "Altijd bereikbaar en behulpzaam, ook als het druk is.",
      "De positieve houding: {naam} ziet mogelijkheden in plaats van problemen.",
      "Inhoudelijk sterk en goed voorbereid op overleggen.",
      "Denkt mee en komt met praktische oplossingen.",
      "Brengt rust en humor in het team.",
      "Pakt nieuwe taken zonder morren op.",
    ],
    could_improve: [
      "Meer van zich laten horen in overleggen; de ideeën van {naam} zijn waardevol.",
      "Af en toe nee zeggen, zodat de eigen taken niet in het gedrang komen.",
      "Eerder hulp vragen als iets vastloopt.",
      "Meer overzicht houden als er veel tegelijk speelt.",
      "Eigenlijk weinig; blijf vooral zo doorgaan.",
      "Successen wat vaker delen met de rest van de afdeling.",
      "Wat vaker de tijd nemen om nieuwe collega's in te werken.",
    ],
  },
  customer: {
    went_well: [
      "Snel en vriendelijk geholpen, met duidelijke uitleg.",
      "Goed bereikbaar en denkt echt mee.",
      "Heldere communicatie over wat we konden verwachten.",
      "Deskundig en betrokken; een prettige samenwerking.",
      "Ik voelde me serieus genomen met mijn vraag.",
    ],
    could_improve: [
      "De terugkoppeling liet soms lang op zich wachten.",
      "Minder ambtelijke taal in brieven en mails.",
      "Ik moest mijn verhaal soms meerdere keren vertellen.",
      "Geen verbeterpunten, prima contact.",
      "Een vast aanspreekpunt zou het contact makkelijker maken.",
    ],
  },
  self: {
    went_well: [
      "Ik haal veel voldoening uit het contact met inwoners en partners.",
      "Ik ben het afgelopen jaar gegroeid in mijn vakkennis.",
      "Ik denk dat ik een betrouwbare collega ben die afspraken nakomt.",
      "Ik houd overzicht, ook als het druk is.",
      "De samenwerking binnen het team gaat goed en daar draag ik aan bij.",
    ],
    could_improve: [
      "Ik wil beter leren nee zeggen en prioriteiten stellen.",
      "Ik kan mijn netwerk binnen de gemeente nog meer benutten.",
      "Ik reageer soms te snel als ik kritiek krijg.",
      "Ik wil mijn schriftelijke stukken korter en helderder maken.",
      "Ik wil tussendoor vaker om feedback vragen.",
    ],
  },
} as const;

export const DECLINE_REASONS = {
  colleague: [
    "Ik werk te kort met {naam} samen om een goed beeld te geven.",
    "Ik ben de komende weken met verlof.",
    "Ik heb te weinig zicht op het werk van {naam}.",
    "Door de drukte rond de deadline lukt het me helaas niet.",
  ],
  customer: [
    "Ons contact was te beperkt om hier iets zinnigs over te zeggen.",
    "Ik heb maar één keer contact gehad; ik laat het liever aan anderen.",
    "Geen tijd op dit moment, excuses.",
  ],
} as const;

export function fillPlaceholders(text: string, firstName: string, competencyName = ""): string {
  const competency = competencyName.replace(/\s*\*+$/, "").trim();
  const lower = competency.charAt(0).toLocaleLowerCase("nl") + competency.slice(1);
  const upper = competency.charAt(0).toLocaleUpperCase("nl") + competency.slice(1);
  return text
    .replaceAll("{naam}", firstName)
    .replaceAll("{competentie}", lower)
    .replaceAll("{Competentie}", upper);
}
