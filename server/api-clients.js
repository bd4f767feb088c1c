// The case systems that may call the API (/api/v1, issue 20): who issues their access tokens, for
// which audience, the public keys that sign them, and each client's municipality and scopes. One
// JSON file (API_CLIENTS_FILE), checked at start with the rest of the configuration
// (server/config.js): a wrong file stops the portal with a list of what is wrong. Without the file
// the API is off (every /api/v1 address answers 404).
import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
// eslint-disable-next-line no-restricted-imports
import { z } from "zod";

/** The demo's file: one client per demo municipality. Its private key is not committed, so no token is ever valid for it. */
export const DEMO_API_CLIENTS_FILE = "config/api-clients.demo.json";

/**
 * What a client may be allowed to do. `participants:write` (registering a participant and her
 * coordinating caseworker) is its own scope: a system that writes plans need not create people.
 */
export const API_SCOPES = /** @type {const} */ (["participants:read", "events:read", "plans:write", "appointments:write", "messages:write", "participants:write"]);

/** Asymmetric signatures only: a shared secret (HS256) or "none" is never accepted. */
export const API_ALGORITHMS = /** @type {const} */ (["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]);

/** The members of a JWK that belong to a private key: a JWKS file with any of them is refused. */
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

/**
 * Where the client's signed webhooks go (Standard Webhooks): an https address (http only on the
 * loopback address, for tests), and the signing secret, given as the name of an environment
 * variable or a file (never in this file): `whsec_` and the key in base64, 24 to 64 bytes.
 */
const webhook = z.strictObject({
  url: z.string().refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" || (url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname));
      } catch {
        return false;
      }
    },
    { error: "write the receiver's address, starting with https:// (http:// only on 127.0.0.1 or localhost)." },
  ),
  secret: z.union([z.strictObject({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/) }), z.strictObject({ file: z.string().min(1) })], {
    error: 'give the signing secret as {"env": "VARIABLE_NAME"} or {"file": "path"}, never the secret itself.',
  }),
  /** How long one delivery may take before it counts as failed (1 to 30 s). */
  timeoutSeconds: z.number().int().min(1).max(30).default(10),
});

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
  /** Signed webhooks of the change feed to this client (optional). */
  webhook: webhook.optional(),
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
/**
 * A client's webhook with its secret read: `key` is the HMAC key (the bytes after `whsec_`).
 * @typedef {{ url: string, key: Buffer, timeoutMs: number }} ApiWebhook
 */
/** @typedef {Omit<z.output<typeof client>, "webhook"> & { webhook?: ApiWebhook }} ApiClient */
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
 * @param {{ municipalityIds: string[], env?: Record<string, string | undefined> }} options the ids of MUNICIPALITIES_FILE; where webhook secrets named by variable are (process.env)
 * @returns {ApiClients}
 */
export function readApiClients(path, { municipalityIds, env = process.env }) {
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
  const clients = value.clients.map((entry, index) =>
    entry.webhook ? { ...entry, webhook: readWebhook(entry.webhook, `clients.${index}.webhook`, path, env) } : { ...entry, webhook: undefined },
  );
  return { issuer: value.issuer, audience: value.audience, algorithms: value.algorithms, jwks: readJwks(value.jwks, path), clients };
}

/**
 * The webhook with its signing secret read from the environment or a file (relative to the clients
 * file). The secret never appears in an error message.
 * @param {z.output<typeof webhook>} given
 * @param {string} where
 * @param {string} clientsPath
 * @param {Record<string, string | undefined>} env
 * @returns {ApiWebhook}
 */
function readWebhook(given, where, clientsPath, env) {
  let text;
  if ("env" in given.secret) {
    text = env[given.secret.env];
    if (!text) throw new Error(`the file ${clientsPath} is not right: ${where}.secret: the environment variable ${given.secret.env} is not set.`);
  } else {
    const secretPath = resolve(dirname(clientsPath), given.secret.file);
    try {
      text = readFileSync(secretPath, "utf8");
    } catch {
      throw new Error(`the file ${clientsPath} is not right: ${where}.secret: the file ${secretPath} cannot be read.`);
    }
  }
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(text.trim());
  const key = match ? Buffer.from(match[1] ?? "", "base64") : null;
  if (!key || key.length < 24 || key.length > 64) {
    throw new Error(`the file ${clientsPath} is not right: ${where}.secret: the secret must be whsec_ and 24 to 64 bytes in base64.`);
  }
  return { url: new URL(given.url).href, key, timeoutMs: given.timeoutSeconds * 1000 };
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
