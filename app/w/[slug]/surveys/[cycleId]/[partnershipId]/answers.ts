// What a person has answered, as plain data, and how two versions of it are merged.
import type { RouterOutputs } from "~/server/trpc/types";

export type Form = RouterOutputs["response"]["form"];
// Statement id -> 1..5, or null for "Don't know"; unanswered statements are absent.
export type Answers = Record<string, number | null>;
// Pillar id -> text; "" and absent both mean no comment.
export type Comments = Record<string, string>;
export interface SurveyState {
  answers: Answers;
  comments: Comments;
}

export const EMPTY: SurveyState = { answers: {}, comments: {} };

export function sameState(a: SurveyState, b: SurveyState): boolean {
  const ids = new Set([...Object.keys(a.answers), ...Object.keys(b.answers)]);
  for (const id of ids) if (a.answers[id] !== b.answers[id]) return false;
  const pillars = new Set([...Object.keys(a.comments), ...Object.keys(b.comments)]);
  for (const id of pillars) if ((a.comments[id] ?? "") !== (b.comments[id] ?? "")) return false;
  return true;
}

// A three-way merge: every answer or comment `mine` changed since `base` is kept on top of
// `theirs`, unless `theirs` changed the same one too and is the newer of the two.
export function merge(base: SurveyState, mine: SurveyState, theirs: SurveyState, mineWins: boolean): SurveyState {
  const answers: Answers = { ...theirs.answers };
  for (const [id, value] of Object.entries(mine.answers)) {
    if (value === base.answers[id]) continue;
    const theirsChanged = id in theirs.answers && theirs.answers[id] !== base.answers[id];
    if (mineWins || !theirsChanged) answers[id] = value;
  }
  const comments: Comments = { ...theirs.comments };
  for (const id of new Set([...Object.keys(mine.comments), ...Object.keys(base.comments)])) {
    const value = mine.comments[id] ?? "";
    if (value === (base.comments[id] ?? "")) continue;
    const theirsChanged = (theirs.comments[id] ?? "") !== (base.comments[id] ?? "");
    if (mineWins || !theirsChanged) comments[id] = value;
  }
  return { answers, comments };
}

// What the server holds for this person: a draft newer than their submitted answers wins.
export function serverState(form: Pick<Form, "draft" | "previous">) {
  const { draft, previous } = form;
  const draftIsNewer = draft && (!previous || new Date(draft.updatedAt) >= new Date(previous.submittedAt));
  if (draftIsNewer) {
    return { state: { answers: draft.answers, comments: draft.comments }, version: draft.version, source: "draft" as const };
  }
  if (previous) {
    return {
      state: { answers: previous.answers, comments: previous.comments },
      version: draft?.version ?? null,
      source: "submitted" as const,
    };
  }
  return { state: EMPTY, version: draft?.version ?? null, source: "empty" as const };
}

export const answeredCount = (form: Form, answers: Answers) =>
  form.pillars.reduce((n, p) => n + p.statements.filter((s) => s.id in answers).length, 0);

// The statements of the cycle's framework only: a stale copy may name statements of an older one.
export function toInput(form: Form, state: SurveyState) {
  return {
    answers: form.pillars.flatMap((p) =>
      p.statements.filter((s) => s.id in state.answers).map((s) => ({ statementId: s.id, value: state.answers[s.id] ?? null })),
    ),
    comments: form.pillars.filter((p) => state.comments[p.id]).map((p) => ({ pillarId: p.id, text: state.comments[p.id] ?? "" })),
  };
}
