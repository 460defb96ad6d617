// Writes the REST API's TypeScript types (server/api-v1/client-types.ts) for the committed client.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { API_TYPES_FILE, apiV1Types } from "../api-v1/client-types";

async function main() {
  const text = await apiV1Types();
  await mkdir(path.dirname(API_TYPES_FILE), { recursive: true });
  await writeFile(API_TYPES_FILE, text);
  console.log(`Wrote ${API_TYPES_FILE}.`);
}

void main();
