// Running autocannon (programmatic API) against the cluster's nginx on loopback, bounded by time
// and by a request count, and recording every answer in a Recorder.
import autocannon, { type RequestStep } from "autocannon";
import type { Recorder } from "./stats";

export interface Drive {
  done: Promise<void>;
  stop(): void;
}

export function drive(
  url: string,
  steps: RequestStep[],
  connections: number,
  seconds: number,
  recorder: Recorder,
  maxRequests: number,
): Drive {
  let stop = () => {};
  const done = new Promise<void>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, timeout: 30, requests: steps }, (error) =>
      error ? reject(error) : resolve(),
    );
    instance.on("reqError", (error) =>
      recorder.lost(
        error.message.includes("timed out") ? "timeout" : `connection ${(error as NodeJS.ErrnoException).code ?? error.message}`,
      ),
    );
    let count = 0;
    instance.on("response", () => {
      if (++count === maxRequests) instance.stop();
    });
    stop = () => instance.stop();
  });
  return { done, stop: () => stop() };
}
