// Autosave for one survey, outside React so that timers, the request in flight and the page's
// lifecycle events all see the same state. Every change is written to the browser at once and
// sent to the server after a pause in typing; the browser's copy is dropped only once the
// server has confirmed exactly what it holds.
import { merge, sameState, type SurveyState } from "./answers";
import { classifyFailure, type SaveDraftResult } from "./draft-client";
import { clearLocal, writeLocal } from "./local-copy";

export type SaveStatus =
  | { kind: "saved"; at: Date | null }
  | { kind: "saving" }
  | { kind: "retrying" }
  | { kind: "offline" }
  | { kind: "conflict" }
  | { kind: "refused"; message: string }
  | { kind: "submitted" };

export interface ServerCopy {
  state: SurveyState;
  version: number | null;
  savedAt: Date | null;
}

const DEBOUNCE_MS = 800;
const MAX_RETRY_MS = 30_000;

export interface SaverOptions {
  localKey: string;
  send: (state: SurveyState, baseVersion: number | null) => Promise<SaveDraftResult>;
  fetchLatest: () => Promise<ServerCopy>;
  // What the form shows at first: the server's copy with any unconfirmed local edits on top.
  current: SurveyState;
  server: ServerCopy;
  step: number;
}

export class DraftSaver {
  private status: SaveStatus;
  private readonly listeners = new Set<() => void>();
  private current: SurveyState;
  private confirmed: SurveyState;
  private version: number | null;
  private savedAt: Date | null;
  private step: number;
  private changedAt = Date.now();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private paused = false;

  constructor(private readonly opts: SaverOptions) {
    this.current = opts.current;
    this.confirmed = opts.server.state;
    this.version = opts.server.version;
    this.savedAt = opts.server.savedAt;
    this.step = opts.step;
    this.status = this.dirty ? { kind: "saving" } : { kind: "saved", at: this.savedAt };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getStatus = () => this.status;

  private setStatus(status: SaveStatus) {
    this.status = status;
    for (const l of this.listeners) l();
  }

  private get dirty() {
    return !sameState(this.current, this.confirmed);
  }

  // Stopped until the person acts: another tab's changes, a refusal, or a submitted response.
  private get halted() {
    return this.paused || ["conflict", "refused", "submitted"].includes(this.status.kind);
  }

  start() {
    this.persist();
    if (this.dirty && !this.halted) this.schedule(0);
  }

  // Leaving the form inside the app: what is pending still goes out.
  dispose() {
    this.flush();
  }

  update(state: SurveyState) {
    this.current = state;
    this.changedAt = Date.now();
    this.persist();
    if (this.halted) return;
    // While failing, the retry timer decides when to try again, not every keystroke.
    if (this.failures > 0) return;
    this.setStatus({ kind: "saving" });
    this.schedule(DEBOUNCE_MS);
  }

  setStep(step: number) {
    this.step = step;
    this.persist();
  }

  // The page is being hidden or closed: send what is pending now rather than after the pause.
  flush() {
    if (this.halted || !this.dirty) return;
    this.clearTimer();
    void this.save();
  }

  // Back online: try now instead of waiting out the backoff.
  reconnected() {
    if (this.failures === 0 || this.halted || !this.dirty) return;
    this.failures = 0;
    this.clearTimer();
    void this.save();
  }

  wentOffline() {
    if (!this.halted && this.dirty) this.setStatus({ kind: "offline" });
  }

  // After a refusal, once the person has done something about it (signed in again, say).
  retryAfterRefusal() {
    if (this.status.kind !== "refused") return;
    this.failures = 0;
    this.setStatus(this.dirty ? { kind: "saving" } : { kind: "saved", at: this.savedAt });
    if (this.dirty) void this.save();
  }

  // Before a submit: no save may land after it and bring back the draft it removes.
  async pause() {
    this.paused = true;
    this.clearTimer();
    await this.inFlight;
  }

  resume() {
    this.paused = false;
    if (this.dirty && !this.halted) this.schedule(0);
  }

  submitted() {
    this.clearTimer();
    clearLocal(this.opts.localKey);
    this.setStatus({ kind: "submitted" });
  }

  // After a conflict: the server's latest copy with this tab's own changes since its last
  // confirmed save put back on top. Returns what the form should now show.
  async loadLatest(): Promise<SurveyState> {
    const latest = await this.opts.fetchLatest();
    this.current = merge(this.confirmed, this.current, latest.state, true);
    this.adopt(latest);
    this.changedAt = Date.now();
    this.persist();
    this.setStatus(this.dirty ? { kind: "saving" } : { kind: "saved", at: this.savedAt });
    if (this.dirty) this.schedule(0);
    return this.current;
  }

  private adopt(latest: ServerCopy) {
    this.confirmed = latest.state;
    this.version = latest.version;
    this.savedAt = latest.savedAt;
    this.failures = 0;
  }

  private persist() {
    if (this.status.kind === "submitted") return;
    const pending = this.dirty ? { state: this.current, base: this.confirmed, baseVersion: this.version, changedAt: this.changedAt } : null;
    writeLocal(this.opts.localKey, { step: this.step, pending });
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number) {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.save();
    }, ms);
  }

  private async save() {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    if (this.halted) return;
    if (!this.dirty) {
      this.setStatus({ kind: "saved", at: this.savedAt });
      return;
    }
    const run = this.send(this.current, this.version);
    this.inFlight = run;
    await run;
    this.inFlight = null;
    if (this.again) {
      this.again = false;
      if (this.dirty && !this.halted && this.failures === 0) this.schedule(0);
    }
  }

  private async send(snapshot: SurveyState, baseVersion: number | null) {
    this.setStatus({ kind: "saving" });
    try {
      const result = await this.opts.send(snapshot, baseVersion);
      this.adopt({ state: snapshot, version: result.version, savedAt: result.savedAt });
      this.persist();
      if (this.status.kind === "submitted") return;
      if (this.dirty) this.again = true;
      else this.setStatus({ kind: "saved", at: result.savedAt });
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind === "conflict") await this.onConflict(snapshot);
      else if (failure.kind === "refused") this.setStatus({ kind: "refused", message: failure.message });
      else {
        this.failures += 1;
        const offline = typeof navigator !== "undefined" && navigator.onLine === false;
        this.setStatus({ kind: offline ? "offline" : "retrying" });
        const backoff = Math.min(MAX_RETRY_MS, 1000 * 2 ** (this.failures - 1));
        this.schedule(backoff * (0.8 + Math.random() * 0.4));
      }
    }
  }

  // A save this page sent as it was closed may land after the reloaded page read the draft;
  // when the server already holds exactly what this tab would have saved, nothing was changed
  // elsewhere and there is nothing to resolve. Anything else is for the person to decide.
  private async onConflict(snapshot: SurveyState) {
    try {
      const latest = await this.opts.fetchLatest();
      if (sameState(latest.state, snapshot) && latest.version !== null) {
        this.adopt(latest);
        this.persist();
        if (this.dirty) this.again = true;
        else this.setStatus({ kind: "saved", at: latest.savedAt });
        return;
      }
    } catch {
      // Unknown: treat it as a real conflict.
    }
    this.setStatus({ kind: "conflict" });
  }
}
