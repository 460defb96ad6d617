import type { ReactNode } from "react";
import { Alert } from "../../_components/alert";
import { Button } from "../../_components/button";
import { serverApi } from "~/server/trpc/server";
import { TRPCReactProvider } from "~/server/trpc/client";
import { surveyLinkEndpoint } from "~/server/trpc/link-context";
import { linkState, signInTo, type LinkState } from "./link";

export const dynamic = "force-dynamic";

// The heading above the refusal's own sentence (server/access/survey-link-words.ts).
const REFUSAL_TITLE = {
  invalid: "Survey link not recognised",
  expired: "Survey closed",
  revoked: "Survey link no longer valid",
} as const;

// Who the browser is signed in as, when that is someone other than the link's person: the link's
// pages answer as the link's person and leave that session alone, and say so.
async function otherAccount(link: LinkState) {
  if (!link.ok) return null;
  const me = await (await serverApi()).user.me().catch(() => null);
  return me && me.id !== link.person.userId ? me : null;
}

// The pages a personal survey link opens: the person's surveys of one cycle, and nothing around
// them but the way to a full sign-in. When the link no longer works, this says why, and the page
// below answers 404 (it calls notFound(), whose boundary here shows nothing more).
export default async function SurveyLinkLayout({ children, params }: { children: ReactNode; params: Promise<{ linkId: string }> }) {
  const { linkId } = await params;
  const link = await linkState(linkId);
  const other = await otherAccount(link);
  const signIn = signInTo(link.ok ? `/w/${link.workspace.slug}/surveys` : "/");
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <div className="flex items-center gap-2">
            <span className="flex h-8 w-8 items-center justify-center rounded-md bg-brand-600 text-sm font-bold text-white" aria-hidden>
              {link.ok ? link.workspace.name[0] : "P"}
            </span>
            <span className="font-semibold text-slate-900">{link.ok ? link.workspace.name : "Partnership Health"}</span>
          </div>
          <div className="flex items-center gap-3 text-sm">
            {link.ok ? (
              <span className="text-slate-600" data-testid="link-person">
                Answering as <span className="font-medium text-slate-900">{link.person.name}</span>
              </span>
            ) : null}
            <Button asChild size="sm" variant="secondary">
              <a href={signIn}>Sign in</a>
            </Button>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-4 py-6 sm:px-6">
        {link.ok ? (
          <>
            <p className="mb-4 text-xs text-slate-500">
              You opened this page with the personal link from your survey email: it lets you answer your {link.cycle.label} surveys without
              a password until the survey closes. To see scorecards and everything else, sign in.
            </p>
            {other ? (
              <Alert tone="warning" className="mb-4">
                This browser is also signed in as {other.name} ({other.email}). Here you answer as {link.person.name}, from the personal
                link; everywhere else you are {other.name}.
              </Alert>
            ) : null}
            <TRPCReactProvider url={surveyLinkEndpoint(linkId)}>{children}</TRPCReactProvider>
          </>
        ) : (
          <div className="rounded-lg bg-white p-8 text-center shadow-sm ring-1 ring-slate-200" data-testid="link-refusal">
            <title>{`${REFUSAL_TITLE[link.kind]} · Partnership Health`}</title>
            <h1 className="text-xl font-semibold text-slate-900">{REFUSAL_TITLE[link.kind]}</h1>
            <p className="mx-auto mt-2 max-w-lg text-sm text-slate-600">{link.message}</p>
            <p className="mx-auto mt-2 max-w-lg text-sm text-slate-600">
              If you still have surveys to answer, sign in to reach them; a newer survey email carries a new link.
            </p>
            <Button asChild className="mt-6">
              <a href={signIn}>Sign in</a>
            </Button>
            {children}
          </div>
        )}
      </main>
    </div>
  );
}
