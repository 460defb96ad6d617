// What a service asks of the background after it has written something: "there are emails to
// send", "a cycle's alerts are due", "chat messages or webhook deliveries are waiting". Services know nothing of the job queue; the process that
// runs one (server/jobs/start.ts) listens here and queues a sweep, which finds the work in the
// database. A nudge is only a hurry-up: the scheduled sweep finds the same work on its next tick,
// so a nudge lost (no queue in this process, a crash after the commit) delays work, never loses it.
type Listener = (what: "emails" | "alerts" | "chat" | "webhooks") => void;

let listener: Listener | null = null;

export const background = {
  emailsQueued: () => listener?.("emails"),
  alertsDue: () => listener?.("alerts"),
  chatQueued: () => listener?.("chat"),
  webhooksQueued: () => listener?.("webhooks"),
};

export function listenForBackgroundWork(fn: Listener | null): void {
  listener = fn;
}
