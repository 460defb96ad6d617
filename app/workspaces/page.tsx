import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUserId } from "~/server/session";
import { Card, EmptyState } from "../_components/card";
import { call } from "../_lib/call";
import { ROLE_LABEL } from "../_lib/format";
import { NewWorkspaceForm } from "./new-workspace-form";
import { SignOutButton } from "./sign-out-button";

export const metadata = { title: "Your workspaces" };
export const dynamic = "force-dynamic";

export default async function WorkspacesPage() {
  if (!(await currentUserId())) redirect("/signin?callbackUrl=/workspaces");
  const [me, workspaces] = await call((api) => Promise.all([api.user.me(), api.workspace.mine()]));

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
          <span className="text-sm font-semibold tracking-wide text-brand-700">Partnership Health</span>
          <div className="flex flex-wrap items-center gap-3">
            <span className="text-sm text-slate-600">
              Signed in as <span className="font-medium text-slate-900">{me.name}</span> ({me.email})
            </span>
            <Link href="/account" className="text-sm font-medium text-brand-700 hover:underline">
              Your account
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Your workspaces</h1>
          <p className="mt-1 text-sm text-slate-600">
            Each workspace is one partner program. You see each one separately, with the role you have there.
          </p>
        </div>
        {workspaces.length === 0 ? (
          <EmptyState title="You are not in any workspace yet">
            Create a workspace for your partner program below, or ask a workspace admin to invite you.
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {workspaces.map((w) => (
              <li key={w.slug}>
                <Link
                  href={`/w/${w.slug}`}
                  className="flex items-center justify-between gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600"
                >
                  <span className="flex items-center gap-3">
                    <span
                      className="flex h-9 w-9 items-center justify-center rounded-md bg-brand-600 text-sm font-bold text-white"
                      aria-hidden
                    >
                      {w.name[0]}
                    </span>
                    <span>
                      <span className="block font-medium text-slate-900">{w.name}</span>
                      <span className="block text-xs text-slate-500">/w/{w.slug}</span>
                    </span>
                  </span>
                  <span className="text-right text-sm text-slate-600">
                    {ROLE_LABEL[w.role]}
                    {w.partnerOrgName ? ` · ${w.partnerOrgName}` : ""}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <Card
          title="Create a workspace"
          description="For another partner program. You become its owner; it starts with the default four-pillar framework."
        >
          <NewWorkspaceForm />
        </Card>
      </main>
    </div>
  );
}
