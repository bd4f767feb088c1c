import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { expect, inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { createPostgresDatabase, serverUrl, type PostgresDatabase } from "./db";
import { startLiveServer, type LiveServer } from "./live-server";

// The case system's side of the API tests (issue 20): the production build (`node server.js`)
// with its own clients file and JWKS, on a fresh Postgres database as portal_app (with
// TEST_DATABASE_URL) or on a copy of the run's migrated PGlite; tokens minted from the test's key.

export const API_ISSUER = "https://login.kommune.test";
export const API_AUDIENCE = "https://minvej.test/api/v1";

export interface ApiClient {
  clientId: string;
  name: string;
  municipality: string;
  scopes: string[];
  rateLimit?: string;
  webhook?: Record<string, unknown>;
}

export type KeyPair = { privateKey: CryptoKey; publicKey: CryptoKey };

export interface ApiServer {
  server: LiveServer;
  keys: KeyPair;
  /** Holds clients.json and jwks.json; a test may put its own files here (removed at stop). */
  folder: string;
  /** The schema owner's handle on Postgres (for reading what was written), else undefined. */
  owner?: DatabaseHandle;
  /** The Postgres database (its owner's and portal_app's connection strings), else undefined. */
  pg?: PostgresDatabase;
  /** The server's environment, to start it again with the same files and database. */
  env: Record<string, string>;
  /** Stops the server (however it ended) and starts it again on the same files and database. */
  restart(): Promise<LiveServer>;
  stop(): Promise<void>;
}

/**
 * Writes the clients file, builds the test's people with `buildPeople` in the database the
 * server will use (on PGlite the server gets that folder afterwards: one user at a time), then
 * starts the server. `env` adds to the server's environment.
 */
export async function startApiServer(options: {
  databasePrefix: string;
  clients: ApiClient[];
  buildPeople: (handle: DatabaseHandle) => Promise<void>;
  env?: Record<string, string>;
  keys?: KeyPair;
}): Promise<ApiServer> {
  const keys = options.keys ?? (await generateKeyPair("RS256", { extractable: true }));
  const folder = mkdtempSync(path.join(tmpdir(), `${options.databasePrefix}-`));
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  writeFileSync(path.join(folder, "jwks.json"), JSON.stringify({ keys: [jwk] }));
  writeFileSync(
    path.join(folder, "clients.json"),
    JSON.stringify({ issuer: API_ISSUER, audience: API_AUDIENCE, jwks: "jwks.json", algorithms: ["RS256"], clients: options.clients }),
  );
  const env: Record<string, string> = { API_CLIENTS_FILE: path.join(folder, "clients.json"), RATE_LIMIT_API: "1000000/1m", ...options.env };
  let pg: PostgresDatabase | undefined;
  let owner: DatabaseHandle | undefined;
  let dataDir: string | undefined;
  if (serverUrl) {
    pg = await createPostgresDatabase(options.databasePrefix);
    owner = await openDatabase({ url: pg.ownerUrl });
    await options.buildPeople(owner);
    Object.assign(env, { DATABASE_URL: pg.appUrl, DATABASE_OWNER_URL: pg.ownerUrl });
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), `${options.databasePrefix}-data-`));
    cpSync(inject("pgliteTemplateDataDir"), dataDir, { recursive: true });
    const handle = await openDatabase({ dataDir });
    await options.buildPeople(handle);
    await handle.close();
    env.DATA_DIR = dataDir;
  }
  const harness: ApiServer = {
    server: await startLiveServer(env),
    keys,
    folder,
    owner,
    pg,
    env,
    async restart() {
      await harness.server.stop();
      harness.server = await startLiveServer(env);
      return harness.server;
    },
    async stop() {
      await harness.server.stop();
      await owner?.close();
      await pg?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return harness;
}

/** An access token as the municipality's identity provider would issue it; each option spoils one thing. */
export async function mintApiToken(
  privateKey: CryptoKey,
  options: { client: string; scope?: string; kid?: string; issuer?: string; audience?: string; expiresAt?: number },
): Promise<string> {
  const claims: Record<string, unknown> = { client_id: options.client };
  if (options.scope !== undefined) claims.scope = options.scope;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: options.kid ?? "k1", typ: "at+jwt" })
    .setIssuer(options.issuer ?? API_ISSUER)
    .setAudience(options.audience ?? API_AUDIENCE)
    .setSubject(options.client)
    .setIssuedAt(now - 60)
    .setExpirationTime(options.expiresAt ?? now + 300)
    .sign(privateKey);
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  /** The JSON body, or {} when the answer is not JSON (a page). */
  body: Record<string, unknown>;
  text: string;
}

/** One request, read whole; redirects are not followed. */
export async function fetchAnswer(url: string, init: RequestInit): Promise<ApiAnswer> {
  const response = await fetch(url, { ...init, redirect: "manual" });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: a page
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** A refusal: problem+json with the status, the problem type, and the request id as its correlation id. */
export function expectProblem(origin: string, answer: ApiAnswer, status: number, type: string, detail?: RegExp): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get("content-type")).toBe("application/problem+json");
  expect(answer.body).toMatchObject({ status, type: `${origin}/api/v1/reference#problem-${type}` });
  expect(answer.body.correlationId).toBe(answer.headers.get("x-request-id"));
  if (detail) expect(String(answer.body.detail)).toMatch(detail);
}
