// Identity providers for the single sign-on tests: a real OpenID provider (the `oidc-provider` library,
// certified by the OpenID Foundation) whose login step signs in whichever account the test names, and a
// hand-made issuer that publishes one key and hands out ID tokens forged against it.
import { createSign, generateKeyPairSync, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface TestIssuer {
  issuer: string;
  stop: () => Promise<void>;
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function stopper(server: http.Server): () => Promise<void> {
  return () => new Promise((resolve) => server.close(() => resolve()));
}

export interface IdpAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

export interface RealIssuer extends TestIssuer {
  /** The account the next login interaction signs in, by its subject. */
  loginAs: (sub: string) => void;
}

export async function startOidcProvider(
  client: { clientId: string; clientSecret: string; redirectUri: string },
  accounts: Record<string, IdpAccount>,
): Promise<RealIssuer> {
  let nextLogin = "";
  const server = http.createServer();
  const issuer = await listen(server);
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    findAccount: async (_ctx, sub) => (accounts[sub] ? { accountId: sub, claims: async () => ({ sub, ...accounts[sub] }) } : undefined),
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    // The claims go into the ID token itself, as Okta, Entra ID and Keycloak put email and groups there.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // Consent is given once and for all, as an IdP administrator does for a company's own apps.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    cookies: { keys: [randomUUID()] },
  });
  server.on("request", (req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      void provider
        .interactionFinished(req, res, { login: { accountId: nextLogin } }, { mergeWithLastSubmission: false })
        .catch((error: Error) => {
          res.statusCode = 500;
          res.end(error.message);
        });
      return;
    }
    void provider.callback()(req, res);
  });
  return { issuer, stop: stopper(server), loginAs: (sub) => (nextLogin = sub) };
}

export type Forgery = "bad-signature" | "wrong-audience";

function base64url(value: object | Buffer): string {
  return (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString("base64url");
}

/** An issuer whose discovery, keys and endpoints are in order, but whose ID tokens are forged. */
export async function startForgingIssuer(forgery: Forgery, clientId: string, claims: IdpAccount): Promise<TestIssuer> {
  const published = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const attacker = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = "published-key";
  const server = http.createServer();
  const issuer = await listen(server);
  server.on("request", (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const json = (body: unknown) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/.well-known/openid-configuration") {
      return json({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
      });
    }
    if (url.pathname === "/jwks")
      return json({ keys: [{ ...published.publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }] });
    if (url.pathname === "/authorize") {
      const back = new URL(url.searchParams.get("redirect_uri")!);
      back.searchParams.set("code", "forged-code");
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (url.pathname === "/token") {
      const now = Math.floor(Date.now() / 1000);
      const payload = {
        iss: issuer,
        sub: "mallory",
        aud: forgery === "wrong-audience" ? "some-other-app" : clientId,
        iat: now,
        exp: now + 300,
        ...claims,
      };
      const signingInput = `${base64url({ alg: "RS256", kid, typ: "JWT" })}.${base64url(payload)}`;
      const signer = createSign("RSA-SHA256").update(signingInput);
      const signature = signer.sign(forgery === "bad-signature" ? attacker.privateKey : published.privateKey);
      return json({
        access_token: "forged-access-token",
        token_type: "Bearer",
        expires_in: 300,
        id_token: `${signingInput}.${base64url(signature)}`,
      });
    }
    res.writeHead(404).end();
  });
  return { issuer, stop: stopper(server) };
}
