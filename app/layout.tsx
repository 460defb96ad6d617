import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "~/server/trpc/client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Partnership Health", template: "%s · Partnership Health" },
  description: "Quarterly partnership health surveys, scorecards and portfolio trends for partner programs.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts), which a
  // page built ahead of time could not know, and without it the browser would refuse them.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        {/* A page may put its own skip link here, first in the tab order (app/_components/page-skip-link.tsx). */}
        <div id="page-skip-link" />
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
