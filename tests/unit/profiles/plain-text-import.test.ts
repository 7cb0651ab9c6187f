import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importPlainTextProfile, slugify } from "~/profiles/plain-text-import";
import { countProfile, DEFAULT_RATING_SCALE, type Profile } from "~/profiles/schema";
import {
  competencies,
  competencyNamed,
  errorsOf,
  importSeed,
  importText,
  profileOf,
  readSeed,
  SEED_PATH,
} from "../../support/profile-import";

describe("importPlainTextProfile: the seed profile", () => {
  const profile = importSeed();

  it("finds 3 clusters, 9 competencies, 37 indicators and 3 organisation-wide competencies", () => {
    expect(countProfile(profile)).toEqual({
      clusters: 3,
      competencies: 9,
      indicators: 37,
      organisationWide: ["Communiceren", "Klantgericht werken", "Samenwerken"],
    });
  });

  it("takes id, name, language and the default scale", () => {
    expect(profile.id).toBe("toepassing-beleid");
    expect(profile.name).toBe("Competentieprofiel Toepassing beleid");
    expect(profile.language).toBe("nl");
    expect(profile.scale).toEqual(DEFAULT_RATING_SCALE);
  });

  it("reads the clusters and competencies in order, with slug ids", () => {
    expect(profile.clusters.map((cluster) => [cluster.id, cluster.name])).toEqual([
      ["kennis", "Kennis"],
      ["vaardigheden", "Vaardigheden"],
      ["houding-en-persoonskenmerken", "Houding en Persoonskenmerken"],
    ]);
    expect(profile.clusters.map((cluster) => cluster.competencies.map((c) => c.id))).toEqual([
      ["kennis-van-de-klant", "kennis-van-het-vak", "kennis-van-de-organisatie"],
      ["communiceren", "klantgericht-werken", "plannen-en-organiseren"],
      ["accuraat", "incasseringsvermogen", "samenwerken"],
    ]);
    expect(competencies(profile).map((c) => c.indicators.length)).toEqual([
      3, 4, 3, 6, 4, 5, 4, 4, 4,
    ]);
  });

  it("marks exactly the *** competencies as organisation-wide, without the marker in the name", () => {
    const flagged = competencies(profile).filter((c) => c.organisationWide);
    expect(flagged.map((c) => c.name)).toEqual([
      "Communiceren",
      "Klantgericht werken",
      "Samenwerken",
    ]);
    expect(competencies(profile).every((c) => !c.name.includes("*"))).toBe(true);
  });

  it("cleans indicators: no bullet, no trailing ; or ., texts otherwise intact", () => {
    const klant = competencyNamed(profile, "Kennis van de klant");
    expect(klant.indicators).toEqual([
      {
        id: "kennis-van-de-klant-1",
        text: "kent de klantengroepen, de kenmerken, de vragen, behoeften en wensen",
      },
      {
        id: "kennis-van-de-klant-2",
        text: "kent de (organisatie) verbanden en netwerken van specifieke klantgroepen",
      },
      {
        id: "kennis-van-de-klant-3",
        text: "kent de inhoud en (beleids)processen van ontwikkeld beleid; heeft en neemt kennis van de effecten, de uitvoerbaarheid van beleid",
      },
    ]);
    const samenwerken = competencyNamed(profile, "Samenwerken");
    expect(samenwerken.indicators[2]?.text).toBe(
      "helpt en ondersteunt waar nodig en wenselijk collega’s",
    );
    expect(competencyNamed(profile, "Plannen en organiseren").indicators[4]?.text).toBe(
      "gaat op efficiënte wijze met de beschikbare tijd om",
    );
    expect(competencyNamed(profile, "Incasseringsvermogen").indicators[2]).toEqual({
      id: "incasseringsvermogen-3",
      text: "accepteert andere zienswijzen en ideeën",
    });
  });

  it("keeps descriptions whole, removing only the stray space before punctuation", () => {
    expect(competencyNamed(profile, "Kennis van de klant").description).toBe(
      "toont in contact met de klant op de hoogte te zijn van de kenmerken en behoeften van de klant. Achterhaalt de ontwikkelingen in de omgeving van de klant en past dit toe in de dagelijkse werksituatie.",
    );
    expect(competencyNamed(profile, "Accuraat").description).toBe(
      "registreert, ordent, beheert en verkrijgt – ook onder druk en over langere tijd – detailzaken precies en consciëntieus.",
    );
    // The source has no final period here; the importer does not invent one.
    expect(competencyNamed(profile, "Incasseringsvermogen").description).toBe(
      "luistert naar kritiek, verwoordt de essentie en buigt dit om naar een betere (werk)situatie",
    );
  });

  it("ignores the *** legend at the end", () => {
    const texts = competencies(profile).flatMap((c) => [
      c.description,
      ...c.indicators.map((i) => i.text),
    ]);
    expect(texts.some((text) => text.includes("organisatiebrede"))).toBe(false);
  });
});

