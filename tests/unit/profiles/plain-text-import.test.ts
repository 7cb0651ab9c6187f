import { describe, expect, it } from "vitest";
import { importPlainTextProfile, slugify } from "~/profiles/plain-text-import";
import { countProfile, DEFAULT_RATING_SCALE } from "~/profiles/schema";
import {
  competencies,
  competencyNamed,
  errorsOf,
  importSeed,
  importText,
  profileOf,
  readSeed,
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
      { file: "invoer.txt", line: 1, message: "het bestand is leeg" },
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
      { file: "invoer.txt", line: 1, message: "bestand is te groot (1025 KB; maximaal 512 KB)" },
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

  it("refuses a heading glued to the text below it instead of guessing", () => {
    const glued = (from: string, to: string) => {
      const errors = errorsOf(importText(SMALL_PROFILE.join("\n").replace(from, to)));
      return errors.map(({ line, message }) => [line, message]);
    };
    expect(glued("Vakkennis\n\npast", "Vakkennis\npast")).toEqual([
      [
        3,
        'kop "Vakkennis" staat vast aan de tekst eronder: ontbreekt er een lege regel na "Vakkennis"?',
      ],
    ]);
    expect(glued("Klantgericht werken ***\n\nstelt", "Klantgericht werken ***\nstelt")).toEqual([
      [
        12,
        'kop "Klantgericht werken ***" staat vast aan de tekst eronder: ontbreekt er een lege regel na "Klantgericht werken ***"?',
      ],
    ]);
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
