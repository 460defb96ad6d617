// Slack and Teams payloads checked against each platform's published message shape.
// - Slack: the formatter is typed with Slack's own Block Kit types (@slack/types: a wrong block
//   fails to compile), and every payload is checked here at run time against the limits Slack
//   documents for blocks (https://docs.slack.dev/reference/block-kit/blocks), which types cannot
//   express: header text ≤ 150 plain_text, section text ≤ 3000, ≤ 10 fields of ≤ 2000, ≤ 50 blocks,
//   buttons ≤ 75 characters with unique action ids, and mrkdwn with &, < and > escaped.
// - Teams: every card is parsed by Microsoft's own Adaptive Cards SDK (the `adaptivecards` npm
//   package, the renderer Teams' web client is built on), which reports unknown elements and
//   properties while parsing and missing required ones in validateProperties(); the incoming-
//   webhook envelope around it (type "message", one attachment of the Adaptive Card content type)
//   is checked as Microsoft documents it. No npm package ships the Adaptive Card JSON schema, so
//   the SDK's parser is the published shape we can check against offline.
import { createRequire } from "node:module";
import type * as AdaptiveCardsModule from "adaptivecards";
import { describe, expect, it } from "vitest";
import {
  alertsPost,
  cycleOpenedPost,
  overdueDigestPost,
  responseRatesPost,
  retroSummaryPost,
  testMessage,
} from "../../server/services/chat/events";
import type { ChatMessage } from "../../server/services/chat/message";
import { escapeMrkdwn, SLACK_LIMITS, toSlack, type SlackPayload } from "../../server/services/chat/slack";
import { ADAPTIVE_CARD_CONTENT_TYPE, toTeams, type TeamsPayload } from "../../server/services/chat/teams";
import { buildSummary } from "../../server/services/retro/summary";
import { exchangeFigures } from "../../server/services/exchange/figures";
import { balanceOf } from "../../server/services/exchange/reciprocity";

// The package's ES build imports files without extensions, which Node cannot load; its UMD build
// is the same code in one file.
const AdaptiveCards = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as typeof AdaptiveCardsModule;

const NASTY = `Acme <!channel> & "Partners" > [click](https://evil.example) *bold* <https://evil.example|x>`;
const LONG = "Trust ".repeat(700);
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const rate = (asked: number, answered: number) => ({ asked, answered, percent: asked ? Math.round((answered / asked) * 100) : null });

function messages() {
  const many = (n: number) => Array.from({ length: n }, (_, i) => i);
  const alerts = alertsPost({
    slug: "northwind",
    cycleLabel: "2026-Q3",
    partnerships: many(14).map((i) => ({
      id: `p${i}`,
      name: i === 0 ? NASTY : `Partnership ${i}`,
      partnerName: i === 1 ? LONG : `Partner ${i}`,
      health: 40 + i,
      notices: [
        { title: "t", body: `Health fell from 70 in 2026-Q2 to ${40 + i} in 2026-Q3.`, dedupeKey: `health-drop:p${i}` },
        { title: "t", body: i === 2 ? LONG : "Trust scored 41 in 2026-Q3, in the at-risk band (below 60).", dedupeKey: `pillar:p${i}` },
      ],
    })),
  })!;
  const overdue = overdueDigestPost({
    slug: "northwind",
    day: "2026-11-30",
    today: day("2026-11-30"),
    actions: many(40).map((i) => ({
      id: `a${i}`,
      partnershipId: `p${i % 12}`,
      partnershipName: i % 12 === 0 ? NASTY : `Partnership ${i % 12}`,
      title: i === 3 ? LONG : `Agree the joint plan ${i}`,
      ownerName: i % 5 === 0 ? null : `Person ${i}`,
      dueDate: day("2026-11-01"),
    })),
  })!;
  const summary = buildSummary({
    partnershipName: NASTY,
    sideNames: { HOST: "Northwind", PARTNER: "Acme" },
    cycleLabel: "2026-Q3",
    groundRules: "",
    facilitatorName: "Alex <admin>",
    closedAt: day("2026-11-30"),
    items: [
      { id: "i1", list: "GOING_WELL", text: NASTY, createdAt: day("2026-11-01"), votes: 3 },
      { id: "i2", list: "START_DOING", text: LONG, createdAt: day("2026-11-01"), votes: 2 },
    ],
    actions: many(20).map((i) => ({
      title: `Action ${i} & more`,
      ownerName: "Sam",
      ownerSide: "PARTNER" as const,
      dueDate: day("2026-12-15"),
      pillarName: "Trust",
    })),
    attendees: [{ name: "Sam", side: "PARTNER" }],
    exchange: exchangeFigures(
      { HOST: "Northwind", PARTNER: "Acme" },
      balanceOf([]),
      "since the partnership began",
      day("2026-01-01"),
      day("2026-11-30"),
    ),
  });
  const rates = {
    slug: "northwind",
    cycleId: "c1",
    label: "2026-Q4",
    closesAt: day("2026-12-15"),
    total: rate(60, 31),
    host: rate(20, 18),
    partner: rate(40, 13),
    noPartnerAnswer: many(30).map((i) => (i === 0 ? NASTY : `Partnership ${i}`)),
    tooFew: 4,
    threshold: 3,
  };
  return {
    alerts: alerts.message,
    opened: cycleOpenedPost({
      slug: "northwind",
      cycleId: "c1",
      label: "2026-Q4",
      closesAt: day("2026-12-15"),
      openedAt: day("2026-12-01"),
      partnerships: 12,
      host: 20,
      partner: 40,
    }).message,
    closingSoon: responseRatesPost({ ...rates, stage: "CLOSING_SOON" }).message,
    closed: responseRatesPost({ ...rates, stage: "CLOSED", closedAt: day("2026-12-15") }).message,
    overdue: overdue.message,
    retro: retroSummaryPost({ summary, retroId: "r1", path: "/w/northwind/partnerships/p0/retro/r1" }).message,
    test: testMessage({ slug: "northwind", workspaceName: NASTY, platform: "Slack" }),
  } satisfies Record<string, ChatMessage>;
}

