// The HTTP server in front of the app (server/cli/serve.ts runs it around Next.js). Its one job
// beyond serving: before the app sees a request, the socket's peer address is appended to
// X-Forwarded-For and the proxy headers of an untrusted peer are dropped (forwarded.ts), so that
// client-address.ts can believe the right-most entry and nobody can choose the address the sign-in
// throttle and the audit log see.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { withPeerAddress } from "./forwarded";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

// Idle keep-alive connections stay open longer than the usual load balancer's idle timeout (60 s):
// if the app closed them first, a proxy could send a request down a connection just as it closes,
// and answer its client 502. (Node's default is 5 s.)
const KEEP_ALIVE_MS = 65_000;

export function createAppServer(handle: RequestHandler, trusted?: readonly string[]): http.Server {
  const server = http.createServer((req, res) => {
    withPeerAddress(req.headers, req.socket.remoteAddress, trusted);
    Promise.resolve()
      .then(() => handle(req, res))
      .catch((error: unknown) => {
        console.error(`${req.method} ${req.url} failed:`, error);
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
        res.end("Something went wrong on our side. Please try again.");
      });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Must exceed the keep-alive timeout, or a request starting on a reused connection is cut off.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return server;
}
