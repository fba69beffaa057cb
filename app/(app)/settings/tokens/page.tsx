import type { Metadata } from "next";
import Link from "next/link";
import { TokenCreateForm } from "@/components/tokens/token-create-form";
import { TokenTable } from "@/components/tokens/token-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getWorkspaceTimeZone } from "@/lib/definitions/queries";
import { listApiTokens } from "@/lib/tokens/queries";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  await requirePageUser("tokens.manage");
  const [tokens, timeZone] = await Promise.all([listApiTokens(), getWorkspaceTimeZone()]);
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Integrations authenticate to the API with a token. A token acts with the role of the person who created it, limited to its scope; a service token acts as a named integration, so its changes are audited under that name. Revoke a token when the integration is retired or the token leaks."
        actions={
          <Link href="/api-docs" className="text-sm font-medium text-brand-700 hover:underline">
            API documentation
          </Link>
        }
      />
      <div className="space-y-5">
        <Card title="New token" description="Also from the command line: npm run baton -- token create --name NAME --scope read|write">
          <TokenCreateForm />
        </Card>
        <Card title="Tokens">
          <TokenTable tokens={tokens} timeZone={timeZone} />
        </Card>
      </div>
    </>
  );
}
