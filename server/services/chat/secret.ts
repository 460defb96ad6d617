// A Slack or Teams webhook URL is a secret (whoever holds it can post to the channel): sealed at
// rest with the key of SSO client secrets, with its workspace and platform as associated data, so
// a value copied into another row does not open.
import type { ChatPlatform } from "../../db/generated/client";
import { ssoEncryptionKey } from "../../sso-key";
import { open, seal } from "../sso/secret-box";

const label = (workspaceId: string, platform: ChatPlatform) => `chat-webhook:${workspaceId}:${platform}`;

export const sealChatUrl = (workspaceId: string, platform: ChatPlatform, url: string) =>
  seal(ssoEncryptionKey(), url, label(workspaceId, platform));

export const openChatUrl = (workspaceId: string, platform: ChatPlatform, sealed: string) =>
  open(ssoEncryptionKey(), sealed, label(workspaceId, platform));
