// What the editor lets people do before asking the server; the server (server/routers/framework.ts)
// enforces the same limits, so these only spare a round trip.
export const MAX_PILLARS = 8;
export const MAX_STATEMENTS = 10;
export const MAX_TEXT = 300;
export const MIN_WEIGHT = 0.1;
export const MAX_WEIGHT = 10;