// ---- Slack --------------------------------------------------------------------------------

type Text = { type: string; text: string };

// Text that Slack reads as mrkdwn has no raw <, > or & except as the three escapes.
const escaped = (text: string) => !/[<>]/.test(text) && !/&(?!amp;|lt;|gt;)/.test(text);

function slackProblems(payload: SlackPayload): string[] {
  const problems: string[] = [];
  const mrkdwn = (where: string, t: Text, max: number) => {
    if (t.type !== "mrkdwn") problems.push(`${where}: text type ${t.type}, expected mrkdwn`);
    if (t.text.length === 0 || t.text.length > max) problems.push(`${where}: ${t.text.length} characters (1-${max})`);
    if (!escaped(t.text)) problems.push(`${where}: unescaped mrkdwn: ${t.text.slice(0, 80)}`);
  };
  const plain = (where: string, t: Text, max: number) => {
    if (t.type !== "plain_text") problems.push(`${where}: text type ${t.type}, expected plain_text`);
    if (t.text.length === 0 || t.text.length > max) problems.push(`${where}: ${t.text.length} characters (1-${max})`);
  };
  const actionIds = new Set<string>();
  const button = (where: string, b: { type: string; text: Text; url?: string; action_id?: string }) => {
    if (b.type !== "button") problems.push(`${where}: element ${b.type}`);
    plain(`${where} text`, b.text, SLACK_LIMITS.buttonText);
    if (!b.url || b.url.length > SLACK_LIMITS.url || !/^https?:\/\//.test(b.url)) problems.push(`${where}: url ${b.url}`);
    if (!b.action_id || b.action_id.length > SLACK_LIMITS.actionId || actionIds.has(b.action_id)) {
      problems.push(`${where}: action_id ${b.action_id} missing, too long or repeated`);
    }
    actionIds.add(b.action_id ?? "");
  };

  if (typeof payload.text !== "string" || !payload.text || !escaped(payload.text)) problems.push("text: missing or unescaped");
  if (payload.blocks.length < 1 || payload.blocks.length > SLACK_LIMITS.blocks) problems.push(`${payload.blocks.length} blocks`);
  payload.blocks.forEach((block, i) => {
    const at = `blocks[${i}] (${block.type})`;
    const b = block as unknown as Record<string, unknown>;
    switch (block.type) {
      case "header":
        plain(at, b.text as Text, SLACK_LIMITS.headerText);
        break;
      case "section": {
        const fields = b.fields as Text[] | undefined;
        if (!b.text && !fields?.length) problems.push(`${at}: neither text nor fields`);
        if (b.text) mrkdwn(at, b.text as Text, SLACK_LIMITS.sectionText);
        if (fields && fields.length > SLACK_LIMITS.fields) problems.push(`${at}: ${fields.length} fields`);
        fields?.forEach((f, j) => mrkdwn(`${at} field ${j}`, f, SLACK_LIMITS.fieldText));
        if (b.accessory) button(`${at} accessory`, b.accessory as never);
        break;
      }
      case "context": {
        const elements = b.elements as Text[];
        if (elements.length < 1 || elements.length > SLACK_LIMITS.contextElements) problems.push(`${at}: ${elements.length} elements`);
        elements.forEach((e, j) => mrkdwn(`${at} element ${j}`, e, SLACK_LIMITS.contextText));
        break;
      }
      case "actions": {
        const elements = b.elements as never[];
        if (elements.length < 1 || elements.length > SLACK_LIMITS.actionsElements) problems.push(`${at}: ${elements.length} elements`);
        elements.forEach((e, j) => button(`${at} element ${j}`, e));
        break;
      }
      default:
        problems.push(`${at}: a block type we do not send`);
    }
    if (i === 0 && block.type !== "header") problems.push("the first block is not the header");
  });
  return problems;
}

describe("Slack payloads (Block Kit)", () => {
  for (const [name, message] of Object.entries(messages())) {
    it(`${name}: within Block Kit's documented shape and limits`, () => {
      const payload = toSlack(message);
      expect(slackProblems(payload)).toEqual([]);
      // A plain JSON body: what is posted is what was checked.
      expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
    });
  }

  it("escapes &, < and > so nothing becomes a mention or a link", () => {
    expect(escapeMrkdwn("<!channel> & <https://x|y>")).toBe("&lt;!channel&gt; &amp; &lt;https://x|y&gt;");
    const payload = toSlack(messages().retro);
    // Every text Slack reads as mrkdwn (plain_text, as in the header, is shown as written).
    const mrkdwn = [payload.text, ...JSON.stringify(payload.blocks).matchAll(/"type":"mrkdwn","text":("(?:[^"\\]|\\.)*")/g)].map((m) =>
      typeof m === "string" ? m : (JSON.parse(m[1]!) as string),
    );
    expect(mrkdwn.some((t) => t.includes("&lt;!channel&gt;"))).toBe(true);
    for (const t of mrkdwn) expect(t).not.toContain("<!channel>");
  });

  it("cuts an over-long header and section instead of having Slack refuse the message", () => {
    const payload = toSlack({ title: LONG, summary: LONG, sections: [{ heading: LONG, lines: [LONG, LONG] }], links: [] });
    expect(slackProblems(payload)).toEqual([]);
    const header = payload.blocks[0] as { text: Text };
    expect(header.text.text).toHaveLength(SLACK_LIMITS.headerText);
    expect(header.text.text.endsWith("…")).toBe(true);
  });

  it("keeps to 50 blocks however many sections there are", () => {
    const sections = Array.from({ length: 80 }, (_, i) => ({ heading: `P${i}`, lines: ["x"], facts: [{ label: "a", value: "b" }] }));
    const payload = toSlack({ title: "t", summary: "s", sections, note: "n", links: [{ label: "Open", url: "https://app.example/x" }] });
    expect(payload.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(payload.blocks.at(-1)!.type).toBe("actions");
    expect(slackProblems(payload)).toEqual([]);
  });
});

// ---- Teams --------------------------------------------------------------------------------

function parseCard(payload: TeamsPayload) {
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  card.parse(payload.attachments[0]!.content as unknown as AdaptiveCardsModule.PropertyBag, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  const failures = card.validateProperties().validationEvents.map((e) => e.message);
  return { card, events, failures };
}

describe("Teams payloads (Adaptive Cards in an incoming-webhook message)", () => {
  for (const [name, message] of Object.entries(messages())) {
    it(`${name}: a message with one Adaptive Card 1.4 that Microsoft's SDK parses without a complaint`, () => {
      const payload = toTeams(message);
      expect(payload.type).toBe("message");
      expect(payload.attachments).toHaveLength(1);
      const attachment = payload.attachments[0]!;
      expect(attachment.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
      expect(attachment.content).toMatchObject({
        type: "AdaptiveCard",
        version: "1.4",
        $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      });

      const { card, events, failures } = parseCard(payload);
      expect(events, "parse events").toEqual([]);
      expect(failures, "validation failures").toEqual([]);
      expect(card.version?.toString()).toBe("1.4");
      // Everything sent was understood: the SDK's own serialisation keeps every element and action.
      const back = card.toJSON() as { body?: unknown[]; actions?: { type: string; url: string }[] };
      expect(back.body).toHaveLength(attachment.content.body.length);
      expect(back.actions ?? []).toHaveLength(message.links.length);
      for (const action of back.actions ?? []) {
        expect(action.type).toBe("Action.OpenUrl");
        expect(action.url).toMatch(/^https?:\/\//);
      }
      // Teams refuses cards above about 28 KB.
      expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThan(28 * 1024);
    });
  }

  it("puts text in TextRuns, which Teams shows literally (no Markdown link from a retro item)", () => {
    const payload = toTeams(messages().retro);
    const runs = JSON.stringify(payload.attachments[0]!.content.body);
    expect(runs).not.toContain('"TextBlock"');
    expect(runs).toContain(JSON.stringify(`•  1. ${NASTY} (3 votes)`).slice(1, -1));
  });

  it("the SDK does report a malformed card (the check can fail)", () => {
    const payload = toTeams(messages().test);
    const broken = structuredClone(payload);
    (broken.attachments[0]!.content.body as unknown[]).push({ type: "Bogus" });
    (broken.attachments[0]!.content.actions as unknown[]).push({ type: "Action.OpenUrl", title: "No url" });
    const { events, failures } = parseCard(broken);
    expect(events.join(" ")).toMatch(/Bogus/);
    expect(failures.join(" ")).toMatch(/url/i);
  });
});
