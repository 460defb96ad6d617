"use client";
import { useState } from "react";
import { TextField } from "../_components/field";

// The server's rule for a workspace address (workspaceSlug in server/trpc/procedures.ts).
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;
export const SLUG_RULE = "Use 3-40 lowercase letters, digits or hyphens, starting and ending with a letter or digit.";

// "Northwind Alliances" -> "northwind-alliances"; accents are dropped rather than lost as hyphens.
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

// Workspace name and address. The address follows the name until the person edits it; emptying
// it hands it back to the suggestion. Read through FormData as `workspaceName` and `slug`.
export function WorkspaceFields({ errors }: { errors: { workspaceName?: string | null; slug?: string | null } }) {
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [edited, setEdited] = useState(false);
  const shown = edited ? slug : slugify(name);

  return (
    <>
      <TextField
        label="Workspace name"
        name="workspaceName"
        required
        maxLength={80}
        autoComplete="organization"
        placeholder="Northwind Alliances"
        value={name}
        onChange={(e) => setName(e.target.value)}
        hint="Usually your company's partner program."
        error={errors.workspaceName}
      />
      <TextField
        label="Workspace address"
        name="slug"
        required
        maxLength={40}
        autoCapitalize="none"
        spellCheck={false}
        placeholder="northwind-alliances"
        value={shown}
        onChange={(e) => {
          const value = e.target.value.toLowerCase().replace(/\s+/g, "-");
          setSlug(value);
          setEdited(value !== "");
        }}
        hint={shown ? `Your workspace will live at /w/${shown}. ${SLUG_RULE}` : SLUG_RULE}
        error={errors.slug}
      />
    </>
  );
}
