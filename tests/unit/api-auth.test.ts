import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClients } from "../../server/api-clients.js";
import { authenticate } from "~/features/api/auth.server";

// Issue 20: the API's token check (app/features/api/auth.server.ts) with the keys at the issuer's
// address, as production configures it: fetched from the issuer, and a fault there is ours to
// report (503), never the client's (401). The running build's checks with a JWKS file are in
// tests/integration/api/api-live.test.ts.

const ISSUER = "https://login.kommune.test";
const AUDIENCE = "minvej-api";
let keys: { privateKey: CryptoKey; publicKey: CryptoKey };
let issuer: Server;
let jwksUrl: string;
let fetches = 0;

beforeAll(async () => {
  keys = await generateKeyPair("ES256");
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "ES256" }] });
  issuer = createServer((request, response) => {
    fetches += 1;
    if (request.url !== "/keys") return response.writeHead(404).end();
    response.writeHead(200, { "Content-Type": "application/json" }).end(jwks);
  });
  await new Promise<void>((resolve) => issuer.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(issuer.address() as AddressInfo).port}/keys`;
});

afterAll(() => new Promise<void>((resolve) => issuer.close(() => resolve())));

const settings = (url = jwksUrl): ApiClients => ({
  issuer: ISSUER,
  audience: AUDIENCE,
  algorithms: ["ES256"],
  jwks: { kind: "url", url },
  clients: [{ clientId: "momentum-fjordby", name: "Momentum, Fjordby", municipality: "fjordby", scopes: ["participants:read", "events:read"] }],
});

async function token(claims: Record<string, unknown>) {
  return new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid: "k1" }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime("5m").sign(keys.privateKey);
}

const withBearer = (value: string) => new Request("http://localhost/api/v1/participants", { headers: { Authorization: `Bearer ${value}` } });

describe("the API's token check with the issuer's keys at an address", () => {
  it("fetches the keys once and knows the client by client_id, or by sub without one; the municipality and scopes come from the file", async () => {
    const settingsOnce = settings();
    const first = await authenticate(withBearer(await token({ client_id: "momentum-fjordby" })), settingsOnce);
    const second = await authenticate(withBearer(await token({ sub: "momentum-fjordby" })), settingsOnce);
    for (const result of [first, second]) {
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.caller.client.clientId).toBe("momentum-fjordby");
      expect(result.caller.municipality.id).toBe("fjordby");
      expect(result.caller.defaultMunicipality.id).toBe("solbjerg");
      expect([...result.caller.scopes].sort()).toEqual(["events:read", "participants:read"]);
    }
    expect(fetches).toBe(1);
  });

  it("lets a token narrow its client's scopes (scope or scp), never widen them", async () => {
    const narrowed = await authenticate(withBearer(await token({ client_id: "momentum-fjordby", scope: "events:read plans:write" })), settings());
    expect(narrowed.ok && [...narrowed.caller.scopes]).toEqual(["events:read"]);
    const asList = await authenticate(withBearer(await token({ client_id: "momentum-fjordby", scp: ["participants:read", "messages:write"] })), settings());
    expect(asList.ok && [...asList.caller.scopes]).toEqual(["participants:read"]);
  });

  it("answers 503 (try again), not 401, when the issuer's keys cannot be fetched", async () => {
    const result = await authenticate(withBearer(await token({ client_id: "momentum-fjordby" })), settings(jwksUrl.replace("/keys", "/gone")));
    expect(result).toMatchObject({ ok: false, problem: "service-unavailable" });
  });

  it("tells a missing header from a header that is not a bearer token", async () => {
    expect(await authenticate(new Request("http://localhost/api/v1/participants"), settings())).toMatchObject({ ok: false, problem: "unauthorized" });
    expect(await authenticate(withBearer("a b c"), settings())).toMatchObject({ ok: false, problem: "invalid-token" });
    // Garbage in the token is the client's fault (401), never reported as ours (503).
    const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
    const garbage = [
      "a.b.c",
      `${b64("{not json")}.${b64({})}.c2ln`,
      `${b64({ alg: "ES256", kid: "k1" })}.${b64("not json")}.c2ln`,
      `${b64({ alg: "ES256", kid: "k1" })}.${b64({ client_id: "momentum-fjordby" })}.${"A".repeat(86)}`,
      `${b64({ alg: "HS256", kid: "k1" })}.${b64({ client_id: "momentum-fjordby" })}.c2ln`,
      `${b64({ alg: "RSA-OAEP", enc: "A256GCM" })}.a.b.c.d`,
    ];
    for (const value of garbage) expect(await authenticate(withBearer(value), settings()), value).toMatchObject({ ok: false, problem: "invalid-token" });
    const basic = new Request("http://localhost/api/v1/participants", { headers: { Authorization: "Basic dXNlcjpwYXNz" } });
    expect(await authenticate(basic, settings())).toMatchObject({ ok: false, problem: "unauthorized" });
  });
});
