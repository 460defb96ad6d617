// Reading the signed-in user from next-auth's session cookie (server components, route handlers).
import { getServerSession } from "next-auth";
import { authOptions } from "./auth";

export async function currentUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.id ?? null;
}
