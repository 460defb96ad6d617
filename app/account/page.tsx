import Link from "next/link";
import { redirect } from "next/navigation";
import { dateTime, shortDay } from "~/server/services/dates";
import { currentUserId } from "~/server/session";
import { Card, EmptyState, PageHeader } from "../_components/card";
import { call } from "../_lib/call";
import { ROLE_LABEL } from "../_lib/format";
import { SignOutButton } from "../workspaces/sign-out-button";
import { EmailChoicesForm } from "./email-choices-form";
import { EmailForm } from "./email-form";
import { NameForm } from "./name-form";
import { PasswordForm } from "./password-form";
import { SessionsCard } from "./sessions-card";

export const metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  if (!(await currentUserId())) redirect("/signin?callbackUrl=/account");
  const { before } = await searchParams;
  const cursor = typeof before === "string" && before.length > 0 && before.length <= 64 ? before : null;
  const [me, sessions, activity] = await call((api) =>
    Promise.all([api.account.overview(), api.account.sessions(), api.account.activity({ before: cursor })]),
  );

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <Link href="/workspaces" className="text-sm font-semibold tracking-wide text-brand-700">
            Partnership Health
          </Link>
          <div className="flex items-center gap-3">
            <Link href="/workspaces" className="text-sm text-slate-600 hover:text-slate-900">
              Your workspaces
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-6">
        <PageHeader
          title="Your account"
          description={`Signed in as ${me.name} (${me.email}). Your account since ${shortDay(me.memberSince)}; it is yours in every workspace you belong to.`}
        />

        <Card title="Name" description="How you appear to the people of your workspaces.">
          <NameForm name={me.name} />
        </Card>

        <Card title="Email address" description="You sign in with it, and every email of the app goes there.">
          <EmailForm email={me.email} hasPassword={me.hasPassword} recentlyProved={me.recentlyProved} />
        </Card>

        <Card
          title="Password"
          description={
            me.hasPassword
              ? me.passwordChangedAt
                ? `Last changed ${dateTime(me.passwordChangedAt)}.`
                : "Changing it signs out every other browser."
              : "Your account has no password: you sign in with emailed links or your company's sign-in."
          }
        >
          <PasswordForm hasPassword={me.hasPassword} recentlyProved={me.recentlyProved} />
        </Card>

        <Card title="Your workspaces" description="Each workspace is one partner program, with the role you have there.">
          {me.workspaces.length === 0 ? (
            <EmptyState title="You are not in any workspace">
              Ask a workspace admin to invite you, or{" "}
              <Link className="text-brand-700 hover:underline" href="/workspaces">
                create one
              </Link>
              .
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Your workspaces">
              {me.workspaces.map((w) => (
                <li key={w.slug} className="flex items-center justify-between gap-4 py-2.5">
                  <Link href={`/w/${w.slug}`} className="font-medium text-brand-700 hover:underline">
                    {w.name}
                  </Link>
                  <span className="text-right text-sm text-slate-600">
                    {ROLE_LABEL[w.role]}
                    {w.partnerOrgName ? ` · ${w.partnerOrgName}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card
          title="Emails you get"
          description="Survey invitations, workspace invitations and emails about your account always go. The bell in each workspace shows every notification either way."
        >
          <EmailChoicesForm initial={me.emails} />
        </Card>

        <SessionsCard sessions={sessions} />

        <Card title="Account activity" description="Sign-ins, failed attempts, password and email changes, sessions ended. Newest first.">
          {activity.events.length === 0 ? (
            <p className="text-sm text-slate-600">{cursor ? "No older activity." : "Nothing yet."}</p>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Account activity">
              {activity.events.map((e) => (
                <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2.5">
                  <div>
                    <p className="text-sm font-medium text-slate-900">{e.label}</p>
                    {e.description ? <p className="text-sm text-slate-600">{e.description}</p> : null}
                    {e.byOther ? <p className="text-xs text-slate-500">Done by a workspace admin</p> : null}
                  </div>
                  <p className="text-xs text-slate-500">
                    {dateTime(e.at)}
                    {e.address ? ` · from ${e.address}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <div className="mt-3 flex gap-4 text-sm">
            {cursor ? (
              <Link href="/account" className="text-brand-700 hover:underline">
                Newest activity
              </Link>
            ) : null}
            {activity.nextBefore ? (
              <Link href={`/account?before=${encodeURIComponent(activity.nextBefore)}`} className="text-brand-700 hover:underline">
                Older activity
              </Link>
            ) : null}
          </div>
        </Card>
      </main>
    </div>
  );
}
