// Why a single sign-on was refused, as a short code (for the audit log, and for the URL of the
// page that explains it: the page shows our words for a code, never text from the URL, so a
// crafted link cannot make the app say something else) and the words a person reads.
export const SSO_REFUSALS = {
  flow_missing:
    "This sign-in could not be matched to one started in this browser: it took more than 10 minutes, or began in another browser or tab. Start again.",
  state_missing:
    "The answer from your identity provider did not carry this sign-in's state, so it was refused to protect your account. Start again.",
  wrong_state:
    "The answer from your identity provider belongs to another sign-in (wrong state), so it was refused to protect your account. Start again.",
  provider_denied: "Your identity provider did not sign you in. Start again, or ask your IT team if it keeps happening.",
  connection_changed: "Single sign-on for your organisation was changed or removed while you were signing in. Start again.",
  misconfigured:
    "Single sign-on for your organisation is not set up correctly: its client secret can no longer be read. Ask your workspace admin to enter it again.",
  provider_unreachable: "Your identity provider could not be reached. Try again in a moment.",
  wrong_issuer:
    "The answer came from another identity provider than the one set up for your organisation (wrong issuer), so the sign-in was refused.",
  wrong_audience: "The identity provider's ID token was issued for another application (wrong audience), so the sign-in was refused.",
  wrong_nonce: "The ID token does not belong to this sign-in (wrong nonce): it may have been replayed, so the sign-in was refused.",
  expired:
    "The ID token has expired or is not valid yet, so the sign-in was refused. Check that the server's clock is right, then start again.",
  bad_signature: "The ID token's signature does not match the identity provider's published keys, so the sign-in was refused.",
  code_refused:
    "Your identity provider would not exchange the sign-in code. Start again; if it keeps happening, ask your workspace admin to check the client ID and secret.",
  invalid_response: "Your identity provider's answer was not valid OpenID Connect, so the sign-in was refused.",
  no_email: 'Your identity provider did not tell us your email address. Ask your IT team to release the "email" claim to this application.',
  email_unverified: "Your identity provider says your email address is not verified, so it cannot sign you in here.",
  domain_not_covered: "Your identity provider signed you in with an email address outside the domains its single sign-on covers here.",
  not_invited: "You have no account here yet, and the workspace has not invited you. Ask its admin for an invitation, then sign in again.",
} as const;

export type SsoRefusalCode = keyof typeof SSO_REFUSALS;

export const isSsoRefusalCode = (code: unknown): code is SsoRefusalCode => typeof code === "string" && Object.hasOwn(SSO_REFUSALS, code);

export class SsoRefusal extends Error {
  constructor(
    readonly code: SsoRefusalCode,
    // What the audit log keeps beside the code (never a token or a secret).
    readonly detail: Record<string, string> = {},
  ) {
    super(SSO_REFUSALS[code]);
    this.name = "SsoRefusal";
  }
}
