// The secret that signs session cookies: NEXTAUTH_SECRET when set (required for several app
// instances), otherwise one generated once and kept in .data/, so `npm run demo`, `npm run dev`
// and `npm start` on one machine all sign and read sessions with the same key.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "./env";

const LOCAL_SECRET_FILE = path.join(".data", "nextauth-secret");

export function authSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (!fs.existsSync(LOCAL_SECRET_FILE)) {
    fs.mkdirSync(path.dirname(LOCAL_SECRET_FILE), { recursive: true });
    // "wx": if another process wrote it first, keep theirs.
    try {
      fs.writeFileSync(LOCAL_SECRET_FILE, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return fs.readFileSync(LOCAL_SECRET_FILE, "utf8").trim();
}
