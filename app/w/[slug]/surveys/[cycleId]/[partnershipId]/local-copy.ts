// The browser's copy of a survey in progress: the answers the server has not confirmed yet, and
// the page the person was on. Kept per workspace, cycle, partnership and member, so two people
// sharing a browser never see each other's answers.
import type { SurveyState } from "./answers";

export interface Pending {
  state: SurveyState;
  // The server's state (and its version) these edits were made on, for a three-way merge.
  base: SurveyState;
  baseVersion: number | null;
  changedAt: number;
}

export interface LocalCopy {
  step: number | null;
  pending: Pending | null;
}

export const localKey = (ids: { slug: string; cycleId: string; partnershipId: string; memberId: string }) =>
  `survey-draft:${ids.slug}:${ids.cycleId}:${ids.partnershipId}:${ids.memberId}`;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function isState(v: unknown): v is SurveyState {
  if (!isRecord(v) || !isRecord(v.answers) || !isRecord(v.comments)) return false;
  const answersOk = Object.values(v.answers).every((a) => a === null || (Number.isInteger(a) && (a as number) >= 1 && (a as number) <= 5));
  return answersOk && Object.values(v.comments).every((c) => typeof c === "string");
}

// Anything unreadable (another version of the app, a hand-edited value) counts as no copy.
export function readLocal(key: string): LocalCopy {
  try {
    const raw = window.localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (!isRecord(parsed)) return { step: null, pending: null };
    const step = typeof parsed.step === "number" && Number.isInteger(parsed.step) ? parsed.step : null;
    const p = parsed.pending;
    const pending =
      isRecord(p) &&
      isState(p.state) &&
      isState(p.base) &&
      (p.baseVersion === null || typeof p.baseVersion === "number") &&
      typeof p.changedAt === "number"
        ? (p as unknown as Pending)
        : null;
    return { step, pending };
  } catch {
    return { step: null, pending: null };
  }
}

// A full or blocked storage must not stop the survey: the server copy still works.
export function writeLocal(key: string, copy: LocalCopy) {
  try {
    if (copy.step === null && copy.pending === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(copy));
  } catch {
    // Nothing to do: autosave to the server carries on.
  }
}

export function clearLocal(key: string) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // As above.
  }
}
