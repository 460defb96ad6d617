// Where a person picks up the survey: the server's state, with any edits this browser kept but
// the server never confirmed merged on top, on the page they were on.
import { merge, sameState, serverState, type Form, type SurveyState } from "./answers";
import { readLocal } from "./local-copy";

export interface Resumed {
  server: ReturnType<typeof serverState>;
  current: SurveyState;
  step: number;
  // Edits only this browser had were put back.
  restoredLocal: boolean;
}

export function resume(form: Form, localKey: string): Resumed {
  const server = serverState(form);
  const local = readLocal(localKey);
  let current = server.state;
  if (local.pending) {
    const serverSavedAt = form.draft ? new Date(form.draft.updatedAt).getTime() : 0;
    current = merge(local.pending.base, local.pending.state, server.state, local.pending.changedAt >= serverSavedAt);
  }
  const reviewStep = form.pillars.length;
  const step = local.step !== null && local.step >= 0 && local.step <= reviewStep ? local.step : firstUnanswered(form, current);
  return { server, current, step, restoredLocal: !sameState(current, server.state) };
}

// Someone arriving without a remembered page starts at the first pillar they have not finished,
// or at the review once everything is answered.
function firstUnanswered(form: Form, state: SurveyState): number {
  if (Object.keys(state.answers).length === 0) return 0;
  const index = form.pillars.findIndex((p) => p.statements.some((s) => !(s.id in state.answers)));
  return index === -1 ? form.pillars.length : index;
}
