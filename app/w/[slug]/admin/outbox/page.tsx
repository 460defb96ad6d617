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

type Search = { kind?: string | string[]; cursor?: string | string[]; failed?: string | string[] };

export default async function OutboxPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const search = await searchParams;
  const kind = isKind(search.kind) ? search.kind : undefined;
  const cursor = typeof search.cursor === "string" && search.cursor ? search.cursor : undefined;
  const failedOnly = search.failed === "1";
  const {
    data: [data, failedCount],
  } = await adminCall(slug, (api) =>
    Promise.all([api.outbox.list({ workspaceSlug: slug, kind, cursor, failedOnly }), api.outbox.failedCount({ workspaceSlug: slug })]),
  );
  const base = `/w/${slug}/admin/outbox`;
  const href = (q: { kind?: EmailKind; cursor?: string; failed?: "1" }) => {
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
        {failedCount > 0 && !failedOnly ? (
          <Alert tone="error">
            {failedCount === 1 ? "1 email was" : `${failedCount} emails were`} given up on after every retry failed.{" "}
            <Link href={href({ failed: "1" })} className="font-medium underline">
              Show {failedCount === 1 ? "it" : "them"}
            </Link>{" "}
            to read the error and send again.
          </Alert>
        ) : null}

        <Card>
          <nav aria-label="Filter by kind" className="mb-4 flex flex-wrap gap-2">
            {[undefined, ...KINDS].map((k) => (
              <Link
                key={k ?? "all"}
                href={href({ kind: k, failed: failedOnly ? "1" : undefined })}
                aria-current={k === kind ? "page" : undefined}
                className={clsx(
                  "rounded-full px-3 py-1 text-sm ring-1 ring-inset",
                  k === kind ? "bg-brand-600 text-white ring-brand-600" : "text-slate-700 ring-slate-300 hover:bg-slate-50",
                )}
              >
                {k ? KIND_LABEL[k] : "All"}
              </Link>
            ))}
            <Link
              href={href({ kind, failed: failedOnly ? undefined : "1" })}
              aria-current={failedOnly ? "page" : undefined}
              className={clsx(
                "rounded-full px-3 py-1 text-sm ring-1 ring-inset",
                failedOnly ? "bg-red-700 text-white ring-red-700" : "text-red-800 ring-red-300 hover:bg-red-50",
              )}
            >
              Given up on ({failedCount})
            </Link>
          </nav>

          {data.emails.length === 0 ? (
            <EmptyState
              title={
                failedOnly
                  ? "No email has been given up on"
                  : cursor
                    ? "No older emails"
                    : kind
                      ? `No ${KIND_LABEL[kind].toLowerCase()} emails yet`
                      : "No emails yet"
              }
            >
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
                    <EmailStatus email={e} slug={slug} />
                  </td>
                </tr>
              ))}
            </Table>
          )}

          {cursor || data.nextCursor ? (
            <div className="mt-4 flex justify-between gap-2">
              {cursor ? (
                <Button asChild variant="secondary" size="sm">
                  <Link href={href({ kind, failed: failedOnly ? "1" : undefined })}>Newest emails</Link>
                </Button>
              ) : (
                <span />
              )}
              {data.nextCursor ? (
                <Button asChild variant="secondary" size="sm">
                  <Link href={href({ kind, cursor: data.nextCursor, failed: failedOnly ? "1" : undefined })}>Older emails</Link>
                </Button>
              ) : null}
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
