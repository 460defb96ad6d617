// The confidentiality rule of DESIGN.md, pinned case by case: what a cycle, a pillar, a side and a
// statement breakdown may show for given counts, and the words for what is withheld.
import { describe, expect, it } from "vitest";
import {
  changeOf,
  commentsShown,
  cycleShown,
  cycleSidesShown,
  cycleView,
  everyPillarShowsBothSides,
  figureShown,
  lastShown,
  minimumResponses,
  pillarsWithheldNote,
  privacyOf,
  sidesShown,
  statementsShown,
  tooFew,
  type CycleCounts,
  type Visible,
} from "../../server/services/confidentiality";

const confidential = { threshold: 3, attributed: false };
const attributed = { threshold: 3, attributed: true };
const n = (HOST: number, PARTNER: number) => ({ HOST, PARTNER });

describe("privacyOf and minimumResponses", () => {
  it("reads the workspace's threshold and mode", () => {
    expect(privacyOf({ confidentialityThreshold: 4, surveyMode: "CONFIDENTIAL" })).toEqual({ threshold: 4, attributed: false });
    expect(privacyOf({ confidentialityThreshold: 3, surveyMode: "ATTRIBUTED" })).toEqual({ threshold: 3, attributed: true });
  });

  it("needs the threshold in confidential mode and one response in attributed mode", () => {
    expect(minimumResponses(confidential)).toBe(3);
    expect(minimumResponses({ threshold: 5, attributed: false })).toBe(5);
    expect(minimumResponses(attributed)).toBe(1);
  });
});

describe("sidesShown (a side's own figure beside the combined one)", () => {
  it("shows both sides when both reach the threshold", () => {
    expect(sidesShown(n(3, 3), confidential)).toEqual({ host: true, partner: true });
  });

  it("hides a side that reaches the threshold while the other has some responses below it", () => {
    // Host 3, partner 2: host beside the combined score would give the partner's away.
    expect(sidesShown(n(3, 2), confidential)).toEqual({ host: false, partner: false });
    expect(sidesShown(n(1, 5), confidential)).toEqual({ host: false, partner: false });
  });

  it("shows a side when the other has none (the combined figure is that side's)", () => {
    expect(sidesShown(n(4, 0), confidential)).toEqual({ host: true, partner: false });
    expect(sidesShown(n(0, 3), confidential)).toEqual({ host: false, partner: true });
  });

  it("shows any side with a response in attributed mode", () => {
    expect(sidesShown(n(1, 2), attributed)).toEqual({ host: true, partner: true });
    expect(sidesShown(n(1, 0), attributed)).toEqual({ host: true, partner: false });
  });
});

describe("figureShown (a combined figure and its sides)", () => {
  it("needs the threshold in total for the combined figure", () => {
    expect(figureShown(n(1, 1), confidential)).toEqual({ combined: false, host: false, partner: false });
    expect(figureShown(n(2, 1), confidential)).toEqual({ combined: true, host: false, partner: false });
    expect(figureShown(n(3, 0), confidential)).toEqual({ combined: true, host: true, partner: false });
    expect(figureShown(n(3, 4), confidential)).toEqual({ combined: true, host: true, partner: true });
  });

  it("shows one response's figure in attributed mode, nothing without any", () => {
    expect(figureShown(n(1, 0), attributed)).toEqual({ combined: true, host: true, partner: false });
    expect(figureShown(n(0, 0), attributed)).toEqual({ combined: false, host: false, partner: false });
  });
});

describe("commentsShown", () => {
  it("shows a side's comments from the threshold of its responses on (one in attributed mode)", () => {
    expect(commentsShown(2, confidential)).toBe(false);
    expect(commentsShown(3, confidential)).toBe(true);
    expect(commentsShown(1, attributed)).toBe(true);
    expect(commentsShown(0, attributed)).toBe(false);
  });
});

// A cycle of four pillars, each scored by everyone unless given.
function counts(
  responses: { HOST: number; PARTNER: number },
  pillars: Record<string, { HOST: number; PARTNER: number }> = {},
): CycleCounts {
  return {
    responses,
    scored: responses,
    pillars: ["trust", "commitment", "coordination", "communication"].map((key) => {
      const scored = pillars[key] ?? responses;
      return { key, hasScore: scored.HOST + scored.PARTNER > 0, scored };
    }),
  };
}
const pillarOf = (view: ReturnType<typeof cycleView>, key: string) => view.pillar.get(key);

