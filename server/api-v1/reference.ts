// The REST API's reference, read from its OpenAPI document for the reference page (/api-docs):
// each endpoint with its parameters, request body and answer as rows of fields, and each named
// schema. Server-rendered from the same document the API serves, so the page never disagrees
// with it, and needs no script (the app's content security policy allows none from elsewhere).
import { apiV1Document } from "./document";

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  default?: unknown;
  description?: string;
};

export interface FieldRow {
  name: string;
  depth: number;
  type: string;
  // The named schema the type refers to, for a link.
  ref: string | null;
  required: boolean;
  notes: string;
}

export interface OperationView {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  parameters: (FieldRow & { in: string })[];
  body: FieldRow[] | null;
  response: FieldRow[];
  responseRef: string | null;
  errors: { status: string; description: string }[];
}

const refName = (ref: string) => ref.replace("#/components/schemas/", "");
const SAFE = 9007199254740991;

function describeType(s: Schema): { type: string; ref: string | null } {
  if (s.$ref) return { type: refName(s.$ref), ref: refName(s.$ref) };
  if (s.anyOf) {
    const others = s.anyOf.filter((x) => x.type !== "null");
    const inner =
      others.length === 1 ? describeType(others[0]!) : { type: others.map((o) => describeType(o).type).join(" or "), ref: null };
    return { type: others.length < s.anyOf.length ? `${inner.type} or null` : inner.type, ref: inner.ref };
  }
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const main = types.filter((t) => t !== "null");
  let type = main.join(" or ") || "any";
  if (type === "array" && s.items) {
    const item = describeType(s.items);
    return { type: `array of ${item.type}`, ref: item.ref };
  }
  if (s.format === "date") type = "date (YYYY-MM-DD)";
  if (s.format === "date-time") type = "date-time (ISO 8601, UTC)";
  if (s.pattern === "^\\d{4}-\\d{2}-\\d{2}$") type = "date (YYYY-MM-DD)";
  if (s.enum) type = `one of ${s.enum.map(String).join(", ")}`;
  return { type: types.includes("null") ? `${type} or null` : type, ref: null };
}

function notesOf(s: Schema): string {
  const inner = s.anyOf?.find((x) => x.type !== "null") ?? s;
  const notes: string[] = [];
  if (inner.minLength !== undefined && inner.maxLength !== undefined) notes.push(`${inner.minLength}-${inner.maxLength} characters`);
  else if (inner.maxLength !== undefined) notes.push(`at most ${inner.maxLength} characters`);
  if (inner.minimum !== undefined && Math.abs(inner.minimum) < SAFE) notes.push(`at least ${inner.minimum}`);
  if (inner.maximum !== undefined && Math.abs(inner.maximum) < SAFE) notes.push(`at most ${inner.maximum}`);
  if (s.default !== undefined) notes.push(`default ${String(s.default)}`);
  if (s.description) notes.push(s.description);
  return notes.join("; ");
}

// An object schema's fields as rows; inline objects (and arrays of them) open below their field.
function rowsOf(schema: Schema | undefined, depth = 0, prefix = ""): FieldRow[] {
  if (!schema) return [];
  const object = schema.anyOf?.find((x) => x.type === "object") ?? schema;
  if (!object.properties) return [];
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties).flatMap(([name, s]) => {
    const { type, ref } = describeType(s);
    const row: FieldRow = { name: prefix + name, depth, type, ref, required: required.has(name), notes: notesOf(s) };
    const inner = s.anyOf?.find((x) => x.type !== "null") ?? s;
    const nested = inner.type === "object" ? inner : inner.type === "array" && inner.items?.type === "object" ? inner.items : null;
    return [row, ...(nested ? rowsOf(nested, depth + 1) : [])];
  });
}

type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content?: { "application/json"?: { schema?: Schema } } };
  responses?: Record<string, { description?: string; content?: { "application/json"?: { schema?: Schema } } }>;
  tags?: string[];
};

export function apiReference() {
  const doc = apiV1Document();
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Schema>;
  const resolve = (s: Schema | undefined) => (s?.$ref ? schemas[refName(s.$ref)] : s);

  const byTag = new Map<string, OperationView[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ["get", "post", "patch", "put", "delete"] as const) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      const ok = op.responses?.["200"]?.content?.["application/json"]?.schema;
      const view: OperationView = {
        id: op.operationId ?? `${method}-${path}`,
        method: method.toUpperCase(),
        path: `/api/v1${path}`,
        summary: op.summary ?? "",
        description: op.description ?? null,
        parameters: (op.parameters ?? []).map((p) => ({
          ...describeType(p.schema),
          in: p.in,
          name: p.name,
          depth: 0,
          required: p.required ?? false,
          notes: notesOf(p.schema),
        })),
        body: op.requestBody ? rowsOf(resolve(op.requestBody.content?.["application/json"]?.schema)) : null,
        response: rowsOf(resolve(ok)),
        responseRef: ok?.$ref ? refName(ok.$ref) : null,
        errors: Object.entries(op.responses ?? {})
          .filter(([status]) => status !== "200")
          .map(([status, r]) => ({ status, description: r.description ?? "" })),
      };
      const tag = op.tags?.[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), view]);
    }
  }
  const order = (doc.tags ?? []).map((t) => t.name);
  const tags = [...byTag.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return {
    title: doc.info.title,
    version: doc.info.version,
    description: doc.info.description ?? "",
    security: Object.entries(doc.components?.securitySchemes ?? {}).map(([name, s]) => ({
      name,
      ...(s as { scheme?: string; description?: string }),
    })),
    groups: tags.map((tag) => ({ tag, operations: byTag.get(tag)! })),
    schemas: Object.entries(schemas)
      .filter(([name]) => !name.startsWith("error."))
      .map(([name, s]) => ({ name, rows: rowsOf(s) })),
    errorSchema: rowsOf(schemas["error.BAD_REQUEST"]),
  };
}
