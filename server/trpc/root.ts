// The root router: one sub-router per domain noun.
import { accountRouter } from "../routers/account";
import { actionRouter } from "../routers/action";
import { apiTokenRouter } from "../routers/api-token";
import { chatIntegrationRouter } from "../routers/chat-integration";
import { auditRouter } from "../routers/audit";
import { cycleRouter } from "../routers/cycle";
import { frameworkRouter } from "../routers/framework";
import { exchangeRouter } from "../routers/exchange";
import { goalRouter } from "../routers/goal";
import { importRouter } from "../routers/import";
import { invitationRouter } from "../routers/invitation";
import { lifecycleRouter } from "../routers/lifecycle";
import { memberRouter } from "../routers/member";
import { notificationRouter } from "../routers/notification";
import { outboxRouter } from "../routers/outbox";
import { participantRouter } from "../routers/participant";
import { partnerOrgRouter } from "../routers/partner-org";
import { partnershipRouter } from "../routers/partnership";
import { passwordResetRouter } from "../routers/password-reset";
import { portfolioRouter } from "../routers/portfolio";
import { responseRouter } from "../routers/response";
import { retroRouter } from "../routers/retro";
import { ssoRouter } from "../routers/sso";
import { signInLinkRouter } from "../routers/sign-in-link";
import { surveyLinkRouter } from "../routers/survey-link";
import { teamRouter } from "../routers/team";
import { webhookRouter } from "../routers/webhook";
import { userRouter } from "../routers/user";
import { workspaceRouter } from "../routers/workspace";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  user: userRouter,
  account: accountRouter,
  workspace: workspaceRouter,
  member: memberRouter,
  invitation: invitationRouter,
  partnerOrg: partnerOrgRouter,
  partnership: partnershipRouter,
  import: importRouter,
  framework: frameworkRouter,
  cycle: cycleRouter,
  participant: participantRouter,
  team: teamRouter,
  response: responseRouter,
  surveyLink: surveyLinkRouter,
  portfolio: portfolioRouter,
  outbox: outboxRouter,
  retro: retroRouter,
  action: actionRouter,
  goal: goalRouter,
  exchange: exchangeRouter,
  lifecycle: lifecycleRouter,
  notification: notificationRouter,
  audit: auditRouter,
  sso: ssoRouter,
  apiToken: apiTokenRouter,
  chatIntegration: chatIntegrationRouter,
  webhook: webhookRouter,
  passwordReset: passwordResetRouter,
  signInLink: signInLinkRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
