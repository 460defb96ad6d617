// Which addresses an admin may save as a Slack or Teams incoming webhook: the platforms' own hosts
// only, so the integration cannot be turned into a way of posting workspace news to any server.
// WEBHOOKS_ALLOW_PRIVATE=1 (tests, a receiver on the same private network) lifts the host check;
// the outbound door (../outbound) still applies its own rules at every request.
import { OutboundTargetError, parseTargetUrl, targetRules, type TargetRules } from "../outbound/target";
import type { ChatPlatformName } from "./message";

// Slack: https://hooks.slack.com/services/T…/B…/… (the "Incoming WebHooks" app). Teams: a
// Workflows (Power Automate) flow's URL, on the Logic Apps or Power Platform hosts, or an
// Office 365 connector's, retired by Microsoft but still answering in some tenants.
const TEAMS_HOSTS = [".logic.azure.com", ".powerplatform.com", ".webhook.office.com"];

export function checkChatUrl(platform: ChatPlatformName, raw: string, rules: TargetRules = targetRules()): URL {
  const url = parseTargetUrl(raw, rules);
  if (rules.allowPrivate) return url;
  const host = url.hostname.toLowerCase();
  if (platform === "SLACK") {
    if (host !== "hooks.slack.com" || !url.pathname.startsWith("/services/")) {
      throw new OutboundTargetError(
        "That is not a Slack incoming webhook. Its address starts with https://hooks.slack.com/services/ (Slack: Apps → Incoming WebHooks → Add to Slack).",
      );
    }
  } else if (!TEAMS_HOSTS.some((suffix) => host.endsWith(suffix))) {
    throw new OutboundTargetError(
      'That is not a Microsoft Teams workflow address. Copy the URL of a Workflows flow\'s "When a Teams webhook request is received" step: it ends in logic.azure.com, powerplatform.com or webhook.office.com.',
    );
  }
  return url;
}

// What is shown of a saved URL: its host and last four characters, enough to tell two apart
// without giving away the part that lets anyone post.
export function urlHint(url: URL): string {
  const whole = url.toString();
  return `${url.host}/…${whole.slice(-4)}`;
}
