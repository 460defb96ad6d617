"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "~/server/trpc/client";
import { Alert } from "../../../../../_components/alert";
import { Button } from "../../../../../_components/button";
import { Card } from "../../../../../_components/card";
import { SelectField, TextField } from "../../../../../_components/field";
import { useFormErrors } from "../../../../../_lib/use-form-errors";
import { ConfirmDialog } from "../../_components/confirm-dialog";

type JoinRole = "MANAGER" | "EXECUTIVE" | "ADMIN";

interface Connection {
  issuer: string;
  clientId: string;
  secretStored: true;
  domains: string[];
  required: boolean;
  joinByDomain: boolean;
  joinRole: string;
}

// The roles a domain rule may grant: the company's own people, never the owner role.
const JOIN_ROLE_OPTIONS: { value: JoinRole; label: string }[] = [
  { value: "MANAGER", label: "Alliance manager" },
  { value: "EXECUTIVE", label: "Executive" },
  { value: "ADMIN", label: "Admin" },
];

const asJoinRole = (role: string | undefined): JoinRole => (role === "EXECUTIVE" || role === "ADMIN" ? role : "MANAGER");
const splitDomains = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

function Check({
  id,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-0.5 h-4 w-4 accent-brand-600"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      </div>
    </div>
  );
}

// The connection's settings. The client secret is never shown: the server says only whether one
// is stored, and an empty field keeps it.
export function SsoForm({ slug, connection, redirectUri }: { slug: string; connection: Connection | null; redirectUri: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [issuer, setIssuer] = useState(connection?.issuer ?? "");
  const [clientId, setClientId] = useState(connection?.clientId ?? "");
  const [clientSecret, setClientSecret] = useState("");
  const [domains, setDomains] = useState(connection?.domains.join(", ") ?? "");
  const [required, setRequired] = useState(connection?.required ?? false);
  const [joinByDomain, setJoinByDomain] = useState(connection?.joinByDomain ?? false);
  const [joinRole, setJoinRole] = useState<JoinRole>(asJoinRole(connection?.joinRole));
  const [copied, setCopied] = useState(false);

  const save = useMutation(
    trpc.sso.save.mutationOptions({
      onSuccess: () => {
        setClientSecret("");
        router.refresh();
      },
    }),
  );
  const remove = useMutation(trpc.sso.remove.mutationOptions({ onSuccess: () => router.refresh() }));
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      save.reset();
      set(v);
    };

  const errors = useFormErrors(save.error, ["issuer", "clientId", "clientSecret", "domains"]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      workspaceSlug: slug,
      issuer,
      clientId,
      clientSecret: clientSecret || null,
      domains: splitDomains(domains),
      required,
      joinByDomain,
      joinRole,
    });
  }

  return (
    <div className="space-y-8">
      <Card
        title="Register this application with your identity provider"
        description="Create an OpenID Connect web application (authorization code flow) there, with this redirect URI:"
      >
        <div className="flex flex-wrap items-center gap-2">
          <code className="rounded bg-slate-100 px-2 py-1 text-sm text-slate-800" data-testid="sso-redirect-uri">
            {redirectUri}
          </code>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(redirectUri).then(() => setCopied(true));
            }}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
        <p className="mt-2 text-xs text-slate-500">
          It asks for the scopes openid, email and profile, and uses PKCE. Then enter what the provider gave you below.
        </p>
      </Card>

      <form id={errors.formId} onSubmit={onSubmit} noValidate aria-labelledby="sso-heading">
        <Card
          title={<span id="sso-heading">Connection</span>}
          description={
            connection
              ? "Saving checks the identity provider's discovery document again."
              : "Saving checks that the issuer's discovery document can be reached and is valid."
          }
        >
          <div className="space-y-4">
            <TextField
              label="Issuer URL"
              name="issuer"
              value={issuer}
              onChange={(e) => edit(setIssuer)(e.target.value)}
              placeholder="https://login.example.com"
              hint="The identity provider's issuer, as its discovery document (/.well-known/openid-configuration) names it."
              error={errors.field("issuer")}
              autoComplete="off"
            />
            <TextField
              label="Client ID"
              name="clientId"
              value={clientId}
              onChange={(e) => edit(setClientId)(e.target.value)}
              error={errors.field("clientId")}
              autoComplete="off"
            />
            <TextField
              label="Client secret"
              name="clientSecret"
              type="password"
              value={clientSecret}
              onChange={(e) => edit(setClientSecret)(e.target.value)}
              placeholder={connection ? "Stored — leave empty to keep it" : ""}
              hint={
                connection
                  ? "A secret is stored, encrypted; it is never shown again. Type a new one to replace it (needed when the issuer or client ID changes)."
                  : "Stored encrypted, and never shown again."
              }
              error={errors.field("clientSecret")}
              autoComplete="new-password"
            />
            <TextField
              label="Email domains"
              name="domains"
              value={domains}
              onChange={(e) => edit(setDomains)(e.target.value)}
              placeholder="example.com, example.co.uk"
              hint="People with addresses at these domains sign in through this provider. Each must be the domain of one of this workspace's owners or admins, and no other workspace's."
              error={errors.field("domains")}
              autoComplete="off"
            />
            <Check
              id="sso-required"
              label="Require single sign-on for these domains"
              hint="Their password sign-in and emailed sign-in links are refused, and their current password sessions end when you save. Sign in with single sign-on yourself first."
              checked={required}
              onChange={edit(setRequired)}
            />
            <Check
              id="sso-join"
              label="Let people of these domains join on their first sign-in"
              hint="Off: only people you invite join; the first sign-in accepts their invitation. On: anyone at these domains joins with the role below."
              checked={joinByDomain}
              onChange={edit(setJoinByDomain)}
            />
            {joinByDomain ? (
              <SelectField
                label="Role on joining"
                value={joinRole}
                onChange={(e) => edit(setJoinRole)(asJoinRole(e.target.value))}
                options={JOIN_ROLE_OPTIONS}
                className="max-w-60"
              />
            ) : null}
          </div>
          <div className="mt-6 flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? "Checking and saving…" : "Save single sign-on"}
            </Button>
            {connection ? (
              <ConfirmDialog
                trigger={<Button variant="danger">Remove single sign-on</Button>}
                title="Remove single sign-on?"
                confirmLabel="Remove"
                pendingLabel="Removing…"
                onConfirm={() => remove.mutateAsync({ workspaceSlug: slug })}
              >
                People of {connection.domains.join(", ")} then sign in with a password or an emailed link. Their accounts and memberships
                stay.
              </ConfirmDialog>
            ) : null}
            {save.isSuccess ? (
              <Alert tone="success">Saved. The identity provider answered and its discovery document is valid.</Alert>
            ) : null}
            <Alert tone="error">{errors.summary}</Alert>
          </div>
        </Card>
      </form>
    </div>
  );
}
