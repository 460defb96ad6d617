"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { signOut } from "next-auth/react";
import Link from "next/link";

interface Props {
  name: string;
  email: string;
  roleLabel: string;
  workspaces: { slug: string; name: string }[];
  currentSlug: string;
}

const itemClass = "block cursor-pointer rounded px-2 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100";

export function UserMenu({ name, email, roleLabel, workspaces, currentSlug }: Props) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-100">
        {/* Named by its visible text, so a voice user can say what they see. */}
        <span className="sr-only">Account menu: </span>
        <span className="sr-only sm:hidden">{name}</span>
        <span className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white" aria-hidden>
          {name
            .split(" ")
            .map((p) => p[0])
            .slice(0, 2)
            .join("")}
        </span>
        <span className="hidden sm:block">
          <span className="block font-medium text-slate-900">{name}</span>
          <span className="block text-xs text-slate-500">{roleLabel}</span>
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-56 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-slate-500">{email}</DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
          {workspaces.length > 1 ? (
            <>
              <DropdownMenu.Label className="px-2 py-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
                Workspaces
              </DropdownMenu.Label>
              {workspaces.map((w) => (
                <DropdownMenu.Item key={w.slug} asChild>
                  <Link href={`/w/${w.slug}`} className={itemClass} aria-current={w.slug === currentSlug ? "page" : undefined}>
                    {w.name}
                    {w.slug === currentSlug ? " ✓" : ""}
                  </Link>
                </DropdownMenu.Item>
              ))}
              <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
            </>
          ) : null}
          <DropdownMenu.Item asChild>
            <Link href="/account" className={itemClass}>
              Your account
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild>
            <Link href="/workspaces" className={itemClass}>
              All workspaces / new workspace
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item className={itemClass} onSelect={() => void signOut({ callbackUrl: "/signin" })}>
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
