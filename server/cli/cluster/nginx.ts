// Debian's nginx as the cluster's load balancer: found (or installed with apt-get when running as
// root, as .ci/run installs Chromium), configured from nginx.conf.template into the cluster's own
// folder, and run in the foreground as a child of the script, never as the system service.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const CANDIDATES = ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx", "/usr/local/bin/nginx"];
const TEMPLATE = path.join(path.dirname(new URL(import.meta.url).pathname), "nginx.conf.template");

export class ClusterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ClusterError";
  }
}

const findNginx = () => CANDIDATES.find((p) => fs.existsSync(p)) ?? null;

export function ensureNginx(log: (line: string) => void): string {
  const found = findNginx();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new ClusterError(
      "nginx is not installed. Install Debian's nginx (sudo apt-get install -y nginx) and run this again; " +
        "the cluster runs it with its own configuration, not as the system service.",
    );
  }
  log("nginx is missing: installing Debian's nginx with apt-get…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "nginx"],
  ]) {
    const result = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env });
    if (result.status !== 0) throw new ClusterError(`apt-get ${args[0]} failed while installing nginx; see the output above.`);
  }
  // The package starts the system service on install; the cluster does not use it.
  spawnSync("sh", ["-c", "service nginx stop >/dev/null 2>&1 || true"]);
  const installed = findNginx();
  if (!installed) throw new ClusterError("nginx was installed but its program is not where Debian puts it (/usr/sbin/nginx).");
  return installed;
}

export interface NginxConfig {
  prefix: string;
  port: number;
  upstreams: number[];
}

export function writeNginxConfig(config: NginxConfig): string {
  const prefix = path.resolve(config.prefix);
  for (const dir of ["logs", "tmp"]) fs.mkdirSync(path.join(prefix, dir), { recursive: true });
  const servers = config.upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n");
  const text = fs
    .readFileSync(TEMPLATE, "utf8")
    .replaceAll("{{PREFIX}}", prefix)
    .replaceAll("{{PORT}}", String(config.port))
    .replaceAll("{{UPSTREAM_SERVERS}}", servers);
  const file = path.join(prefix, "nginx.conf");
  fs.writeFileSync(file, text);
  return file;
}

export interface Nginx {
  process: ChildProcess;
  stop(): Promise<void>;
}

// -e: the error log from the start (before the configuration is read), in the prefix rather than
// /var/log/nginx; daemon off: nginx stays this script's child, so it ends with it.
export function startNginx(binary: string, config: NginxConfig, conf: string): Nginx {
  const prefix = path.resolve(config.prefix);
  const args = ["-p", prefix, "-c", conf, "-e", path.join(prefix, "logs", "error.log")];
  const test = spawnSync(binary, [...args, "-t", "-q"], { encoding: "utf8" });
  if (test.status !== 0) throw new ClusterError(`nginx refused its configuration (${conf}):\n${test.stderr.trim()}`);
  const child = spawn(binary, [...args, "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  return {
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        // SIGQUIT is what `nginx -s quit` sends: finish the requests under way, then exit.
        child.kill("SIGQUIT");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      }),
  };
}