const BELEIDSADVISEUR = `Kennis en inzicht

Politiek-bestuurlijke sensitiviteit *)

is zich bewust van de politieke en bestuurlijke verhoudingen en houdt daar rekening mee in advies en handelen.

- herkent de belangen van het college en de gemeenteraad;
- houdt in adviezen rekening met de politieke haalbaarheid;
- schat in welke onderwerpen gevoelig liggen.

Omgevingsbewustzijn

is goed geïnformeerd over maatschappelijke, economische en juridische ontwikkelingen en benut die kennis voor het beleid.

- volgt landelijke en regionale ontwikkelingen in het beleidsveld;
- vertaalt signalen uit de samenleving naar „beleidsvoorstellen”.

Denken en oordelen

Analyseren

ontleedt een vraagstuk in relevante onderdelen, legt verbanden en onderscheidt hoofd- en bijzaken.

* verzamelt de benodigde informatie uit verschillende bronnen;
* onderscheidt hoofdzaken van bijzaken;
* legt verbanden tussen ogenschijnlijk losstaande gegevens;
* trekt heldere conclusies uit de analyse.

Visie

ontwikkelt een beeld van de toekomst van het beleidsveld en vertaalt dat naar doelen voor de lange termijn.

Legt daarbij de relatie met de koers van de gemeente.

– formuleert doelen voor de lange termijn;
– plaatst het eigen beleidsveld in een breder perspectief;
– vertaalt de collegeambities naar concrete beleidslijnen.

Relaties en communicatie

Overtuigingskracht ***

brengt standpunten zo naar voren dat anderen ermee instemmen.

- onderbouwt adviezen met feiten en argumenten;
- speelt in op de argumenten van de ander;
- blijft bij weerstand rustig en zakelijk;
- weet draagvlak te verwerven bij betrokken partijen.

Netwerken

bouwt relaties op en onderhoudt ze, binnen en buiten de organisatie.

- onderhoudt contacten met ketenpartners;
- benut het netwerk om informatie te verzamelen.

Sturen en resultaat

Resultaatgericht werken***

werkt gericht aan het behalen van afgesproken resultaten.

• stelt haalbare doelen voor het eigen werk;
• bewaakt planning en budget;
• stuurt bij als resultaten achterblijven;
• levert adviezen op tijd aan het college.

(***) Integriteit

handelt in overeenstemming met de normen en waarden van de gemeente.

•gaat zorgvuldig om met vertrouwelijke informatie;
•is open over nevenfuncties en mogelijke belangenverstrengeling;
•spreekt collega’s aan op gedrag dat niet past;
•houdt zich aan afspraken en regels;
•legt verantwoording af over eigen keuzes;
•meldt vermoedens van misstanden;
•weegt belangen transparant af.

*) en *** : organisatiebrede competentie
`;

describe("importPlainTextProfile: other profiles of the family", () => {
  it("reads a profile with four clusters, other names and -, *, –, • bullet styles", () => {
    const profile = profileOf(importText(BELEIDSADVISEUR));
    expect(countProfile(profile)).toEqual({
      clusters: 4,
      competencies: 8,
      indicators: 29,
      organisationWide: [
        "Politiek-bestuurlijke sensitiviteit",
        "Overtuigingskracht",
        "Resultaatgericht werken",
        "Integriteit",
      ],
    });
    expect(profile.clusters.map((cluster) => cluster.name)).toEqual([
      "Kennis en inzicht",
      "Denken en oordelen",
      "Relaties en communicatie",
      "Sturen en resultaat",
    ]);
    expect(competencyNamed(profile, "Omgevingsbewustzijn").indicators[1]?.text).toBe(
      "vertaalt signalen uit de samenleving naar „beleidsvoorstellen”",
    );
    expect(competencyNamed(profile, "Visie")).toMatchObject({
      id: "visie",
      description:
        "ontwikkelt een beeld van de toekomst van het beleidsveld en vertaalt dat naar doelen voor de lange termijn.\n\nLegt daarbij de relatie met de koers van de gemeente.",
      indicators: [
        { id: "visie-1", text: "formuleert doelen voor de lange termijn" },
        { id: "visie-2", text: "plaatst het eigen beleidsveld in een breder perspectief" },
        { id: "visie-3", text: "vertaalt de collegeambities naar concrete beleidslijnen" },
      ],
    });
    expect(competencyNamed(profile, "Integriteit").indicators[2]?.text).toBe(
      "spreekt collega’s aan op gedrag dat niet past",
    );
    expect(competencyNamed(profile, "Politiek-bestuurlijke sensitiviteit").id).toBe(
      "politiek-bestuurlijke-sensitiviteit",
    );
  });

  it("does not depend on the seed: the seed and this profile share no competency", () => {
    const seedNames = competencies(importSeed()).map((c) => c.name);
    const otherNames = competencies(profileOf(importText(BELEIDSADVISEUR))).map((c) => c.name);
    expect(otherNames.filter((name) => seedNames.includes(name))).toEqual([]);
  });
});

const SMALL_PROFILE = [
  "Kennis",
  "",
  "Vakkennis",
  "",
  "past vakkennis toe.",
  "",
  "• kent de regels;",
  "• volgt ontwikkelingen.",
  "",
  "Houding",
  "",
  "Klantgericht werken ***",
  "",
  "stelt de klant centraal.",
  "",
  "• vraagt door;",
  "• komt afspraken na.",
];

