// The cluster's Node processes: app instances (server/cli/serve.ts) and the job worker
// (server/cli/worker.ts), each a plain `node --import tsx` process (what `npm start` and
// `npm run worker` run), so its pid is the server itself and a signal reaches it directly rather
// than stopping at an npm or tsx wrapper. Output goes to a log file per process.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ClusterError } from "./nginx";

export interface ManagedProcess {
  readonly name: string;
  readonly logFile: string;
  pid(): number | undefined;
  running(): boolean;
  start(): Promise<void>;
  // SIGTERM: finish what is under way, then exit (10 s at most before SIGKILL).
  stop(): Promise<void>;
  // SIGKILL, as a crash or an out-of-memory kill would: nothing is finished.
  kill(): Promise<void>;
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function waitForHttp(url: string, child: ChildProcess, seconds: number, logFile: string) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new ClusterError(`${url} stopped while starting (exit ${child.exitCode ?? child.signalCode}); see ${logFile}.`);
    }
    try {
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5000) });
      if (res.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new ClusterError(`${url} did not answer within ${seconds} s; see ${logFile}.`);
}

function waitForLine(child: ChildProcess, pattern: RegExp, seconds: number, logFile: string) {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new ClusterError(`The worker did not start within ${seconds} s; see ${logFile}.`)),
      seconds * 1000,
    );
    const onData = (chunk: Buffer) => {
      if (pattern.test(chunk.toString())) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new ClusterError(`The worker stopped while starting (exit ${code ?? signal}); see ${logFile}.`));
    });
  });
}

interface Spec {
  name: string;
  script: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logDir: string;
  // Resolves once the process serves (or runs its workers).
  ready: (child: ChildProcess, logFile: string) => Promise<void>;
}

function managed(spec: Spec): ManagedProcess {
  const logFile = path.join(spec.logDir, `${spec.name}.log`);
  let child: ChildProcess | null = null;
  const exited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;
  const waitExit = (c: ChildProcess) => new Promise<void>((resolve) => (exited(c) ? resolve() : c.once("exit", () => resolve())));

  return {
    name: spec.name,
    logFile,
    pid: () => child?.pid,
    running: () => !!child && !exited(child),
    async start() {
      fs.mkdirSync(spec.logDir, { recursive: true });
      const log = fs.openSync(logFile, "a");
      fs.writeSync(log, `\n--- ${new Date().toISOString()} starting ${spec.name}\n`);
      child = spawn(process.execPath, ["--import", "tsx", spec.script, ...spec.args], {
        env: spec.env,
        stdio: ["ignore", "pipe", log],
      });
      fs.closeSync(log);
      // Everything the process prints lands in its log; the readiness check reads it on the way.
      const out = fs.createWriteStream(logFile, { flags: "a" });
      child.stdout!.pipe(out);
      await spec.ready(child, logFile);
    },
    async stop() {
      const c = child;
      if (!c || exited(c)) return;
      const force = setTimeout(() => c.kill("SIGKILL"), 12_000);
      c.kill("SIGTERM");
      await waitExit(c);
      clearTimeout(force);
    },
    async kill() {
      const c = child;
      if (!c || exited(c)) return;
      c.kill("SIGKILL");
      await waitExit(c);
    },
  };
}

export function appInstance(index: number, port: number, env: NodeJS.ProcessEnv, logDir: string): ManagedProcess {
  return managed({
    name: `instance-${index}`,
    script: "server/cli/serve.ts",
    args: ["--port", String(port), "--hostname", "127.0.0.1"],
    env,
    logDir,
    ready: (child, logFile) => waitForHttp(`http://127.0.0.1:${port}/signin`, child, 180, logFile),
  });
}

export function jobWorker(env: NodeJS.ProcessEnv, logDir: string): ManagedProcess {
  return managed({
    name: "worker",
    script: "server/cli/worker.ts",
    args: [],
    env,
    logDir,
    ready: (child, logFile) => waitForLine(child, /Job workers running/, 120, logFile),
  });
}
