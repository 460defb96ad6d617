// proxy.ts leaves /api/ alone (server/http/api-route.ts says why), so each route under app/api
// must bring its own door: the origin check, the body bound and the security headers all come from
// apiRoute(). A route that exports a bare handler would have none of them; this keeps a new one
// from slipping in.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { config } from "../../proxy";

const API_DIR = path.resolve(import.meta.dirname, "../../app/api");
// A personal survey link's own tRPC endpoint, which the proxy leaves out too.
const LINK_TRPC = path.resolve(import.meta.dirname, "../../app/survey/[linkId]/trpc");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

describe("the API's routes (and the survey link's tRPC endpoint)", () => {
  const files = [...routeFiles(API_DIR), ...routeFiles(LINK_TRPC)];

  it("are found", () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files.map((f) => [path.relative(API_DIR, f), f]))("%s builds every handler with apiRoute()", (_name, file) => {
    const source = fs.readFileSync(file, "utf8");
    expect(source).toMatch(/\bapiRoute\(/);
    // Exported handlers are the apiRoute()-built ones, never a function declared on the spot.
    expect(source).not.toMatch(/export\s+(async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/);
    expect(source).not.toMatch(/export\s+const\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s*=\s*(async\s*)?\(/);
  });

  it("are the only paths the proxy leaves out", () => {
    expect(config.matcher).toEqual(["/((?!api/|survey/[^/]+/trpc/).*)"]);
  });
});