describe("importPlainTextProfile: odd and malformed input", () => {
  it("refuses an empty file", () => {
    expect(errorsOf(importText(""))).toEqual([
      { file: "invoer.txt", line: 1, code: "empty", params: {}, message: "het bestand is leeg" },
    ]);
    expect(errorsOf(importText("\uFEFF \n\t\n\u00A0\n"))[0]?.message).toBe("het bestand is leeg");
  });

  it("refuses a file with only headings, pointing at the first text line", () => {
    const errors = errorsOf(importText("\n\nKennis\n\nKennis van de klant\n\nVaardigheden\n"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3 });
    expect(errors[0]?.message).toMatch(/^geen gedragsindicatoren gevonden/);
  });

  it("reports bullets before any competency name on their line", () => {
    const text = ["• kent de regels;", "• volgt ontwikkelingen.", "", ...SMALL_PROFILE].join("\n");
    const errors = errorsOf(importText(text));
    expect(errors).toEqual([
      {
        file: "invoer.txt",
        line: 1,
        code: "indicatorsBeforeFirstCompetency",
        params: {},
        message: "gedragsindicatoren vóór de eerste competentie: zet er een competentienaam boven",
      },
    ]);
  });

  it("reports a duplicate competency name on the second occurrence, with the first line", () => {
    const text = [
      ...SMALL_PROFILE,
      "",
      "Vakkennis",
      "",
      "nog een keer.",
      "",
      "• iets anders.",
    ].join("\n");
    const errors = errorsOf(importText(text));
    expect(errors).toEqual([
      {
        file: "invoer.txt",
        line: 19,
        code: "duplicate",
        params: { competency: "Vakkennis", firstLine: 3 },
        message: 'competentie "Vakkennis" komt twee keer voor (eerder op regel 3)',
      },
    ]);
  });

  it("accepts CRLF and CR line endings with the same result", () => {
    const expected = profileOf(importText(SMALL_PROFILE.join("\n")));
    expect(profileOf(importText(SMALL_PROFILE.join("\r\n")))).toEqual(expected);
    expect(profileOf(importText(SMALL_PROFILE.join("\r")))).toEqual(expected);
    expect(profileOf(importText(readSeed().replace(/\n/g, "\r\n")))).toEqual(
      profileOf(importText(readSeed())),
    );
  });

  it("treats NBSP, tabs, odd spaces and a BOM as ordinary spaces", () => {
    const messy = SMALL_PROFILE.map((line) =>
      line
        .replace(/ /g, "\u00A0")
        .replace(/^•/, "\t•\t")
        .replace(/^Kennis$/, "Kennis\t\u2003"),
    );
    const profile = profileOf(importText(`\uFEFF${messy.join("\n")}`));
    expect(profile).toEqual(profileOf(importText(SMALL_PROFILE.join("\n"))));
    expect(profile.clusters[0]?.name).toBe("Kennis");
    expect(profile.clusters[1]?.competencies[0]).toMatchObject({
      name: "Klantgericht werken",
      organisationWide: true,
      indicators: [{ text: "vraagt door" }, { text: "komt afspraken na" }],
    });
  });

  it("reports a competency without indicators on its name line", () => {
    const text = [
      "Kennis",
      "",
      "Vakkennis",
      "",
      "past vakkennis toe.",
      "",
      "Omgevingsbewustzijn",
      "",
      "kent de omgeving.",
      "",
      "• volgt het nieuws.",
    ].join("\n");
    expect(errorsOf(importText(text))).toEqual([
      {
        file: "invoer.txt",
        line: 3,
        code: "withoutIndicators",
        params: { competency: "Vakkennis" },
        message: 'competentie "Vakkennis" heeft geen gedragsindicatoren',
      },
    ]);
  });

  it("reports a competency at the end without indicators", () => {
    const text = [...SMALL_PROFILE, "", "Samenwerken ***", "", "werkt samen."].join("\n");
    expect(errorsOf(importText(text))).toEqual([
      {
        file: "invoer.txt",
        line: 19,
        code: "withoutIndicators",
        params: { competency: "Samenwerken" },
        message: 'competentie "Samenwerken" heeft geen gedragsindicatoren',
      },
    ]);
  });

  it("refuses a file that starts with a competency instead of a cluster heading", () => {
    const text = SMALL_PROFILE.slice(2).join("\n");
    expect(errorsOf(importText(text))).toEqual([
      {
        file: "invoer.txt",
        line: 1,
        code: "noCluster",
        params: { competency: "Vakkennis" },
        message: 'geen clusterkop gevonden vóór competentie "Vakkennis"',
      },
    ]);
  });

  it("refuses a document title above the first cluster instead of guessing", () => {
    const text = ["Competentieprofiel Beleidsadviseur", "", ...SMALL_PROFILE].join("\n");
    const errors = errorsOf(importText(text));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1 });
    expect(errors[0]?.message).toMatch(
      /^onverwachte kopregel "Competentieprofiel Beleidsadviseur"/,
    );
  });

  it("refuses a description in place of a competency name", () => {
    const text = [...SMALL_PROFILE, "", "dit is geen naam maar een zin.", "", "• een bullet."].join(
      "\n",
    );
    const errors = errorsOf(importText(text));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 19 });
    expect(errors[0]?.message).toMatch(/staat waar een competentienaam verwacht wordt/);
  });

  it("refuses input over 512 KB", () => {
    const megabyte = SMALL_PROFILE.join("\n") + "\n" + "x".repeat(1024 * 1024);
    expect(errorsOf(importText(megabyte))).toEqual([
      {
        file: "invoer.txt",
        line: 1,
        code: "tooLarge",
        params: { kilobytes: 1025, max: 512 },
        // Numbers are written as Dutch writes them, as on the page.
        message: "bestand is te groot (1.025 KB; maximaal 512 KB)",
      },
    ]);
  });

  it("accepts a file just under the limit", () => {
    const padding = "\n".repeat(500 * 1024);
    expect(profileOf(importText(SMALL_PROFILE.join("\n") + padding)).clusters).toHaveLength(2);
  });

  it("refuses binary garbage", () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    const bytes = Uint8Array.from({ length: 4096 }, random);
    const garbage = new TextDecoder("utf-8").decode(bytes);
    expect(errorsOf(importText(garbage))).toEqual([
      {
        file: "invoer.txt",
        line: 1,
        code: "notText",
        params: {},
        message: "dit lijkt geen tekstbestand (het bevat veel stuur- of onleesbare tekens)",
      },
    ]);
    expect(errorsOf(importText("PK\u0003\u0004\u0000\u0000 zip"))[0]?.message).toMatch(
      /geen tekstbestand/,
    );
  });

  it("reports a wrongly decoded character (U+FFFD) on its line instead of importing it", () => {
    const text = SMALL_PROFILE.map((line) =>
      line.replace("vraagt door", "vraagt door bij idee\uFFFDn"),
    ).join("\n");
    expect(errorsOf(importText(text))).toEqual([
      {
        file: "invoer.txt",
        line: 16,
        code: "unreadableCharacter",
        params: {},
        message: "onleesbaar teken (\uFFFD): sla het bestand op als UTF-8 en importeer opnieuw",
      },
    ]);
  });

  it.each([
    ["Samenwerken ***", true],
    ["Samenwerken***", true],
    ["*** Samenwerken", true],
    ["***Samenwerken", true],
    ["Samenwerken (***)", true],
    ["(***) Samenwerken", true],
    ["Samenwerken *)", true],
    ["Samenwerken*", true],
    ["Samenwerken", false],
  ])("reads %j as organisation-wide: %s", (nameLine, organisationWide) => {
    const text = [
      "Houding",
      "",
      nameLine,
      "",
      "werkt samen.",
      "",
      "• deelt kennis;",
      "• helpt collega’s.",
    ].join("\n");
    const competency = competencies(profileOf(importText(text)))[0];
    expect(competency).toMatchObject({ id: "samenwerken", name: "Samenwerken", organisationWide });
  });

  it("imports the seed hard-wrapped at 60 columns exactly like the original", () => {
    const wrap = (line: string) => line.replace(/(.{1,60})(?: +|$)/g, "$1\n").replace(/\n$/, "");
    const wrapped = readSeed().split("\n").map(wrap).join("\n");
    expect(wrapped.split("\n").length).toBeGreaterThan(readSeed().split("\n").length + 20);
    expect(profileOf(importText(wrapped))).toEqual(profileOf(importText(readSeed())));
  });

  it("reads a heading glued to its description when the line break is clearly meant", () => {
    const glued = (from: string, to: string) =>
      profileOf(importText(SMALL_PROFILE.join("\n").replace(from, to)));
    const expected = profileOf(importText(SMALL_PROFILE.join("\n")));
    expect(glued("Vakkennis\n\npast", "Vakkennis\npast")).toEqual(expected);
    expect(glued("Klantgericht werken ***\n\nstelt", "Klantgericht werken ***\nstelt")).toEqual(
      expected,
    );
    expect(
      glued("Houding\n\nKlantgericht werken ***\n\n", "Houding\nKlantgericht werken ***\n"),
    ).toEqual(expected);
  });

  it("refuses a title-like line under a heading that runs on into the text below", () => {
    // Hard-wrapped (the description runs on), so a long line under "Samenwerken" may be a name
    // (under cluster "Samenwerken") or the first line of the description of "Samenwerken".
    const text = (description: string[]) =>
      [
        "Houding",
        "",
        "Integriteit ***",
        "",
        "handelt volgens de gedragscode van de gemeente, ook als",
        "niemand meekijkt.",
        "",
        "• meldt nevenfuncties.",
        "",
        "Samenwerken",
        ...description,
        "",
        "• deelt kennis.",
      ].join("\n");
    const wrapped = ["Werkt met collega’s en ketenpartners aan een", "gemeenschappelijk doel."];
    expect(errorsOf(importText(text(wrapped)))).toEqual([
      {
        file: "invoer.txt",
        line: 11,
        code: "nameOrDescription",
        params: { line: "Werkt met collega’s en ketenpartners aan een", heading: "Samenwerken" },
        message:
          'is "Werkt met collega’s en ketenpartners aan een" een competentie, of de eerste regel van de beschrijving van "Samenwerken"? Zet een lege regel tussen kop en beschrijving',
      },
    ]);
    // A blank line settles it, either way.
    const asDescription = profileOf(importText(text(["", ...wrapped])));
    expect(competencyNamed(asDescription, "Samenwerken").description).toBe(
      "Werkt met collega’s en ketenpartners aan een gemeenschappelijk doel.",
    );
    const asName = profileOf(importText(text([wrapped[0] ?? "", "", wrapped[1] ?? ""])));
    expect(asName.clusters.map((cluster) => cluster.name)).toEqual(["Houding", "Samenwerken"]);
    // A description that starts with a small letter is never a name.
    expect(
      profileOf(importText(text(["werkt met collega’s en ketenpartners aan een", "doel."])))
        .clusters,
    ).toHaveLength(1);
  });

  it("joins a bullet wrapped over two lines and a wrapped description", () => {
    const text = [
      "Houding",
      "",
      "Accuraat",
      "",
      "registreert, ordent, beheert en verkrijgt",
      "– ook onder druk en over langere tijd –",
      "detailzaken precies en consciëntieus .",
      "",
      "• levert volledig en op tijd",
      "  gegevens aan;",
      "• ordent volgens gemaakte afspraken informatie,",
      "gegevens en dossiers;",
      "• verkrijgt noodzakelijke (klant)gegevens.",
    ].join("\n");
    const competency = competencies(profileOf(importText(text)))[0];
    expect(competency?.description).toBe(
      "registreert, ordent, beheert en verkrijgt – ook onder druk en over langere tijd – detailzaken precies en consciëntieus.",
    );
    expect(competency?.indicators).toEqual([
      { id: "accuraat-1", text: "levert volledig en op tijd gegevens aan" },
      {
        id: "accuraat-2",
        text: "ordent volgens gemaakte afspraken informatie, gegevens en dossiers",
      },
      { id: "accuraat-3", text: "verkrijgt noodzakelijke (klant)gegevens" },
    ]);
  });

  it("keeps bullets apart when blank lines separate them, and starts a new block after a finished bullet", () => {
    const text = [
      "Kennis",
      "",
      "Vakkennis",
      "",
      "past vakkennis toe.",
      "",
      "• kent de regels;",
      "",
      "• volgt ontwikkelingen.",
      "Omgevingsbewustzijn",
      "",
      "kent de omgeving.",
      "",
      "• leest het nieuws e.d.",
    ].join("\n");
    const profile = profileOf(importText(text));
    expect(competencies(profile).map((c) => [c.name, c.indicators.map((i) => i.text)])).toEqual([
      ["Vakkennis", ["kent de regels", "volgt ontwikkelingen"]],
      ["Omgevingsbewustzijn", ["leest het nieuws e.d."]],
    ]);
  });

  it("gives a cluster and a competency with the same name distinct ids", () => {
    const text = ["Samenwerken", "", "Samenwerken", "", "werkt samen.", "", "• deelt kennis."].join(
      "\n",
    );
    const profile = profileOf(importText(text));
    expect(profile.clusters[0]?.id).toBe("samenwerken");
    expect(profile.clusters[0]?.competencies[0]?.id).toBe("samenwerken-2");
    expect(profile.clusters[0]?.competencies[0]?.indicators[0]?.id).toBe("samenwerken-2-1");
  });

  it("reports an invalid profile id from the options through the schema", () => {
    const result = importPlainTextProfile(SMALL_PROFILE.join("\n"), {
      id: "Niet Goed",
      name: "Test",
    });
    expect(errorsOf(result)).toEqual([
      {
        file: "tekst",
        line: 1,
        code: "fieldIssue",
        params: {
          field: { code: "label.profileId", params: {} },
          issue: { code: "notSlug", params: {} },
        },
        message:
          "profiel-id: moet een slug zijn: kleine letters, cijfers en streepjes (bijv. kennis-van-de-klant-1)",
      },
    ]);
  });
});