describe("cycleView (what one cycle may show)", () => {
  it("shows nothing of a cycle below the threshold in total: one response is one person's answers", () => {
    for (const [host, partner] of [
      [1, 0],
      [0, 1],
      [1, 1],
      [2, 0],
    ] as const) {
      const view = cycleView(counts(n(host, partner)), confidential);
      expect(view.shown).toBe(false);
      expect(view.pillars).toBe(false);
      expect(view.host || view.partner).toBe(false);
      expect(pillarOf(view, "trust")).toEqual({ combined: false, host: false, partner: false });
    }
  });

  it("shows the combined figures from the threshold in total, a side's from the threshold on that side", () => {
    const view = cycleView(counts(n(2, 2)), confidential);
    expect(view).toMatchObject({ shown: true, pillars: true, host: false, partner: false });
    expect(pillarOf(view, "trust")).toEqual({ combined: true, host: false, partner: false });
    expect(cycleView(counts(n(3, 3)), confidential)).toMatchObject({ shown: true, host: true, partner: true });
    expect(cycleView(counts(n(4, 0)), confidential)).toMatchObject({ shown: true, host: true, partner: false });
  });

  it("counts the responses with an answer, not every response", () => {
    // Three host responses, one of them "Don't know" throughout: two stand behind the figures.
    const view = cycleView(
      { ...counts(n(3, 0), { trust: n(2, 0), commitment: n(2, 0), coordination: n(2, 0), communication: n(2, 0) }), scored: n(2, 0) },
      confidential,
    );
    expect(view.shown).toBe(false);
  });

  it("withholds the whole pillar breakdown when one scored pillar has too few responses behind it", () => {
    // Four responses, but only two scored Coordination: beside the health index and the three other
    // pillars, its score could be worked out, so no pillar shows; the health index does.
    const view = cycleView(counts(n(2, 2), { coordination: n(1, 1) }), confidential);
    expect(view.shown).toBe(true);
    expect(view.pillars).toBe(false);
    for (const key of ["trust", "commitment", "coordination", "communication"]) {
      expect(pillarOf(view, key)).toEqual({ combined: false, host: false, partner: false });
    }
  });

  it("decides each pillar's sides from that pillar's own responses", () => {
    // Three a side, but only two partner responses scored Communication: its sides are withheld
    // (partner too few, host beside the combined score would give it away); the rest show.
    const view = cycleView(counts(n(3, 3), { communication: n(3, 2) }), confidential);
    expect(view).toMatchObject({ shown: true, pillars: true, host: true, partner: true });
    expect(pillarOf(view, "trust")).toEqual({ combined: true, host: true, partner: true });
    expect(pillarOf(view, "communication")).toEqual({ combined: true, host: false, partner: false });
  });

  it("lets a pillar nobody scored drop out without withholding the others", () => {
    const view = cycleView(counts(n(3, 3), { trust: n(0, 0) }), confidential);
    expect(view.pillars).toBe(true);
    expect(pillarOf(view, "trust")).toEqual({ combined: false, host: false, partner: false });
    expect(pillarOf(view, "commitment")).toEqual({ combined: true, host: true, partner: true });
  });

  it("shows everything anyone answered in attributed mode", () => {
    const view = cycleView(counts(n(1, 0)), attributed);
    expect(view).toMatchObject({ shown: true, pillars: true, host: true, partner: false });
  });
});

describe("cycleShown and cycleSidesShown (the portfolio's reads, without pillar rows)", () => {
  it("agree with cycleView at cycle level", () => {
    for (const [host, partner] of [
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 2],
      [3, 3],
      [5, 0],
    ] as const) {
      const view = cycleView(counts(n(host, partner)), confidential);
      expect(cycleShown(n(host, partner), confidential)).toBe(view.shown);
      expect(cycleSidesShown(n(host, partner), confidential)).toBe(view.host && view.partner);
    }
  });
});

describe("everyPillarShowsBothSides (the portfolio's gaps, from stored counts)", () => {
  it("is true exactly when cycleView shows both sides of every scored pillar", () => {
    const cases: [CycleCounts, { HOST: number; PARTNER: number }][] = [
      [counts(n(3, 3)), n(3, 3)],
      [counts(n(4, 3), { communication: n(4, 2) }), n(4, 2)],
      [counts(n(3, 3), { coordination: n(1, 0) }), n(1, 0)],
      [counts(n(5, 2)), n(5, 2)],
      [counts(n(3, 3), { trust: n(3, 0) }), n(3, 0)],
    ];
    for (const [c, fewest] of cases) {
      const view = cycleView(c, confidential);
      const all = c.pillars.filter((x) => x.hasScore).every((x) => view.pillar.get(x.key)!.host && view.pillar.get(x.key)!.partner);
      expect(everyPillarShowsBothSides(c.scored, fewest, confidential)).toBe(all);
    }
  });
});

