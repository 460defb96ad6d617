// The two settings row-level security reads are set in one place each: the workspace by the scoped
// client (server/db/tenant.ts), the crossing by the named cross-workspace path
// (server/db/cross-workspace.ts). Anywhere else, a line naming them could open the second wall
// without anyone reviewing it as such; this fails on it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SKIP = new Set(["node_modules", "generated", ".next", ".data", ".git"]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|mjs|js)$/.test(entry.name) ? [full] : [];
  });
}

function filesNaming(setting: string): string[] {
  return ["server", "app", "prisma", "tests"]
    .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
    .filter((file) => fs.readFileSync(file, "utf8").includes(setting))
    .map((file) => path.relative(ROOT, file))
    .sort();
}

// This file names them too, to look for them.
const SELF = path.relative(ROOT, import.meta.filename);

describe("row-level security settings", () => {
  it("are crossed only in server/db/cross-workspace.ts", () => {
    expect(filesNaming(["app", "cross_workspace"].join(".")).filter((f) => f !== SELF)).toEqual(["server/db/cross-workspace.ts"]);
  });

  it("get their workspace only in server/db/tenant.ts", () => {
    expect(filesNaming(["app", "workspace_id"].join(".")).filter((f) => f !== SELF)).toEqual(["server/db/tenant.ts"]);
  });
});