describe("slugify", () => {
  it("folds diacritics and replaces everything else with dashes", () => {
    expect(slugify("Efficiënte   planning (en) Organisatie!")).toBe(
      "efficiente-planning-en-organisatie",
    );
    expect(slugify("Houding en Persoonskenmerken")).toBe("houding-en-persoonskenmerken");
    expect(slugify("  ***  ")).toBe("");
  });
});

// ---------------------------------------------------------------------------------------------
// Text as HR pastes it: one fixture per quirk in tests/support/fixtures/profiles/paste/.

const PASTE_DIR = path.join(path.dirname(SEED_PATH), "paste");

function importPaste(name: string) {
  return importText(readFileSync(path.join(PASTE_DIR, name), "utf8"), name);
}

/** Clusters with their competencies (" ***" when organisation-wide) and indicator texts. */
function outline(profile: Profile) {
  return profile.clusters.map((cluster) => [
    cluster.name,
    cluster.competencies.map((competency) => [
      competency.organisationWide ? `${competency.name} ***` : competency.name,
      competency.indicators.map((indicator) => indicator.text),
    ]),
  ]);
}

/** The small profile most quirk fixtures carry, as it reads cleanly (with blank lines). */
const BASE_TEXT = `Kennis

Kennis van wet- en regelgeving

past relevante wet- en regelgeving toe in het dagelijks werk.

• kent de Wet BRP en de Paspoortwet;
• volgt wijzigingen in de regelgeving;
• weet waar regels en werkinstructies te vinden zijn.

Vaardigheden

Klantgericht werken ***

stelt de vraag van de inwoner centraal en zoekt naar een passende oplossing.

• luistert en vraagt door;
• legt procedures helder uit;
• komt afspraken na.

Mondeling communiceren

brengt informatie helder en begrijpelijk over.

• past het taalgebruik aan de gesprekspartner aan;
• controleert of de boodschap is begrepen.
`;

