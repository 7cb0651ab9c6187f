// Fictional names and places for the demo municipality. Any resemblance is coincidental.

export const DEMO_ORGANISATION_NAME = "Gemeente Rondedam";
export const DEMO_EMAIL_DOMAIN = "rondedam.example";

export const FIRST_NAMES = list(`
  Anouk, Bas, Daan, Eva, Femke, Joost, Lotte, Mark, Marieke, Niels, Sanne, Thijs, Wouter,
  Ilse, Jeroen, Kim, Linda, Martijn, Nicole, Peter, Rob, Sandra, Tom, Yvonne, Bram, Esther,
  Hanneke, Ingrid, Jasper, Karin, Laura, Maarten, Nadia, Pieter, Ruud, Saskia, Tessa,
  Vincent, Wendy, Youssef, Fatima, Mohamed, Samira, Özlem, Priya, Mehmet, Ayşe, Chantal,
  Dewi, Rik, Gert-Jan, Anne-Marie, Jan-Willem, Roos, Floor, Stijn, Luuk, Noor, Iris, Fleur,
  Koen, Gijs, Hugo, Mirjam, Gerda, Henk, Ria, Kees, Erik, Annemiek, Loes, Nienke, Jorien,
  Rianne, Ramon, Joyce, Hatice, Rachid, Ilham, Dennis, Marloes, Merel, Sven, Renée, Zoë,
  Ahmed, Inge
`);

/** Last names as written after the first name, tussenvoegsel included. */
export const LAST_NAMES = list(`
  de Vries, Jansen, van den Berg, Bakker, Visser, Smit, Meijer, de Boer, Mulder, de Groot,
  Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, Smits,
  de Graaf, van der Meer, van der Linden, Kok, Jacobs, de Haan, Vermeulen, van den Heuvel,
  van der Veen, van den Broek, de Bruijn, de Jong, van Dijk, Schouten, van Beek, Willems,
  van Vliet, Hoekstra, Maas, Verhoeven, Koster, van Dam, van der Wal, Prins, Blom, Huisman,
  ’t Hart, El Amrani, Yılmaz, Öztürk, Bouzid, Kaya, Ramdin, Kuipers, Veenstra, Post,
  Timmermans, Groen, van Wijk, ter Horst, in ’t Veld, Bulut, Pinas, Sedney
`);

/** For the few employees who work in English (locale `en`). */
export const ENGLISH_NAMES = [
  { firstName: "Emily", lastName: "Carter" },
  { firstName: "Daniel", lastName: "Hughes" },
  { firstName: "Siobhan", lastName: "O’Neill" },
  { firstName: "Lucas", lastName: "Moreau" },
  { firstName: "Hannah", lastName: "Fischer" },
] as const;

export interface TeamDefinition {
  key: string;
  name: string;
  department: "beleid" | "dienstverlening";
  size: number;
  jobTitles: readonly string[];
  /** Mail domains of this team's customers; "internal" means colleagues of other teams. */
  customerDomains: readonly string[];
  internalCustomers: boolean;
  /** Led by the lead of this (earlier) team: one lead with two teams, who can compare them. */
  leadFrom?: string;
  /** Employees of this team with a function profile other than the demo's (see TeamFunction). */
  functions?: readonly TeamFunction[];
}

/**
 * A function of a team with a profile of its own (a key of surveys/): every employee of the
 * team, or a number of them drawn by the seed, who then get one of `jobTitles`. A team lead
 * keeps the demo's profile.
 */
export interface TeamFunction {
  profileKey: string;
  holders: "every employee" | number;
  /** The job titles of drawn holders; every employee keeps the title of the team's list. */
  jobTitles?: readonly string[];
}

export const DEPARTMENTS = [
  { key: "beleid", name: "Afdeling Beleid", headTitle: "Afdelingshoofd Beleid" },
  {
    key: "dienstverlening",
    name: "Afdeling Dienstverlening",
    headTitle: "Afdelingshoofd Dienstverlening",
  },
] as const;

