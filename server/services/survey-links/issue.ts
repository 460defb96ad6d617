// Personal survey links: the survey-open and reminder emails carry a link that opens its
// recipient's surveys of one cycle without a password (server/access/survey-link.ts decides what
// it opens, on every use). A link is 256 random bits, sent only in the email; the database keeps
// its sha256, so a copy of the database opens nothing. Each email gets a link of its own, written
// in the transaction that writes the email, so a link exists exactly when its email does; the
// links of earlier emails keep working too, since people click whichever email they find.
import type { TenantClient } from "../../db/tenant";
import { hashToken, newToken } from "../accounts/tokens";
import { appUrl } from "../email/app-url";

// The link's path: short, because people copy it from an email. Tokens are base64url, 43 characters.
export const surveyLinkPath = (token: string) => `/s/${token}`;

// The link's absolute address, for the email.
export async function issueSurveyLink(tx: TenantClient, input: { memberId: string; cycleId: string }): Promise<string> {
  const token = newToken();
  await tx.surveyLink.create({
    data: { workspaceId: tx.$workspaceId, memberId: input.memberId, cycleId: input.cycleId, tokenHash: hashToken(token) },
  });
  return appUrl(surveyLinkPath(token));
}
