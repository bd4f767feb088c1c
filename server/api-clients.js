// The case systems that may call the API (/api/v1, issue 20): who issues their access tokens, for
// which audience, the public keys that sign them, and each client's municipality and scopes. One
// JSON file (API_CLIENTS_FILE), checked at start with the rest of the configuration
// (server/config.js): a wrong file stops the portal with a list of what is wrong. Without the file
// the API is off (every /api/v1 address answers 404).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
// eslint-disable-next-line no-restricted-imports
import { z } from "zod";

/** The demo's file: one client per demo municipality. Its private key is not committed, so no token is ever valid for it. */
export const DEMO_API_CLIENTS_FILE = "config/api-clients.demo.json";

/** What a client may be allowed to do. The writes are named now so that a client's file need not change when they come. */
export const API_SCOPES = /** @type {const} */ (["participants:read", "events:read", "plans:write", "appointments:write", "messages:write"]);

/** Asymmetric signatures only: a shared secret (HS256) or "none" is never accepted. */
export const API_ALGORITHMS = /** @type {const} */ (["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]);

/** The members of a JWK that belong to a private key: a JWKS file with any of them is refused. */
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

const client = z.strictObject({
  /** The token's `client_id` claim (RFC 9068), or its `sub` when it has none. */
  clientId: z.string().regex(/^[\w.:@/-]{1,200}$/, { error: 'write the client id as the tokens carry it (letters, digits and . _ : @ / -), e.g. "momentum-solbjerg".' }),
  /** For the operator and the log, e.g. "KMD Momentum, Solbjerg Kommune". Never shown to a participant. */
  name: z.string().trim().min(2, { error: "write the client's name." }),
  /** The id of one municipality in MUNICIPALITIES_FILE: the client reaches only its participants. */
  municipality: z.string().min(1, { error: "write the id of the client's municipality." }),
  scopes: z
    .array(z.enum(API_SCOPES, { error: `write scopes from ${API_SCOPES.join(", ")}.` }))
    .min(1, { error: "give the client at least one scope." }),
  /** This client's own rate limit ("requests/window", e.g. "1200/1m"), instead of RATE_LIMIT_API. */
  rateLimit: z
    .string()
    .transform((value, context) => {
      const match = /^\s*(\d+)\s*\/\s*(\d+)\s*([smh])\s*$/.exec(value);
      const windowSeconds = Number(match?.[2]) * ({ s: 1, m: 60, h: 3600 })[/** @type {"s" | "m" | "h"} */ (match?.[3] ?? "s")];
      if (!match || Number(match[1]) < 1 || windowSeconds < 1) {
        context.addIssue({ code: "custom", message: 'write it as requests/window, e.g. "600/1m" (s, m or h).' });
        return z.NEVER;
      }
      return { max: Number(match[1]), windowSeconds };
    })
    .optional(),
});

const file = z
  .strictObject({
    /** The token's `iss`, exactly. */
    issuer: z.string().trim().min(1, { error: "write the issuer of the access tokens (their iss claim)." }),
    /** The token's `aud` must contain it, e.g. "https://minvej.example.dk/api/v1". */
    audience: z.string().trim().min(1, { error: "write the audience the access tokens are issued for (their aud claim)." }),
    /** A JWKS file (a path, relative to this file) or the issuer's JWKS address (https). */
    jwks: z.string().trim().min(1, { error: "write the path of a JWKS file or an https address of one." }),
    algorithms: z
      .array(z.enum(API_ALGORITHMS, { error: `write algorithms from ${API_ALGORITHMS.join(", ")}.` }))
      .min(1)
      .default(["RS256", "PS256", "ES256"]),
    clients: z.array(client).min(1, { error: "name at least one client." }),
  })
  .superRefine((value, context) => {
    const seen = new Set();
    value.clients.forEach((entry, index) => {
      if (seen.has(entry.clientId)) context.addIssue({ code: "custom", path: ["clients", index, "clientId"], message: `"${entry.clientId}" is used twice.` });
      seen.add(entry.clientId);
    });
  });

const jwk = z.looseObject({ kty: z.string().min(1) });
const jwks = z.strictObject({ keys: z.array(jwk).min(1, { error: "holds no keys." }) });

/** @typedef {(typeof API_SCOPES)[number]} ApiScope */
/** @typedef {z.output<typeof client>} ApiClient */
/**
 * @typedef {object} ApiClients
 * @property {string} issuer
 * @property {string} audience
 * @property {(typeof API_ALGORITHMS)[number][]} algorithms
 * @property {{ kind: "keys", keys: Record<string, unknown>[] } | { kind: "url", url: string }} jwks
 * @property {ApiClient[]} clients
 */

/**
 * Reads and checks an API clients file. Throws an Error whose message lists each problem with where
 * it is in the file (never a key, never a stack trace for the operator).
 * @param {string} path
 * @param {{ municipalityIds: string[] }} options the ids of MUNICIPALITIES_FILE
 * @returns {ApiClients}
 */
export function readApiClients(path, { municipalityIds }) {
  const result = file.safeParse(readJson(path, "the file"));
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message.replace(/^Invalid input: /, "")}`);
    throw new Error(`the file ${path} is not right: ${lines.join("; ")}`);
  }
  const value = result.data;
  const wrongMunicipality = value.clients.findIndex((entry) => !municipalityIds.includes(entry.municipality));
  if (wrongMunicipality >= 0) {
    const entry = value.clients[wrongMunicipality];
    throw new Error(
      `the file ${path} is not right: clients.${wrongMunicipality}.municipality: "${entry?.municipality}" is not a municipality of MUNICIPALITIES_FILE (${municipalityIds.join(", ")}).`,
    );
  }
  return { issuer: value.issuer, audience: value.audience, algorithms: value.algorithms, jwks: readJwks(value.jwks, path), clients: value.clients };
}

/**
 * @param {string} where a path relative to the clients file, or an address
 * @param {string} clientsPath
 * @returns {ApiClients["jwks"]}
 */
function readJwks(where, clientsPath) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(where)) {
    let url;
    try {
      url = new URL(where);
    } catch {
      url = null;
    }
    const loopback = url?.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
    if (!url || (url.protocol !== "https:" && !loopback)) {
      throw new Error(`the file ${clientsPath} is not right: jwks: the keys' address must start with https://.`);
    }
    return { kind: "url", url: url.href };
  }
  const path = resolve(dirname(clientsPath), where);
  const result = jwks.safeParse(readJson(path, "the JWKS file"));
  if (!result.success) throw new Error(`the JWKS file ${path} is not right: it must be {"keys": [...]} with at least one key, each with its "kty".`);
  const withPrivate = result.data.keys.findIndex((key) => PRIVATE_MEMBERS.some((member) => member in key));
  if (withPrivate >= 0) {
    throw new Error(`the JWKS file ${path} is not right: keys.${withPrivate} is a private key; give the public keys only.`);
  }
  return { kind: "keys", keys: result.data.keys };
}

/**
 * @param {string} path
 * @param {string} what
 * @returns {unknown}
 */
function readJson(path, what) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const reason = error instanceof SyntaxError ? "is not valid JSON" : "cannot be read";
    throw new Error(`${what} ${path} ${reason}.`);
  }
}