const BASE_OUTLINE = [
  [
    "Kennis",
    [
      [
        "Kennis van wet- en regelgeving",
        [
          "kent de Wet BRP en de Paspoortwet",
          "volgt wijzigingen in de regelgeving",
          "weet waar regels en werkinstructies te vinden zijn",
        ],
      ],
    ],
  ],
  [
    "Vaardigheden",
    [
      [
        "Klantgericht werken ***",
        ["luistert en vraagt door", "legt procedures helder uit", "komt afspraken na"],
      ],
      [
        "Mondeling communiceren",
        [
          "past het taalgebruik aan de gesprekspartner aan",
          "controleert of de boodschap is begrepen",
        ],
      ],
    ],
  ],
];

type PasteExpectation = { outline: unknown } | { refused: [line: number, message: string][] };

const PASTED: Record<string, PasteExpectation> = {
  "lost-blank-lines.txt": { outline: BASE_OUTLINE },
  "crlf-and-lone-cr-line-ends.txt": { outline: BASE_OUTLINE },
  "non-breaking-spaces.txt": { outline: BASE_OUTLINE },
  "tabs-trailing-spaces-and-zero-width-characters.txt": { outline: BASE_OUTLINE },
  "dash-bullets.txt": {
    outline: [
      [
        "Vaardigheden",
        [
          [
            "Accuraat werken",
            ["controleert het eigen werk", "legt gegevens volledig vast", "houdt dossiers op orde"],
          ],
          ["Incasseringsvermogen", ["kan tegen kritiek – ook van inwoners", "leert van fouten"]],
        ],
      ],
      [
        "Houding",
        [
          [
            "Integriteit ***",
            ["gaat zorgvuldig om met vertrouwelijke gegevens", "meldt nevenfuncties"],
          ],
        ],
      ],
    ],
  },
  "other-bullet-symbols.txt": {
    outline: [
      [
        "Kennis",
        [
          [
            "Vakkennis",
            ["kent de regels", "volgt ontwikkelingen in het vakgebied", "leest vakliteratuur"],
          ],
        ],
      ],
      [
        "Vaardigheden",
        [
          [
            "Plannen en organiseren",
            ["maakt een planning", "bewaakt deadlines", "stemt de planning af met collega’s"],
          ],
          ["Samenwerken ***", ["deelt kennis", "helpt collega’s"]],
        ],
      ],
    ],
  },
  "numbered-bullets.txt": {
    outline: [
      [
        "Kennis",
        [
          [
            "Vakkennis",
            ["kent de regels", "volgt ontwikkelingen in het vakgebied", "leest vakliteratuur"],
          ],
        ],
      ],
      [
        "Vaardigheden",
        [
          ["Plannen en organiseren", ["maakt een planning", "bewaakt deadlines"]],
          ["Samenwerken ***", ["deelt kennis", "helpt collega’s", "vraagt om hulp"]],
        ],
      ],
    ],
  },
  "typographic-quotes.txt": {
    outline: [
      [
        "Kennis",
        [
          [
            "Kennis van de organisatie",
            [
              "kent de ‘kernwaarden’ van de gemeente",
              "weet wie voor welke vragen het „aanspreekpunt” is",
              "gebruikt de term “maatwerk” zoals de gemeente hem bedoelt",
            ],
          ],
        ],
      ],
      [
        "Houding",
        [
          [
            "Klantgericht werken ***",
            [
              "vraagt door bij ’s avonds gestelde vragen",
              "stelt bij elke vraag van een inwoner de vraag: “wat heeft u nodig?”",
            ],
          ],
          ["Samenwerken", ["helpt collega’s", "deelt kennis en „best practices”"]],
        ],
      ],
    ],
  },
  "unterminated-bullets.txt": {
    outline: [
      [
        "Kennis",
        [
          ["Vakkennis", ["kent de regels", "volgt ontwikkelingen in het vakgebied"]],
          [
            "Kennis van de organisatie",
            ["kent de koers van de gemeente", "weet wie waarvoor aanspreekpunt is"],
          ],
        ],
      ],
      ["Vaardigheden", [["Samenwerken ***", ["deelt kennis", "helpt collega’s"]]]],
    ],
  },
  "fourth-cluster.txt": {
    outline: [
      [
        "Kennis",
        [
          ["Vakkennis", ["kent de regels", "volgt ontwikkelingen"]],
          ["Kennis van de organisatie", ["kent de koers", "kent de afdelingen"]],
          ["Kennis van de klant", ["kent de klantgroepen", "kent hun vragen"]],
        ],
      ],
      [
        "Vaardigheden",
        [
          [
            "Communiceren ***",
            [
              "luistert",
              "vat samen",
              "vraagt door",
              "schrijft helder",
              "presenteert",
              "geeft feedback",
              "ontvangt feedback",
              "maakt afspraken",
              "bevestigt afspraken schriftelijk",
            ],
          ],
          ["Plannen en organiseren", ["maakt een planning", "bewaakt de voortgang"]],
          ["Adviseren", ["schrijft adviezen", "weegt belangen af"]],
        ],
      ],
      [
        "Houding",
        [
          ["Integriteit ***", ["meldt nevenfuncties", "gaat zorgvuldig om met gegevens"]],
          ["Flexibiliteit", ["wisselt van taak", "staat open voor verandering"]],
          ["Stressbestendigheid", ["werkt door onder druk", "houdt overzicht"]],
        ],
      ],
      [
        "Leidinggeven",
        [
          ["Coachen", ["voert ontwikkelgesprekken", "geeft vertrouwen"]],
          ["Delegeren", ["verdeelt het werk", "bewaakt resultaten"]],
          ["Samenwerken ***", ["deelt kennis", "helpt collega’s"]],
        ],
      ],
    ],
  },
  "pdf-hard-line-breaks.txt": {
    outline: [
      [
        "Kennis",
        [
          [
            "Politiek-bestuurlijke sensitiviteit ***",
            [
              "herkent de belangen van het college en de gemeenteraad en betrekt die bij de voorbereiding van voorstellen",
              "houdt in adviezen rekening met wat de commissies van de Gemeenteraad willen weten over de uitvoering van het beleid",
              "kent de relevante wet- en regelgeving en de politiek-bestuurlijke verhoudingen",
            ],
          ],
          [
            "Omgevingsbewustzijn",
            [
              "volgt landelijke en regionale ontwikkelingen in het beleidsveld",
              "vertaalt signalen uit de samenleving naar voorstellen",
            ],
          ],
        ],
      ],
      ["Vaardigheden", [["Adviseren", ["schrijft heldere adviezen", "weegt belangen af"]]]],
    ],
  },
  "ambiguous-name-or-description.txt": {
    refused: [
      [
        8,
        'is "Werkt met collega’s en ketenpartners aan een" een competentie, of de eerste regel van de beschrijving van "Samenwerken"? Zet een lege regel tussen kop en beschrijving',
      ],
    ],
  },
  "ambiguous-indicator-or-heading.txt": {
    refused: [
      [
        6,
        'hoort "Gemeentelijke Ombudsman" bij de gedragsindicator van regel 5, of is het een kop? Zet een lege regel boven een kop, of zet de gedragsindicator op één regel',
      ],
    ],
  },
  "heading-inside-description.txt": {
    refused: [
      [
        4,
        'is "Omgevingsbewustzijn" een nieuwe competentie, of hoort deze regel bij de beschrijving van "Vakkennis"? Zet een lege regel boven een nieuwe competentie, of voeg de regel bij de regel erboven',
      ],
    ],
  },
  "numbered-competency-names.txt": {
    refused: [
      [
        3,
        '"1. Vakkennis" is genummerd met "1.", de opsomming eromheen niet (regel 5): is het een kop? Haal dan "1." weg',
      ],
      [
        8,
        '"2. Kennis van de organisatie" is genummerd met "2.", de opsomming eromheen niet (regel 5): is het een kop? Haal dan "2." weg',
      ],
    ],
  },
  "competency-without-description-under-cluster.txt": {
    refused: [
      [
        2,
        'competentie "Vakkennis" heeft als enige geen beschrijving: is "Vakkennis" de beschrijving van "Kennis"? Sluit een beschrijving af met een punt, of zet een lege regel tussen clusterkop en competentie',
      ],
    ],
  },
  "document-title-above-first-cluster.txt": {
    refused: [
      [
        1,
        'onverwachte kopregel "Competentieprofiel Medewerker Burgerzaken": vóór een beschrijving horen hoogstens een clusterkop en een competentienaam',
      ],
    ],
  },
};

