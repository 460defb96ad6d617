import type { ReactNode } from "react";
import { Card } from "../_components/card";
import { ScrollRegion } from "../_components/scroll-region";
import { apiReference, type FieldRow } from "~/server/api-v1/reference";

export const metadata = { title: "REST API reference" };

const METHOD_STYLE: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900",
  POST: "bg-green-100 text-green-900",
  PATCH: "bg-amber-100 text-amber-900",
};

// `code` in the document's text, as code.
function prose(text: string): ReactNode[] {
  return text.split(/(`[^`]+`)/).map((part, i) =>
    part.startsWith("`") && part.endsWith("`") ? (
      <code key={i} className="break-words rounded bg-slate-100 px-1 font-mono text-[0.85em]">
        {part.slice(1, -1)}
      </code>
    ) : (
      part
    ),
  );
}

function Fields({ rows, caption, where }: { rows: (FieldRow & { in?: string })[]; caption: string; where?: boolean }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">None.</p>;
  return (
    <ScrollRegion label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">
              Field
            </th>
            {where ? (
              <th scope="col" className="py-1 pr-4 font-medium">
                In
              </th>
            ) : null}
            <th scope="col" className="py-1 pr-4 font-medium">
              Type
            </th>
            <th scope="col" className="py-1 font-medium">
              Notes
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={`${r.depth}-${r.name}-${r.in ?? ""}`} className="align-top">
              <td className="py-1 pr-4 font-mono text-xs" style={{ paddingLeft: `${r.depth * 1.25}rem` }}>
                {r.name}
                {r.required ? <span className="ml-1 font-sans text-[0.7rem] text-red-700">required</span> : null}
              </td>
              {where ? <td className="py-1 pr-4 text-xs">{r.in}</td> : null}
              <td className="py-1 pr-4 text-xs">
                {r.ref ? (
                  <a href={`#schema-${r.ref}`} className="text-brand-700 underline underline-offset-2">
                    {r.type}
                  </a>
                ) : (
                  r.type
                )}
              </td>
              <td className="py-1 text-xs text-slate-600">{r.notes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

// The REST API's reference, rendered on the server from its OpenAPI document: no script, nothing
// fetched from elsewhere. Public, like the document itself: it describes the API, not any data.
export default function ApiReferencePage() {
  const ref = apiReference();
  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-10 sm:px-6" id="main">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold text-slate-900">
          {ref.title} <span className="text-base font-normal text-slate-500">v{ref.version}</span>
        </h1>
        {ref.description.split("\n\n").map((para, i) => (
          <p key={i} className="text-sm text-slate-700">
            {prose(para.replace(/\n/g, " "))}
          </p>
        ))}
        <p className="text-sm text-slate-700">
          The machine-readable document (OpenAPI 3.1):{" "}
          <a href="/api/v1/openapi.json" className="font-medium text-brand-700 underline underline-offset-2">
            /api/v1/openapi.json
          </a>
          . Generate a client from it, for example with openapi-typescript and openapi-fetch.
        </p>
      </header>

      <Card>
        <h2 className="text-lg font-semibold text-slate-900">Authentication</h2>
        {ref.security.map((s) => (
          <p key={s.name} className="mt-2 text-sm text-slate-700">
            HTTP <code className="font-mono">{s.scheme}</code> ({s.name}): {s.description} Send it as{" "}
            <code className="rounded bg-slate-100 px-1 font-mono">Authorization: Bearer ph_…</code>.
          </p>
        ))}
        <pre className="mt-3 whitespace-pre-wrap break-all rounded bg-slate-900 p-3 font-mono text-xs text-slate-100">
          {'curl -H "Authorization: Bearer $TOKEN" https://your-host/api/v1/partnerships'}
        </pre>
        <h3 className="mt-4 text-sm font-semibold text-slate-900">Errors</h3>
        <p className="mt-1 text-sm text-slate-700">Every error answers JSON with these fields, and the status of its code:</p>
        <div className="mt-2">
          <Fields rows={ref.errorSchema} caption="Fields of an error" />
        </div>
      </Card>

      <nav aria-label="Endpoints" className="text-sm">
        <ul className="grid gap-1 sm:grid-cols-2">
          {ref.groups.flatMap((g) =>
            g.operations.map((op) => (
              <li key={op.id}>
                <a href={`#${op.id}`} className="hover:underline">
                  <span className="inline-block w-14 font-mono text-xs font-semibold">{op.method}</span>
                  <span className="font-mono text-xs">{op.path}</span>
                </a>
              </li>
            )),
          )}
        </ul>
      </nav>

      {ref.groups.map((g) => (
        <section key={g.tag} aria-labelledby={`tag-${g.tag}`} className="space-y-4">
          <h2 id={`tag-${g.tag}`} className="text-xl font-semibold text-slate-900">
            {g.tag}
          </h2>
          {g.operations.map((op) => (
            <Card key={op.id}>
              <h3 id={op.id} className="flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900">
                <span className={`rounded px-2 py-0.5 font-mono text-xs ${METHOD_STYLE[op.method] ?? "bg-slate-100"}`}>{op.method}</span>
                <code className="break-all font-mono text-sm">{op.path}</code>
                <span className="font-normal text-slate-700">{op.summary}</span>
              </h3>
              {op.description ? <p className="mt-2 text-sm text-slate-700">{prose(op.description)}</p> : null}
              <div className="mt-4 space-y-4">
                <div>
                  <h4 className="text-sm font-semibold text-slate-800">Parameters</h4>
                  <Fields rows={op.parameters} caption={`Parameters of ${op.method} ${op.path}`} where />
                </div>
                {op.body ? (
                  <div>
                    <h4 className="text-sm font-semibold text-slate-800">Request body (JSON)</h4>
                    <Fields rows={op.body} caption={`Request body of ${op.method} ${op.path}`} />
                  </div>
                ) : null}
                <div>
                  <h4 className="text-sm font-semibold text-slate-800">
                    Answer (200)
                    {op.responseRef ? (
                      <>
                        :{" "}
                        <a href={`#schema-${op.responseRef}`} className="text-brand-700 underline underline-offset-2">
                          {op.responseRef}
                        </a>
                      </>
                    ) : null}
                  </h4>
                  <Fields rows={op.response} caption={`Answer of ${op.method} ${op.path}`} />
                </div>
                <div>
                  <h4 className="text-sm font-semibold text-slate-800">Errors</h4>
                  <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
                    {op.errors.map((e) => (
                      <li key={e.status}>
                        <span className="font-mono font-semibold">{e.status}</span> {e.description}
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </Card>
          ))}
        </section>
      ))}

      <section aria-labelledby="schemas" className="space-y-4">
        <h2 id="schemas" className="text-xl font-semibold text-slate-900">
          Schemas
        </h2>
        {ref.schemas.map((s) => (
          <Card key={s.name}>
            <h3 id={`schema-${s.name}`} className="font-mono text-sm font-semibold text-slate-900">
              {s.name}
            </h3>
            <div className="mt-2">
              <Fields rows={s.rows} caption={`Fields of ${s.name}`} />
            </div>
          </Card>
        ))}
      </section>
    </div>
  );
}
