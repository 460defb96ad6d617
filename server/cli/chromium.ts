// Finding a Chromium for the browser tests. Playwright's own browser download cannot work on
// machines without internet, so a system Chromium is preferred; on Debian as root we install it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];
export const INSTALL_COMMAND = "sudo apt-get update && sudo apt-get install -y chromium";

function playwrightBrowser(): string | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require("@playwright/test") as typeof import("@playwright/test");
    const path = chromium.executablePath();
    return path && fs.existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured && fs.existsSync(configured)) return configured;
  return CANDIDATES.find((c) => fs.existsSync(c)) ?? playwrightBrowser();
}

// Returns a Chromium path, installing Debian's package when this process may; otherwise throws
// with the exact command to run.
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log("No Chromium found for the browser tests; installing Debian's chromium package…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    `The browser tests need Chromium and none was found.\nInstall it with:\n  ${INSTALL_COMMAND}\n` +
      `or point CHROMIUM_PATH at a Chromium or Chrome executable.`,
  );
}