describe("importPlainTextProfile: pasted text, one fixture per quirk", () => {
  it("has an expectation for every fixture in the folder", () => {
    const files = readdirSync(PASTE_DIR).filter((name) => name.endsWith(".txt"));
    expect(files.sort()).toEqual(Object.keys(PASTED).sort());
  });

  it.each(Object.entries(PASTED))("%s", (name, expected) => {
    const result = importPaste(name);
    if ("outline" in expected) {
      expect(outline(profileOf(result))).toEqual(expected.outline);
    } else {
      const errors = errorsOf(result).map((issue) => [issue.line, issue.message]);
      expect(errors).toEqual(expected.refused);
    }
  });

  it("reads the character-level quirks as the same profile as the clean text", () => {
    const clean = profileOf(importText(BASE_TEXT));
    for (const name of [
      "lost-blank-lines.txt",
      "crlf-and-lone-cr-line-ends.txt",
      "non-breaking-spaces.txt",
      "tabs-trailing-spaces-and-zero-width-characters.txt",
    ]) {
      expect(profileOf(importPaste(name)), name).toEqual(clean);
    }
  });

  it("keeps the fixtures' quirks in their bytes", () => {
    const raw = (name: string) => readFileSync(path.join(PASTE_DIR, name), "utf8");
    expect(raw("crlf-and-lone-cr-line-ends.txt")).toMatch(/\r\n[^]*\r[^\n]/);
    expect(raw("non-breaking-spaces.txt")).toMatch(/\u00A0[^]*\u202F/);
    expect(raw("tabs-trailing-spaces-and-zero-width-characters.txt")).toMatch(
      /^\uFEFF[^]*\t[^]*\u200B/,
    );
    expect(raw("lost-blank-lines.txt")).not.toMatch(/\n\n/);
  });

  it("joins a PDF's hard line breaks: wrapped descriptions, broken words, page numbers", () => {
    const profile = profileOf(importPaste("pdf-hard-line-breaks.txt"));
    expect(competencyNamed(profile, "Politiek-bestuurlijke sensitiviteit").description).toBe(
      "is zich bewust van de politieke en bestuurlijke verhoudingen en houdt daar rekening mee in advies en handelen. Schat in welke onderwerpen gevoelig liggen bij het college en de raad.",
    );
    expect(competencyNamed(profile, "Omgevingsbewustzijn").description).toBe(
      "is goed geïnformeerd over maatschappelijke ontwikkelingen en benut die kennis voor het beleid.",
    );
    const texts = competencies(profile).flatMap((c) => [c.description, c.name]);
    expect(texts.join(" ")).not.toMatch(/Pagina|organisatiebrede/);
  });

  it("keeps a dash insertion in the description and reads dash lines after it as indicators", () => {
    const profile = profileOf(importPaste("dash-bullets.txt"));
    expect(competencyNamed(profile, "Accuraat werken").description).toBe(
      "registreert, ordent en beheert gegevens – ook onder druk en over langere tijd – precies en consciëntieus",
    );
    expect(competencyNamed(profile, "Incasseringsvermogen").description).toBe(
      "luistert naar kritiek en gebruikt die om het werk te verbeteren",
    );
  });

  it("keeps typographic quotes in descriptions and reads a quote-closed sentence as finished", () => {
    const profile = profileOf(importPaste("typographic-quotes.txt"));
    expect(competencyNamed(profile, "Kennis van de organisatie").description).toBe(
      "kent de „koers 2030” van de gemeente en handelt ernaar, ook wanneer dat „lastig” is.",
    );
    expect(competencyNamed(profile, "Samenwerken").description).toBe(
      "zegt: “samen komen we verder.”",
    );
  });

  it("gives the competencies of a pasted seed the ids of the seed", () => {
    const pasted = readSeed().replace(/\n\n+/g, "\n").replace(/ • /g, "- ");
    const ids = (profile: Profile) =>
      competencies(profile).flatMap((c) => [c.id, ...c.indicators.map((i) => i.id)]);
    expect(ids(profileOf(importText(pasted)))).toEqual(ids(importSeed()));
  });
});

