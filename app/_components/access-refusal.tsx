import Link from "next/link";

// The words of every door a person cannot open: "not found" when they may not even learn that
// the thing exists (a random id and another workspace's or organisation's id read alike), "no
// access" when they may know it exists but not open it. Rendered by the not-found and forbidden
// pages, and by client pages that lose access while open.
const WORDS = {
  "not-found": {
    status: "404",
    title: "Not found",
    text: "This page does not exist, or you do not have access to it. Check the link, or go back to your workspace.",
  },
  forbidden: {
    status: "403",
    title: "No access",
    text: "You are signed in, but you do not have access to this page. If you think you should, ask an admin of your workspace.",
  },
} as const;

export type Refusal = keyof typeof WORDS;

export function AccessRefusal({ kind, home = "/" }: { kind: Refusal; home?: string }) {
  const words = WORDS[kind];
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center">
      {/* The refused page's own metadata would otherwise name the tab ("Scorecard"). */}
      <title>{`${words.title} · Partnership Health`}</title>
      <p className="text-sm font-semibold text-brand-700">{words.status}</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">{words.title}</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">{words.text}</p>
      <Link href={home} className="mt-6 text-sm font-medium text-brand-700 hover:underline">
        Go to my workspace
      </Link>
    </div>
  );
}
