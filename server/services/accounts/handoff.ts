// After an emailed link has proved the address (a password reset, a sign-up confirmation, a new
// account's invitation), the page that used it signs the person in without asking anything more:
// the same transaction issues a one-time sign-in token, which the page hands straight to
// next-auth's "email-link" provider. One way in for all of them: the session row, the audit entry
// and the checks of that provider apply alike.
import type { PrismaClient } from "../../db/generated/client";
import { issueToken } from "./tokens";

export const handOffSignIn = (db: Pick<PrismaClient, "authToken">, user: { id: string; email: string }, now = new Date()) =>
  issueToken(db, { purpose: "SIGN_IN", email: user.email, userId: user.id, data: { handoff: true }, now });