export const TEAMS: readonly TeamDefinition[] = [
  {
    key: "sociaal-domein",
    name: "Beleid Sociaal Domein",
    department: "beleid",
    size: 11,
    jobTitles: [
      "Beleidsadviseur Wmo",
      "Beleidsadviseur Jeugd",
      "Beleidsmedewerker participatie",
      "Senior beleidsadviseur sociaal domein",
      "Beleidsadviseur armoede en schulden",
      "Beleidsondersteuner",
    ],
    customerDomains: ["zorgpartners-rondedam.example", "welzijnrondedam.example", "example.org"],
    internalCustomers: false,
  },
  {
    key: "ruimtelijke-ontwikkeling",
    name: "Ruimtelijke Ontwikkeling",
    department: "beleid",
    size: 10,
    jobTitles: [
      "Beleidsadviseur ruimtelijke ordening",
      "Planoloog",
      "Adviseur Omgevingswet",
      "Beleidsmedewerker wonen",
      "Stedenbouwkundige",
    ],
    customerDomains: [
      "woonstichting-rondehuis.example",
      "ontwikkelaar-delta.example",
      "example.org",
    ],
    internalCustomers: false,
    functions: [
      {
        profileKey: "projectleider",
        holders: 3,
        jobTitles: [
          "Projectleider gebiedsontwikkeling",
          "Projectleider woningbouw",
          "Projectleider Omgevingswet",
        ],
      },
    ],
  },
  {
    key: "communicatie",
    name: "Communicatie",
    department: "beleid",
    size: 8,
    jobTitles: [
      "Communicatieadviseur",
      "Online communicatieadviseur",
      "Woordvoerder",
      "Medewerker communicatie",
      "Redacteur",
    ],
    customerDomains: ["rondedamsekrant.example", "example.org"],
    internalCustomers: true,
  },
  {
    key: "publiekszaken",
    name: "Publiekszaken",
    department: "dienstverlening",
    size: 11,
    jobTitles: [
      "Medewerker Publiekszaken",
      "Medewerker Burgerzaken",
      "Klantcontactmedewerker",
      "Senior medewerker Burgerzaken",
      "Medewerker basisregistratie personen",
    ],
    customerDomains: ["burgerpanel.example", "example.org", "example.net"],
    internalCustomers: false,
    functions: [{ profileKey: "medewerker-publiekszaken", holders: "every employee" }],
  },
  {
    key: "vergunningen-handhaving",
    name: "Vergunningen en Handhaving",
    department: "dienstverlening",
    size: 10,
    jobTitles: [
      "Vergunningverlener",
      "Toezichthouder",
      "Handhavingsjurist",
      "Boa",
      "Medewerker vergunningen",
      "Senior vergunningverlener",
    ],
    customerDomains: ["bouwbedrijf-dekker.example", "ondernemers-rondedam.example", "example.org"],
    internalCustomers: false,
    functions: [
      { profileKey: "projectleider", holders: 1, jobTitles: ["Projectleider Omgevingswet"] },
    ],
  },
  {
    key: "financien",
    name: "Financiën",
    department: "dienstverlening",
    size: 7,
    jobTitles: [
      "Financieel adviseur",
      "Medewerker financiële administratie",
      "Controller",
      "Beleidsadviseur financiën",
      "Medewerker debiteurenbeheer",
    ],
    customerDomains: ["accountants-rondedam.example"],
    internalCustomers: true,
  },
  {
    key: "belastingen",
    name: "Lokale Belastingen",
    department: "dienstverlening",
    size: 8,
    leadFrom: "financien",
    jobTitles: [
      "Medewerker belastingen",
      "Taxateur WOZ",
      "Medewerker invordering",
      "Adviseur lokale heffingen",
    ],
    customerDomains: ["example.org", "belastingadvies-rondedam.example"],
    internalCustomers: false,
    functions: [
      { profileKey: "projectleider", holders: 1, jobTitles: ["Projectleider heffingssysteem"] },
    ],
  },
];

/** A comma-separated list, so long name lists stay readable as a few lines. */
function list(text: string): readonly string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `Jan-Willem`, `van ’t Hof` → `jan-willem.vanthof`: lowercase ASCII for an email address. */
export function emailLocalPart(firstName: string, lastName: string): string {
  return `${asciiSlug(firstName)}.${asciiSlug(lastName)}`;
}

const SPECIAL_LETTERS: Record<string, string> = { ı: "i", ø: "o", æ: "ae", ß: "ss" };

function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ıøæß]/g, (letter) => SPECIAL_LETTERS[letter] ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9-]/g, "");
}
