// What each connection of the load test does, as autocannon request steps. A connection loops over
// its steps; each pass is one person's visit:
// - a partner contact opens their survey, saves a draft twice (part of it, then all of it) and
//   submits; every write is written down with its answer, for the database checks afterwards;
// - a manager or executive opens the portfolio, then scorecards (data and one page).
import type { RequestData, RequestStep } from "autocannon";
import type { Kind, Recorder } from "./stats";
import { trpcData, trpcMutation, trpcQuery, type HttpRequest } from "./trpc";
import type { Reader, Survey, Writer } from "./users";

export interface WriteRecord {
  kind: "draft" | "submit";
  seq: number;
  // null: no answer came (the connection was cut).
  status: number | null;
  // The comment a submit carried on the first pillar: what the database must hold afterwards.
  marker: string | null;
  version: number | null;
}

export interface WriterState {
  writer: Writer;
  writes: WriteRecord[];
  busyUntil: number;
}

// One visit per person at a time: a person is leased to a connection for a pass.
class Pool<T extends { busyUntil: number }> {
  private cursor = 0;
  constructor(readonly items: T[]) {}
  lease(): T {
    const now = Date.now();
    for (let tries = 0; tries < this.items.length; tries++) {
      const item = this.items[this.cursor++ % this.items.length]!;
      if (item.busyUntil < now) {
        item.busyUntil = now + 30_000;
        return item;
      }
    }
    throw new Error("Every virtual user is busy: sign in more of them than there are connections.");
  }
}

type Context = Record<string, unknown>;

function step(
  kind: (ctx: Context) => Kind,
  build: (ctx: Context) => HttpRequest | null,
  recorder: Recorder,
  after?: (status: number, body: string, ctx: Context) => void,
): RequestStep {
  return {
    setupRequest(request: RequestData, ctx: Context) {
      const built = build(ctx);
      if (!built) return null;
      ctx.t0 = performance.now();
      ctx.kind = kind(ctx);
      ctx.method = built.method;
      return { ...request, method: built.method, path: built.path, headers: { ...request.headers, ...built.headers }, body: built.body };
    },
    onResponse(status: number, body: string, ctx: Context) {
      recorder.answer({
        kind: ctx.kind as Kind,
        status,
        ms: performance.now() - (ctx.t0 as number),
        at: Date.now(),
        method: ctx.method as "GET" | "POST",
      });
      after?.(status, body, ctx);
    },
  };
}

function answersFor(survey: Survey, pillars: number, rand: () => number) {
  return survey.pillars.slice(0, pillars).flatMap((p) =>
    p.statements.map((statementId) => ({
      statementId,
      // Now and then "Don't know".
      value: rand() < 0.05 ? null : 1 + Math.floor(rand() * 5),
    })),
  );
}

export interface WriterScenario {
  steps: RequestStep[];
  states: WriterState[];
}

export function writerScenario(survey: Survey, writers: Writer[], origin: string, runId: string, recorder: Recorder): WriterScenario {
  const states: WriterState[] = writers.map((writer) => ({ writer, writes: [], busyUntil: 0 }));
  const pool = new Pool(states);
  const at = (ctx: Context) => states[ctx.vu as number]!;
  const target = (w: Writer) => ({ workspaceSlug: survey.workspaceSlug, cycleId: survey.cycleId, partnershipId: w.partnershipId });
  const record = (ctx: Context, write: Omit<WriteRecord, "seq" | "status">) => {
    const state = at(ctx);
    const entry: WriteRecord = { ...write, seq: state.writes.length, status: null };
    state.writes.push(entry);
    ctx.write = entry.seq;
  };
  const settle = (status: number, body: string, ctx: Context) => {
    const entry = at(ctx).writes[ctx.write as number]!;
    entry.status = status;
    if (status === 200 && entry.kind === "draft") {
      entry.version = trpcData<{ version: number }>(body)?.version ?? null;
      ctx.base = entry.version;
    }
    // A save that failed leaves the draft's version unknown: the visit reloads the survey.
    if (status !== 200) ctx.broken = true;
  };
  const form = (ctx: Context) => trpcQuery("response.form", target(at(ctx).writer), at(ctx).writer.cookie);
  const readForm = (status: number, body: string, ctx: Context) => {
    if (status !== 200) return void (ctx.broken = true);
    ctx.base = trpcData<{ draft: { version: number } | null }>(body)?.draft?.version ?? null;
    ctx.broken = false;
  };
  const draft = (pillars: number) => (ctx: Context) => {
    const w = at(ctx).writer;
    record(ctx, { kind: "draft", marker: null, version: null });
    const input = {
      ...target(w),
      answers: answersFor(survey, pillars, Math.random),
      comments: [],
      baseVersion: (ctx.base as number | null) ?? null,
    };
    return trpcMutation("response.saveDraft", input, w.cookie, origin);
  };

  const steps: RequestStep[] = [
    step(
      () => "form",
      (ctx) => {
        ctx.vu = states.indexOf(pool.lease());
        return form(ctx);
      },
      recorder,
      readForm,
    ),
    ...[2, survey.pillars.length].map((pillars) =>
      step(
        (ctx) => (ctx.broken ? "form" : "draft"),
        (ctx) => (ctx.broken ? form(ctx) : draft(pillars)(ctx)),
        recorder,
        (s, b, ctx) => (ctx.kind === "form" ? readForm(s, b, ctx) : settle(s, b, ctx)),
      ),
    ),
    step(
      () => "submit",
      (ctx) => {
        const w = at(ctx).writer;
        const marker = `load test ${runId} #${at(ctx).writes.length}`;
        record(ctx, { kind: "submit", marker, version: null });
        const input = {
          ...target(w),
          answers: answersFor(survey, survey.pillars.length, Math.random),
          comments: [{ pillarId: survey.pillars[0]!.id, text: marker }],
        };
        return trpcMutation("response.submit", input, w.cookie, origin);
      },
      recorder,
      (status, body, ctx) => {
        settle(status, body, ctx);
        at(ctx).busyUntil = 0;
      },
    ),
  ];
  return { steps, states };
}

export function readerScenario(survey: Survey, readers: Reader[], recorder: Recorder, scorecards = 4): RequestStep[] {
  const states = readers.map((reader) => ({ reader, busyUntil: 0 }));
  const pool = new Pool(states);
  const who = (ctx: Context) => states[ctx.vu as number]!.reader;
  const pick = (r: Reader) => r.partnershipIds[Math.floor(Math.random() * r.partnershipIds.length)]!;
  const slug = survey.workspaceSlug;
  const scorecard = step(
    () => "scorecard",
    (ctx) => trpcQuery("partnership.scorecard", { workspaceSlug: slug, partnershipId: pick(who(ctx)) }, who(ctx).cookie),
    recorder,
  );
  return [
    step(
      () => "portfolio",
      (ctx) => {
        const state = pool.lease();
        // Readers only read: several connections may share one, as a person's tabs would.
        state.busyUntil = 0;
        ctx.vu = states.indexOf(state);
        return trpcQuery("portfolio.overview", { workspaceSlug: slug }, who(ctx).cookie);
      },
      recorder,
    ),
    ...Array.from({ length: scorecards }, () => scorecard),
    step(
      () => "page",
      (ctx) => ({ method: "GET", path: `/w/${slug}/partnerships/${pick(who(ctx))}`, headers: { cookie: who(ctx).cookie } }),
      recorder,
    ),
  ];
}

export function floorScenario(recorder: Recorder, path: string): RequestStep[] {
  return [
    step(
      () => "floor",
      () => ({ method: "GET", path, headers: {} }),
      recorder,
    ),
  ];
}
