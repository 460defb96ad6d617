import clsx from "clsx";
import Link from "next/link";
import { Alert } from "../../../../_components/alert";
import { Button } from "../../../../_components/button";
import { Card, EmptyState, PageHeader } from "../../../../_components/card";
import { Table } from "../../../../_components/table";
import { adminCall } from "../_lib/admin-call";
import { EmailStatus } from "./email-status";
import { dateTime, isKind, KIND_LABEL, KINDS, type EmailKind } from "./labels";

export const metadata = { title: "Outbox" };
export const dynamic = "force-dynamic";

type Search = { kind?: string | string[]; cursor?: string | string[] };

export default async function OutboxPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const search = await searchParams;
  const kind = isKind(search.kind) ? search.kind : undefined;
  const cursor = typeof search.cursor === "string" && search.cursor ? search.cursor : undefined;
  const { data } = await adminCall(slug, (api) => api.outbox.list({ workspaceSlug: slug, kind, cursor }));
  const base = `/w/${slug}/admin/outbox`;
  const href = (q: { kind?: EmailKind; cursor?: string }) => {
    const query = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => Boolean(e[1])));
    return query.size ? `${base}?${query}` : base;
  };

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email this workspace sends: invitations, survey-open notices and reminders, newest first."
      />
      <div className="space-y-6">
        <Alert>
          {data.smtpConfigured
            ? "Emails are sent through the SMTP server this app is configured with. Each one stays listed here, so you can check whether it went out."
            : "No SMTP server is configured, so no email leaves the app: each one is kept here instead, and its link is printed to the server log. Open an email below to read it or to pass its link on."}
        </Alert>

        <Card>
          <nav aria-label="Filter by kind" className="mb-4 flex flex-wrap gap-2">
            {[undefined, ...KINDS].map((k) => (
              <Link
                key={k ?? "all"}
                href={href({ kind: k })}
                aria-current={k === kind ? "page" : undefined}
                className={clsx(
                  "rounded-full px-3 py-1 text-sm ring-1 ring-inset",
                  k === kind ? "bg-brand-600 text-white ring-brand-600" : "text-slate-700 ring-slate-300 hover:bg-slate-50",
                )}
              >
                {k ? KIND_LABEL[k] : "All"}
              </Link>
            ))}
          </nav>

          {data.emails.length === 0 ? (
            <EmptyState title={cursor ? "No older emails" : kind ? `No ${KIND_LABEL[kind].toLowerCase()} emails yet` : "No emails yet"}>
              Invitations appear here as soon as someone is invited; survey-open notices and reminders as cycles open and run.
            </EmptyState>
          ) : (
            <Table
              caption="Emails of this workspace, newest first"
              columns={[{ label: "When" }, { label: "Kind" }, { label: "To" }, { label: "Subject and text" }, { label: "Status" }]}
            >
              {data.emails.map((e) => (
                <tr key={e.id} className="align-top">
                  <td className="whitespace-nowrap">{dateTime(e.createdAt)}</td>
                  <td className="whitespace-nowrap">{KIND_LABEL[e.kind]}</td>
                  <td className="break-all">{e.to}</td>
                  <td className="min-w-72">
                    <details>
                      <summary className="cursor-pointer font-medium text-slate-900">{e.subject}</summary>
                      <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm text-slate-700">{e.text}</pre>
                      {e.link ? (
                        <p className="mt-2">
                          Link:{" "}
                          <a href={e.link} className="break-all font-medium text-brand-700 hover:underline">
                            {e.link}
                          </a>
                        </p>
                      ) : null}
                    </details>
                  </td>
                  <td>
                    <EmailStatus email={e} />
                  </td>
                </tr>
              ))}
            </Table>
          )}

          {cursor || data.nextCursor ? (
            <div className="mt-4 flex justify-between gap-2">
              {cursor ? (
                <Button asChild variant="secondary" size="sm">
                  <Link href={href({ kind })}>Newest emails</Link>
                </Button>
              ) : (
                <span />
              )}
              {data.nextCursor ? (
                <Button asChild variant="secondary" size="sm">
                  <Link href={href({ kind, cursor: data.nextCursor })}>Older emails</Link>
                </Button>
              ) : null}
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
