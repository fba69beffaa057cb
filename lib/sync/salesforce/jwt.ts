import { createPrivateKey, sign, type KeyObject } from "node:crypto";
import { SyncSourceError } from "@/lib/sync/source-errors";

// Salesforce's OAuth 2.0 JWT bearer flow for a connected app (server to server): Baton signs a short
// assertion with the app's private key (RS256; iss = consumer key, sub = the integration user's
// username, aud = the login URL, exp within 3 minutes) and trades it at /services/oauth2/token for an
// access token. There is no refresh token in this flow: an expired session is answered by a new
// assertion. jsforce 3 has no helper that signs one (its OAuth2#requestToken posts any grant), so the
// signing is node:crypto's.

export const JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/** Salesforce accepts an assertion whose exp is at most 3 minutes ahead; a little less leaves room for clock skew. */
const ASSERTION_LIFETIME_SECONDS = 170;

export interface JwtBearerCredentials {
  kind: "jwt";
  /** The connected app's consumer key: the assertion's issuer. */
  clientId: string;
  /** The pre-authorized integration user the sync reads as: the assertion's subject. */
  username: string;
  /** PKCS#8 or PKCS#1 PEM, matching the certificate uploaded to the connected app. */
  privateKey: string;
  /** The assertion's audience and where the token is requested: login.salesforce.com, test.salesforce.com or the My Domain. */
  loginUrl: string;
  accessToken?: string;
}

/** The private key as node:crypto reads it, or a message saying what is wrong with the pasted text. */
export function readPrivateKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: "pem" });
  } catch (error) {
    const encrypted = /ENCRYPTED/.test(pem) || /passphrase/i.test(String(error));
    throw new SyncSourceError(
      "auth",
      encrypted
        ? "The private key is protected by a passphrase: export it without one (openssl pkey -in key.pem -out plain.pem) and paste that."
        : "The private key could not be read: paste the whole PEM, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----.",
    );
  }
  if (key.asymmetricKeyType !== "rsa")
    throw new SyncSourceError(
      "auth",
      `The private key is ${key.asymmetricKeyType ?? "not RSA"}: Salesforce signs JWT bearer assertions with RSA (RS256).`,
    );
  return key;
}

/** A signed RS256 assertion for one token request. */
export function signAssertion(credentials: Omit<JwtBearerCredentials, "kind">, now = Date.now()): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const claims = {
    iss: credentials.clientId,
    sub: credentials.username,
    aud: credentials.loginUrl,
    exp: Math.floor(now / 1000) + ASSERTION_LIFETIME_SECONDS,
  };
  const signingInput = `${encode({ alg: "RS256" })}.${encode(claims)}`;
  const signature = sign("RSA-SHA256", Buffer.from(signingInput), readPrivateKey(credentials.privateKey)).toString("base64url");
  return `${signingInput}.${signature}`;
}

/** What Salesforce's token endpoint said, as the admin's next step. */
export function jwtGrantError(error: { name?: string; message?: string }, username: string): SyncSourceError | null {
  const description = (error.message ?? "").replace(/^Unable to refresh session due to: /, "");
  const known: [RegExp, string][] = [
    [
      /user hasn't approved this consumer/,
      `Salesforce says ${username} hasn't approved this connected app: in Setup → Connected Apps → Manage, set Permitted Users to "Admin approved users are pre-authorized" and add the user's profile or permission set.`,
    ],
    [
      /invalid assertion/,
      "Salesforce refused the signed assertion: the private key does not match the certificate uploaded to the connected app (Use digital signatures).",
    ],
    [
      /audience is invalid/,
      "Salesforce refused the assertion's audience: the login URL must be login.salesforce.com, test.salesforce.com for a sandbox, or the org's My Domain.",
    ],
    [/expired authorization code/, "Salesforce says the assertion had expired when it arrived: check this server's clock."],
    [/client identifier invalid/, "Salesforce does not know this consumer key: copy it from the connected app (Manage Consumer Details)."],
  ];
  const match = known.find(([pattern]) => pattern.test(description));
  if (match) return new SyncSourceError("auth", match[1]);
  return error.name === "invalid_grant" || error.name === "invalid_client_id"
    ? new SyncSourceError("auth", `Salesforce refused the JWT bearer grant: ${description || error.name}.`)
    : null;
}
