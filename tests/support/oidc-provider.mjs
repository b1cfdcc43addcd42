// A real OpenID provider for the tests of the named operator login: oidc-provider (an OpenID Certified
// implementation), on 127.0.0.1, with one client registered for the app. Started by tests/support/oidc.ts as a
// child process: `node tests/support/oidc-provider.mjs <port> <app base URL>`; prints "listening" when ready.
//
// Its login is a minimal form (no password: a test types the account's id and is logged in and has consented).
// Two accounts get a tampered ID token, re-signed with the provider's own key, to test the app's refusals:
// "fremde-anwendung" one whose audience is another client, "abgelaufen" one that expired an hour ago.
import http from "node:http";
import { exportJWK, generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader } from "jose";
import Provider from "oidc-provider";

const [port, appUrl] = [Number(process.argv[2]), process.argv[3]];
const CLIENT_ID = "digitalcheck";
const CLIENT_SECRET = process.env.OIDC_FIXTURE_SECRET ?? "oidc-test-secret-0123456789abcdef";
const issuer = `http://127.0.0.1:${port}`;

const { privateKey } = await generateKeyPair("RS256", { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: "test-key", alg: "RS256", use: "sig" };

const page = (title, body) =>
  `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

/** Name, e-mail and groups of an account: the id is the login a test types. */
function claimsOf(id) {
  return {
    sub: id,
    email: `${id}@example.test`,
    email_verified: true,
    name: `Test ${id[0].toUpperCase()}${id.slice(1)}`,
    groups: id.startsWith("gruppe-") ? ["/digitalcheck-betrieb"] : [],
  };
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [`${appUrl}/betrieb/anmelden/dienstkonto/rueckkehr`],
      post_logout_redirect_uris: [`${appUrl}/betrieb/anmelden?loggedOut=1`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  jwks: { keys: [jwk] },
  cookies: { keys: ["oidc-fixture-cookie-key"] },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
  conformIdTokenClaims: false,
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => claimsOf(id) }),
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: (ctx, form) => {
        ctx.body = page(
          "Abmelden beim Anmeldedienst",
          `${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, abmelden</button>`,
        );
      },
    },
  },
  renderError: (ctx, out) => {
    ctx.type = "html";
    ctx.body = page("Fehler beim Anmeldedienst", `<pre>${String(out.error)}: ${String(out.error_description)}</pre>`);
  },
});

// The tampered ID tokens (see above): the token endpoint's answer, changed after the provider built it.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== "/token" || !ctx.body || typeof ctx.body.id_token !== "string") return;
  const claims = decodeJwt(ctx.body.id_token);
  const now = Math.floor(Date.now() / 1000);
  let changed;
  if (claims.sub === "fremde-anwendung") changed = { ...claims, aud: "eine-andere-anwendung" };
  else if (claims.sub === "abgelaufen") changed = { ...claims, iat: now - 7200, exp: now - 3600 };
  if (!changed) return;
  const header = decodeProtectedHeader(ctx.body.id_token);
  ctx.body = {
    ...ctx.body,
    id_token: await new SignJWT(changed).setProtectedHeader({ ...header, alg: "RS256", kid: jwk.kid }).sign(privateKey),
  };
});

/** The minimal login: GET shows a form for the account id; POST logs in and consents to openid, profile and email. */
async function interaction(req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error("interaction mismatch");
  if (req.method === "GET") {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(
      page(
        "Anmeldedienst (Test)",
        `<form method="post" action="/interaction/${uid}"><label for="login">Kennung</label><input id="login" name="login" required><button type="submit">Anmelden beim Anmeldedienst</button></form>`,
      ),
    );
    return;
  }
  let body = "";
  for await (const chunk of req) body += chunk;
  const accountId = new URLSearchParams(body).get("login") ?? "";
  const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
  grant.addOIDCScope("openid profile email");
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

const callback = provider.callback();
http
  .createServer((req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? "");
    if (match) {
      interaction(req, res, match[1]).catch((e) => {
        res.statusCode = 400;
        res.end(String(e));
      });
      return;
    }
    callback(req, res);
  })
  .listen(port, "127.0.0.1", () => console.log(`listening ${issuer}`));