// ---------------------------------------------------------------------------------------------
// The seed through any combination of the quirks: always the profile of the clean text.

const BULLET_STYLES = ["•", "-", "–", "—", "*", "◦", "▪", "·", "\uF0B7", "1.", "a)", "(1)"];

interface Quirks {
  lineEnd: string;
  space: string;
  /** Every n-th space becomes `space`. */
  spaceEvery: number;
  bullet: string;
  indent: string;
  /** One flag per blank line of the seed; in the seed, removing any of them is unambiguous. */
  keepBlank: boolean[];
  /** Hard line breaks as a PDF makes them, at this many characters. */
  wrapAt: number | undefined;
  lineTail: string;
}

function markerFor(style: string, position: number): string {
  const letter = String.fromCharCode("a".charCodeAt(0) + position - 1);
  if (style === "1.") return `${position}.`;
  if (style === "a)") return `${letter})`;
  if (style === "(1)") return `(${position})`;
  return style;
}

function withQuirks(seed: string, quirks: Quirks): string {
  let position = 0;
  const restyled = seed.split("\n").map((line) => {
    if (!line.startsWith(" • ")) {
      position = 0;
      return line;
    }
    position++;
    return `${quirks.indent}${markerFor(quirks.bullet, position)} ${line.slice(3)}`;
  });
  const wrapAt = quirks.wrapAt;
  const wrapped = wrapAt
    ? restyled.flatMap((line) =>
        line === "" ? [line] : (line.match(new RegExp(`.{1,${wrapAt}}(?: +|$)`, "g")) ?? [line]),
      )
    : restyled;
  let blank = 0;
  let space = 0;
  return wrapped
    .filter((line) => line !== "" || quirks.keepBlank[blank++] !== false)
    .map((line) =>
      line.replace(/ /g, () => (++space % quirks.spaceEvery === 0 ? quirks.space : " ")),
    )
    .map((line) => line + quirks.lineTail)
    .join(quirks.lineEnd);
}

