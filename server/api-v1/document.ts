// The OpenAPI 3.1 document of the REST API, generated from the router's zod schemas (the app's
// own input fields and the API's response shapes), served at /api/v1/openapi.json and read by the
// reference page (/api-docs). The server address is relative, so the same document is true
// behind any host name.
import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import { apiV1Router } from "./router";

export const API_V1_BASE = "/api/v1";

const DESCRIPTION = [
  "The REST API of a Partnership Health workspace: partner organisations, partnerships, survey cycles, scores, actions, goals, the value exchange (asks and offers) and members.",
  "",
  "Authenticate with an API token made by an admin of the workspace (Admin → API tokens): `Authorization: Bearer <token>`.",
  "A token belongs to one workspace and acts with the role it was given, under the same access rules as the app;",
  "a read-only token is refused every call that writes (403). Scores follow the workspace's confidentiality rule.",
  "Each token may make a limited number of calls per minute (60 unless the server is configured otherwise); past it the",
  'answer is 429 with a Retry-After header. Errors are JSON: `{ "code": "FORBIDDEN", "message": "..." }`.',
].join("\n");

let cached: OpenAPIObject | null = null;

export function apiV1Document(): OpenAPIObject {
  cached ??= generateOpenApiDocument(apiV1Router, {
    title: "Partnership Health API",
    description: DESCRIPTION,
    version: "1.0.0",
    openApiVersion: "3.1.0",
    baseUrl: API_V1_BASE,
    tags: ["Partner organisations", "Partnerships", "Cycles", "Scores", "Actions", "Goals", "Exchange", "Members"],
    securitySchemes: {
      bearerAuth: { type: "http", scheme: "bearer", description: "An API token of the workspace, made by one of its admins." },
    },
  });
  return cached;
}
