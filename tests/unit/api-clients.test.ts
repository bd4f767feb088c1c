import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportJWK, generateKeyPair } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_API_CLIENTS_FILE, readApiClients } from "../../server/api-clients.js";
import { ConfigError, readConfig } from "../../server/config.js";

// Issue 20: API_CLIENTS_FILE names the case systems that may call /api/v1. It is checked at start
// like MUNICIPALITIES_FILE: a wrong file stops the portal with what is wrong, and it can never hold
// a private key or a municipality the portal does not serve.

const MUNICIPALITIES = { municipalityIds: ["solbjerg", "fjordby"] };
let folder: string;
let publicJwk: Record<string, unknown>;
let privateJwk: Record<string, unknown>;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "minvej-api-clients-"));
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  publicJwk = { ...(await exportJWK(publicKey)), kid: "k1" };
  privateJwk = { ...(await exportJWK(privateKey)), kid: "k1" };
  writeFileSync(join(folder, "jwks.json"), JSON.stringify({ keys: [publicJwk] }));
  writeFileSync(join(folder, "private-jwks.json"), JSON.stringify({ keys: [privateJwk] }));
});

const client = { clientId: "momentum-solbjerg", name: "Momentum, Solbjerg", municipality: "solbjerg", scopes: ["participants:read"] };
const valid = { issuer: "https://idp.example.dk", audience: "https://minvej.example.dk/api/v1", jwks: "jwks.json", clients: [client] };

let count = 0;
function fileWith(content: unknown): string {
  const path = join(folder, `clients-${++count}.json`);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const problem = (content: unknown) => {
  try {
    readApiClients(fileWith(content), MUNICIPALITIES);
  } catch (error) {
    return (error as Error).message;
  }
  return "";
};

describe("API clients (server/api-clients.js)", () => {
  it("reads the demo's file: two clients, public keys only", () => {
    const demo = readApiClients(DEMO_API_CLIENTS_FILE, MUNICIPALITIES);
    expect(demo.clients.map((entry) => [entry.clientId, entry.municipality])).toEqual([
      ["sagssystem-solbjerg", "solbjerg"],
      ["sagssystem-fjordby", "fjordby"],
    ]);
    expect(demo.jwks.kind).toBe("keys");
    const keys = demo.jwks.kind === "keys" ? demo.jwks.keys : [];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(Object.keys(key)).not.toContain("d");
  });

  it("reads a file with a JWKS beside it, and defaults to RS256, PS256 and ES256", () => {
    const settings = readApiClients(fileWith(valid), MUNICIPALITIES);
    expect(settings).toMatchObject({ issuer: valid.issuer, audience: valid.audience, algorithms: ["RS256", "PS256", "ES256"], clients: [client] });
    expect(settings.jwks).toEqual({ kind: "keys", keys: [publicJwk] });
    // A client may have its own rate limit instead of RATE_LIMIT_API.
    const limited = readApiClients(fileWith({ ...valid, clients: [{ ...client, rateLimit: "1200/1m" }] }), MUNICIPALITIES);
    expect(limited.clients[0]!.rateLimit).toEqual({ max: 1200, windowSeconds: 60 });
  });

  it("takes the issuer's JWKS address over https (or http on this machine), never plain http elsewhere", () => {
    expect(readApiClients(fileWith({ ...valid, jwks: "https://idp.example.dk/keys" }), MUNICIPALITIES).jwks).toEqual({ kind: "url", url: "https://idp.example.dk/keys" });
    expect(readApiClients(fileWith({ ...valid, jwks: "http://127.0.0.1:8080/keys" }), MUNICIPALITIES).jwks.kind).toBe("url");
    expect(problem({ ...valid, jwks: "http://idp.example.dk/keys" })).toMatch(/jwks: the keys' address must start with https:\/\//);
  });

  it("refuses a JWKS that holds a private key", () => {
    expect(problem({ ...valid, jwks: "private-jwks.json" })).toMatch(/keys\.0 is a private key; give the public keys only/);
  });

  it("says what is wrong: a municipality the portal does not serve, an unknown scope, a client named twice, a missing file", () => {
    expect(problem({ ...valid, clients: [{ ...client, municipality: "aarhus" }] })).toMatch(
      /clients\.0\.municipality: "aarhus" is not a municipality of MUNICIPALITIES_FILE \(solbjerg, fjordby\)/,
    );
    expect(problem({ ...valid, clients: [{ ...client, scopes: ["everything"] }] })).toMatch(/clients\.0\.scopes\.0: write scopes from participants:read, events:read/);
    expect(problem({ ...valid, clients: [{ ...client, scopes: [] }] })).toMatch(/give the client at least one scope/);
    expect(problem({ ...valid, clients: [client, client] })).toMatch(/clients\.1\.clientId: "momentum-solbjerg" is used twice/);
    expect(problem({ ...valid, algorithms: ["HS256"] })).toMatch(/algorithms\.0: write algorithms from RS256/);
    expect(problem({ ...valid, clients: [{ ...client, rateLimit: "lots" }] })).toMatch(/clients\.0\.rateLimit: write it as requests\/window/);
    expect(problem({ ...valid, jwks: "missing.json" })).toMatch(/the JWKS file .*missing\.json cannot be read/);
    expect(problem("{ not json")).toMatch(/is not valid JSON/);
    expect(problem({ ...valid, extra: true })).toMatch(/Unrecognized key/);
  });

  it("is off without API_CLIENTS_FILE, and a wrong file stops the start naming the variable", () => {
    expect(readConfig({}).apiClients).toBeNull();
    const path = fileWith(valid);
    expect(readConfig({ API_CLIENTS_FILE: path }).apiClients?.clients[0]?.clientId).toBe("momentum-solbjerg");
    const wrong = fileWith({ ...valid, clients: [{ ...client, municipality: "aarhus" }] });
    expect(() => readConfig({ API_CLIENTS_FILE: wrong })).toThrow(ConfigError);
    try {
      readConfig({ API_CLIENTS_FILE: wrong });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^API_CLIENTS_FILE: the file .* is not right: clients\.0\.municipality/)]);
    }
  });
});