describe("importPlainTextProfile: the seed with any combination of paste quirks", () => {
  const seed = readSeed();
  const clean = profileOf(importText(seed));
  const blankLines = seed.split("\n").filter((line) => line === "").length;
  const quirks: fc.Arbitrary<Quirks> = fc.record({
    lineEnd: fc.constantFrom("\n", "\r\n", "\r"),
    space: fc.constantFrom(" ", "\u00A0", "\u202F"),
    spaceEvery: fc.integer({ min: 1, max: 3 }),
    bullet: fc.constantFrom(...BULLET_STYLES),
    indent: fc.constantFrom("", " ", "\t", "   "),
    keepBlank: fc.array(fc.boolean(), { minLength: blankLines, maxLength: blankLines }),
    wrapAt: fc.option(fc.integer({ min: 50, max: 140 }), { nil: undefined }),
    lineTail: fc.constantFrom("", " ", "\t ", "\u200B", "\u00A0"),
  });

  it("reads the same profile as the clean text", () => {
    fc.assert(
      fc.property(quirks, (applied) => {
        expect(profileOf(importText(withQuirks(seed, applied)))).toEqual(clean);
      }),
      { numRuns: 300 },
    );
  });

  it("reads the same profile with every blank line gone, in every bullet style", () => {
    const allGone = (bullet: string, wrapAt?: number) =>
      withQuirks(seed, {
        lineEnd: "\n",
        space: " ",
        spaceEvery: 1,
        bullet,
        indent: "",
        keepBlank: Array.from({ length: blankLines }, () => false),
        wrapAt,
        lineTail: "",
      });
    for (const bullet of BULLET_STYLES) {
      expect(profileOf(importText(allGone(bullet))), bullet).toEqual(clean);
      expect(profileOf(importText(allGone(bullet, 60))), `${bullet} at 60`).toEqual(clean);
    }
  });
});
