// What the sign-in page says for each error code next-auth (or our signIn callback) puts in ?error=.
// Single sign-on failures say that nothing was created and where the precise reason is.
const SSO_REFUSED = "Nothing was created. Your administrator finds the precise reason in Baton's server log.";

export const SIGN_IN_ERRORS: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an active account.",
  locked: "Too many failed attempts. Wait 15 minutes, then try again.",
  OAuthSignin: `Single sign-on is not available: Baton could not reach or read the identity provider's configuration (OIDC_ISSUER). ${SSO_REFUSED}`,
  OAuthCallback: `The identity provider's answer was refused: the client secret may be wrong, or the ID token's signature, issuer or audience did not check out. ${SSO_REFUSED}`,
  OAuthAccountNotLinked: `This identity provider account could not be matched to a Baton account. ${SSO_REFUSED}`,
  SsoNotInvited:
    "Your identity provider account has no Baton account yet, and this workspace only admits people an admin invited. Ask an admin to invite you.",
  SsoNoEmail: "Your identity provider did not give Baton a verified email address, so Baton cannot tell who you are. Nothing was created.",
  SsoDeactivated: "Your Baton account is deactivated. Ask an admin to reactivate it.",
  AccessDenied: "Sign-in was refused. Nothing was created.",
};

export function signInErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return SIGN_IN_ERRORS[code] ?? "Sign-in failed. Try again.";
}