describe("statementsShown (a pillar's statement breakdown)", () => {
  const all: Visible = { combined: true, host: true, partner: true };
  const combinedOnly: Visible = { combined: true, host: false, partner: false };
  const s = (host: number, partner: number) => ({ answered: n(host, partner) });

  it("shows every statement, per side, when each has enough answers on each side", () => {
    expect(statementsShown(all, [s(3, 3), s(3, 4), s(5, 3), s(3, 3)], confidential)).toEqual(all);
  });

  it("withholds the whole breakdown when one statement has too few answers in total (a Don't-know-heavy statement)", () => {
    // Six responses, but four said "Don't know" to the last statement: two answers. Beside the
    // pillar score and the other three statements it could be worked out, so none shows.
    expect(statementsShown(all, [s(3, 3), s(3, 3), s(3, 3), s(1, 1)], confidential)).toEqual({
      combined: false,
      host: false,
      partner: false,
    });
  });

  it("withholds both sides' breakdown when one statement has too few answers on one side", () => {
    // Partner 2 answers on one statement: the partner breakdown goes, and the host's with it
    // (beside the combined statement scores it would give the partner's away).
    expect(statementsShown(all, [s(3, 3), s(3, 2), s(3, 3), s(3, 3)], confidential)).toEqual(combinedOnly);
  });

  it("never shows more than the pillar itself shows", () => {
    expect(statementsShown(combinedOnly, [s(3, 3), s(3, 3)], confidential)).toEqual(combinedOnly);
    expect(statementsShown({ combined: false, host: false, partner: false }, [s(3, 3)], confidential)).toEqual({
      combined: false,
      host: false,
      partner: false,
    });
  });

  it("ignores a statement nobody answered, and shows a side alone when the other answered none", () => {
    expect(statementsShown(all, [s(3, 3), s(0, 0)], confidential)).toEqual(all);
    expect(statementsShown({ combined: true, host: true, partner: false }, [s(4, 0), s(3, 0)], confidential)).toEqual({
      combined: true,
      host: true,
      partner: false,
    });
  });

  it("shows single answers in attributed mode", () => {
    expect(statementsShown(all, [s(1, 1), s(1, 0)], attributed)).toEqual(all);
  });
});

describe("changes and trends", () => {
  it("is a change only between two shown figures", () => {
    expect(changeOf(70, 60)).toBe(10);
    expect(changeOf(70, null)).toBeNull();
    expect(changeOf(null, 60)).toBeNull();
  });

  it("finds the latest shown cycle at or before an index", () => {
    expect(lastShown([true, false, true, false])).toBe(2);
    expect(lastShown([true, false, true, false], 1)).toBe(0);
    expect(lastShown([false, false])).toBe(-1);
  });
});

describe("the words", () => {
  it('says "too few responses (n of N)" with the people asked', () => {
    expect(tooFew({ responses: 1, scored: 1, asked: 8 }, confidential)).toBe("too few responses (1 of 8)");
    // Never fewer asked than answered (someone taken off the list after answering).
    expect(tooFew({ responses: 2, scored: 2, asked: 0 }, confidential)).toBe("too few responses (2 of 2)");
  });

  it("says when enough responded but too few answered anything but Don't know", () => {
    expect(tooFew({ responses: 3, scored: 2, asked: 5 }, confidential)).toBe(
      'too few responses with answers (2 of 5; the others answered "Don\'t know" throughout)',
    );
  });

  it("names the pillars whose scores withhold the breakdown", () => {
    expect(pillarsWithheldNote("2031-Q2", ["Coordination"], confidential)).toBe(
      "The pillar scores of 2031-Q2 are withheld: fewer than 3 people answered Coordination (Don't know counts in no score), " +
        "and beside the health index and the other pillars its score could be worked out.",
    );
    expect(pillarsWithheldNote("2031-Q2", ["Trust", "Coordination"], confidential)).toContain("answered Trust and Coordination");
  });
});
