import { sessionRoute } from "@/lib/actions/route-guard";
import { getEnv } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { finishAuthorization, oauthActor } from "@/lib/sync/oauth";
import { connectionNoticeCookie } from "@/lib/sync/notice";

// Where Salesforce and HubSpot send the admin back after the consent page. Only the signed-in user who
// started the authorization, in the same browser session, can finish it (the state is bound to both);
// whatever happens, the browser goes back to the connections page, which shows what happened once.
export const GET = sessionRoute<{ provider: string }>(
  "connections.manage",
  async (request, user, { provider }) => {
    if (provider !== "salesforce" && provider !== "hubspot") throw new NotFoundError("That CRM");
    const outcome = await finishAuthorization(provider, await oauthActor(user), new URL(request.url).searchParams);
    return new Response(null, {
      status: 303,
      headers: {
        Location: new URL("/settings/connections", getEnv().NEXTAUTH_URL).toString(),
        "Set-Cookie": connectionNoticeCookie(outcome),
        "Cache-Control": "no-store",
      },
    });
  },
  { forbidden: "Only admins and revenue operations can connect a CRM." },
);
