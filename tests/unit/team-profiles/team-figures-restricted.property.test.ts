import { describe, expect, it } from "vitest";
import { competenciesOfTeams } from "~/team-profiles/engine/reading";
import {
  computeTeamFigures,
  type MemberScores,
  type TeamFiguresInput,
  type ViewerKnowledge,
} from "~/team-profiles/engine/team-figures";

// The team pages work out only the competencies they show: a team profile those of its
// members, a comparison its axes. That is safe only while the engine decides every competency
// on its own, over every member and team of the round: on random rounds whose participants are
// rated on different profiles, with viewers who know some of them, a run on some competencies
// must give exactly the figures (and norm) of a run on all of them, for every team.

const WIDE = ["w1", "w2"] as const;
const PROFILES = [
  [...WIDE, "a1", "a2", "a3"],
  [...WIDE, "b1", "b2"],
  [...WIDE, "a1", "c1"],
  ["w1", "d1", "d2"],
] as const;
const ALL_KEYS = [...new Set(PROFILES.flat())];

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Round {
  input: TeamFiguresInput;
  /** Participant → the competencies of the profile they were rated on. */
  keysOf: Map<string, readonly string[]>;
  teams: string[];
}

function randomRound(seed: number): Round {
  const random = mulberry32(seed * 104_729 + 3);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const names = ["mu", "bo", "ka", "zi", "de", "ra"].slice(0, 1 + Math.floor(random() * 6));
  const parent = new Map<string, string | null>();
  names.forEach((name, i) => {
    parent.set(name, i > 0 && random() < 0.6 ? names[Math.floor(random() * i)]! : null);
  });
  const pathOf = (team: string) => {
    const path: string[] = [];
    for (let at: string | null = team; at !== null; at = parent.get(at) ?? null) path.push(at);
    return path;
  };
  const k = 2 + Math.floor(random() * 3);
  const members: MemberScores[] = [];
  const keysOf = new Map<string, readonly string[]>();
  const known = new Set<string>();
  const knownScores = new Map<string, Set<string>>();
  const partlyKnownScores = new Map<string, Set<string>>();
  const notOtherPeople = new Map<string, number>();
  const memberCount = 4 + Math.floor(random() * 26);
  for (let m = 0; m < memberCount; m++) {
    const participantId = `p${m}`;
    const profile = pick(PROFILES);
    const scores: Record<string, number> = {};
    const raters: Record<string, number> = {};
    for (const key of profile) {
      if (random() < 0.15) continue;
      scores[key] = 1 + Math.floor(random() * 17) / 4;
      raters[key] = 1 + Math.floor(random() * 6);
    }
    members.push({
      participantId,
      teamPath: random() < 0.1 ? [] : pathOf(pick(names)),
      scores,
      ...(random() < 0.8 ? { raters } : {}),
    });
    keysOf.set(participantId, profile);
    const roll = random();
    if (roll < 0.08) known.add(participantId);
    else if (roll < 0.3) {
      const some = new Set(profile.filter(() => random() < 0.5));
      (random() < 0.5 ? knownScores : partlyKnownScores).set(participantId, some);
    }
    if (random() < 0.25) notOtherPeople.set(participantId, 1 + Math.floor(random() * 3));
  }
  const viewer: ViewerKnowledge = { knownScores, partlyKnownScores, notOtherPeople };
  return {
    input: {
      competencyKeys: ALL_KEYS,
      members,
      k,
      knownParticipantIds: known,
      normMinParticipants: pick([1, 3, 5, k + 1, 1000]),
      withholdExposedNorm: random() < 0.7,
      viewer,
    },
    keysOf,
    teams: [...new Set(members.flatMap((member) => member.teamPath))].sort(),
  };
}

/** Per team, the competencies its members (in it or below) were rated on: this test's own. */
function ratedOnOf(round: Round): Map<string, Set<string>> {
  const ratedOn = new Map<string, Set<string>>();
  for (const member of round.input.members) {
    for (const team of member.teamPath) {
      const keys = ratedOn.get(team) ?? new Set<string>();
      for (const key of round.keysOf.get(member.participantId)!) keys.add(key);
      ratedOn.set(team, keys);
    }
  }
  return ratedOn;
}

describe("computeTeamFigures on some competencies: the figures of a run on all of them", () => {
  it("for the competencies of the teams asked for, and for any other choice of competencies", () => {
    let compared = 0;
    let shown = 0;
    let withheld = 0;
    let fewerKeys = 0;
    let normCompared = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const round = randomRound(seed);
      const full = computeTeamFigures(round.input);
      const random = mulberry32(seed);
      const ratedOn = ratedOnOf(round);
      const some = round.teams.filter(() => random() < 0.4).slice(0, 3);
      const asked = some.length > 0 ? some : round.teams.slice(0, 2);
      const choices = [
        // A team profile: one team's competencies.
        ...round.teams.slice(0, 1).map((team) => competenciesOfTeams(ALL_KEYS, ratedOn, [team])),
        // A comparison: the teams asked for (at most three).
        competenciesOfTeams(ALL_KEYS, ratedOn, asked),
        // Any subset, as a comparison's shared axes are.
        ALL_KEYS.filter(() => random() < 0.3),
      ];
      for (const keys of choices) {
        if (keys.length < ALL_KEYS.length) fewerKeys++;
        const restricted = computeTeamFigures({ ...round.input, competencyKeys: keys });
        // Every team is still there, with exactly the competencies asked for.
        expect([...restricted.teams.keys()]).toEqual([...full.teams.keys()]);
        for (const [team, figures] of restricted.teams) {
          expect(Object.keys(figures.competencies).sort()).toEqual([...keys].sort());
          for (const key of keys) {
            const figure = figures.competencies[key];
            expect(figure, `${team} ${key} (seed ${seed})`).toEqual(
              full.teams.get(team)!.competencies[key],
            );
            if (figure!.shown) shown++;
            else withheld++;
            compared++;
          }
        }
        // The norm: the same figure where there is one, absent where there is none.
        const normKeys = Object.keys(full.norm).filter((key) => keys.includes(key));
        expect(Object.keys(restricted.norm).sort()).toEqual(normKeys.sort());
        for (const key of normKeys) {
          expect(restricted.norm[key]).toEqual(full.norm[key]);
          normCompared++;
        }
      }
    }
    // Not vacuous: restricted runs, shown and withheld figures, the norm.
    expect(fewerKeys).toBeGreaterThan(500);
    expect(compared).toBeGreaterThan(5000);
    expect(shown).toBeGreaterThan(1000);
    expect(withheld).toBeGreaterThan(1000);
    expect(normCompared).toBeGreaterThan(300);
  });

  it("competenciesOfTeams: the union of the teams' competencies in profile order, all without a list", () => {
    const ratedOn = new Map([
      ["t1", new Set(["b", "a"])],
      ["t2", new Set(["c", "a"])],
    ]);
    const keys = ["a", "b", "c", "d"];
    expect(competenciesOfTeams(keys, ratedOn, ["t1"])).toEqual(["a", "b"]);
    expect(competenciesOfTeams(keys, ratedOn, ["t2", "t1"])).toEqual(["a", "b", "c"]);
    expect(competenciesOfTeams(keys, ratedOn, [])).toEqual([]);
    expect(competenciesOfTeams(keys, ratedOn, ["t1", "unknown"])).toEqual(keys);
  });
});
