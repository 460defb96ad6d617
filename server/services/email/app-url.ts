// Links in emails must be absolute and point at the app's public address, which only the
// environment knows (behind a proxy, the request's own host may be an internal one).
import { env } from "../../env";

export function appUrl(path: string): string {
  const base = (env.APP_URL ?? env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}
