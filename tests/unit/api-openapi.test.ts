import { describe, expect, it } from "vitest";
import { API_SCOPES } from "../../server/api-clients.js";
import { PROBLEM_TYPES } from "../../server/problem.js";
import { apiRoutes } from "~/features/api/urls";
import { OPERATIONS, openApiDocument } from "~/features/api/openapi";
import { referencePage } from "~/features/api/reference";
import { loader as participantsLoader } from "~/features/api/routes/participants";
import { loader as openApiLoader } from "~/features/api/routes/openapi-json";
import { run } from "../support/routes";

// Issue 20: the API is described by an OpenAPI 3.1 document generated from the zod schemas the
// routes use. A client generates its code from it, so it must be whole: every operation answers
// what it says, every reference resolves, and it lists exactly the addresses the portal serves.

const ORIGIN = "https://minvej.example.dk";
const document = openApiDocument(ORIGIN);
type Json = Record<string, unknown>;

/** Every `$ref` anywhere in the document, with where it is. */
function refsIn(node: unknown, at = "#"): { ref: string; at: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, index) => refsIn(item, `${at}/${index}`));
  if (!node || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) => (key === "$ref" && typeof value === "string" ? [{ ref: value, at }] : refsIn(value, `${at}/${key}`)));
}

/** Follows a local JSON pointer ("#/components/schemas/Participant") in the document. */
function resolve(pointer: string): unknown {
  if (!pointer.startsWith("#/")) return undefined;
  return pointer
    .slice(2)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined), document);
}

const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation: operation as Json & { responses: Record<string, Json> } })),
);

describe("the OpenAPI document (/api/v1/openapi.json)", () => {
  it("is OpenAPI 3.1 with the JSON Schema dialect of 3.1, a title, a version and the server under /api/v1", () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.jsonSchemaDialect).toBe("https://spec.openapis.org/oas/3.1/dialect/base");
    expect(document.info.title).toBeTruthy();
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(document.servers).toEqual([{ url: `${ORIGIN}/api/v1` }]);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it("gives every operation an id, a summary and responses: a success with a schema, and problem+json for each error", () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, operation } of operations) {
      const name = `${method.toUpperCase()} ${path}`;
      expect(operation.summary, name).toBeTruthy();
      const statuses = Object.keys(operation.responses);
      expect(statuses.some((status) => /^2\d\d$/.test(status)), name).toBe(true);
      for (const [status, response] of Object.entries(operation.responses)) {
        const resolved = (response.$ref ? resolve(response.$ref as string) : response) as Json | undefined;
        expect(resolved, `${name} ${status}`).toBeDefined();
        expect(resolved!.description, `${name} ${status}`).toBeTruthy();
        const content = resolved!.content as Record<string, { schema?: unknown }> | undefined;
        expect(content && Object.values(content).every((media) => media.schema), `${name} ${status} has a schema`).toBe(true);
        if (/^[45]/.test(status)) expect(Object.keys(content!), `${name} ${status}`).toEqual(["application/problem+json"]);
      }
    }
  });

  it("resolves every $ref, and every named schema is used", () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(20);
    for (const { ref, at } of refs) expect(resolve(ref), `${ref} at ${at}`).toBeDefined();
    const used = new Set(refs.map(({ ref }) => ref));
    for (const name of Object.keys(document.components.schemas)) expect(used.has(`#/components/schemas/${name}`), name).toBe(true);
    // No schema carries a stray $schema or $id of its own (components are not documents).
    expect(JSON.stringify(document.components.schemas)).not.toMatch(/"\$(schema|id)"/);
  });

  it("asks for the bearer token and a known scope (or one of several) on each operation with data; the document itself is open", () => {
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer", bearerFormat: "JWT" });
    for (const { path, method, operation } of operations) {
      const name = `${method.toUpperCase()} ${path}`;
      const security = operation.security as Record<string, string[]>[];
      if (path === "/openapi.json" || path === "/reference") {
        expect(security).toEqual([]);
        continue;
      }
      expect(security.length, name).toBeGreaterThanOrEqual(1);
      for (const requirement of security) {
        expect(Object.keys(requirement), name).toEqual(["bearer"]);
        expect(requirement.bearer, name).toHaveLength(1);
        expect(API_SCOPES, name).toContain(requirement.bearer![0]);
      }
      const statuses = Object.keys(operation.responses);
      expect(statuses.some((status) => status === "200" || status === "201"), name).toBe(true);
      expect(statuses, name).toEqual(expect.arrayContaining(["401", "403", "429", "500"]));
    }
  });

  it("describes each write: a strict request body, Idempotency-Key, 400/409/422, If-Match with 412/428 where a version is changed, the ETag and Location it answers", () => {
    const writes = operations.filter(({ method }) => method === "post" || method === "put");
    expect(writes.map(({ operation }) => operation.operationId).sort()).toEqual(
      [
        "answerAbsenceRequest",
        "cancelMeeting",
        "createMeeting",
        "decideProposal",
        "moveMeeting",
        "publishMeetingSummary",
        "putPlan",
        "registerParticipant",
        "startConversation",
        "writeMessage",
      ].sort(),
    );
    for (const { path, method, operation } of writes) {
      const name = `${method.toUpperCase()} ${path}`;
      const parameters = operation.parameters as { name: string; in: string; required: boolean }[];
      expect(parameters.find((parameter) => parameter.name === "Idempotency-Key"), name).toMatchObject({ in: "header", required: true });
      const body = (operation.requestBody as { content: Record<string, { schema: { $ref: string } }> }).content["application/json"]!.schema;
      const schema = resolve(body.$ref) as Json;
      expect(schema.additionalProperties, `${name}: the body is strict`).toBe(false);
      expect(Object.keys(operation.responses), name).toEqual(expect.arrayContaining(["400", "409", "422"]));
      const created = operation.responses["201"] as { headers?: Json } | undefined;
      if (created) expect(Object.keys(created.headers ?? {}), name).toContain("Location");
    }
    const byId = (id: string) => writes.find(({ operation }) => operation.operationId === id)!.operation;
    for (const id of ["putPlan", "moveMeeting", "cancelMeeting", "publishMeetingSummary"]) {
      const operation = byId(id);
      expect((operation.parameters as { name: string }[]).map((parameter) => parameter.name), id).toContain("If-Match");
      expect(Object.keys(operation.responses), id).toEqual(expect.arrayContaining(["412", "428"]));
      expect(Object.keys((operation.responses["200"] as { headers: Json }).headers), id).toContain("ETag");
    }
    // The participant's own fields are not in any body.
    const bodies = JSON.stringify(writes.map(({ operation }) => resolve((operation.requestBody as { content: Record<string, { schema: { $ref: string } }> }).content["application/json"]!.schema.$ref)));
    for (const own of ["ownGoal", "participantStatus", "participantComment", "participantQuestions", "participantNotes"]) expect(bodies).not.toContain(`"${own}"`);
  });

  it("lists exactly the addresses the portal serves under /api/v1", () => {
    const served = apiRoutes
      .map((entry) => entry.path!)
      .filter((path) => path !== "api/v1" && path !== "api/v1/*")
      .map((path) => `/${path.replace(/^api\/v1\//, "").replace(/:(\w+)/g, "{$1}")}`)
      .sort();
    expect(Object.keys(document.paths).sort()).toEqual(served);
    // The parameters in a path are declared.
    for (const { path, operation } of operations) {
      const declared = ((operation.parameters as Json[] | undefined) ?? []).filter((parameter) => parameter.in === "path").map((parameter) => parameter.name);
      expect(declared, path).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]));
    }
    expect(OPERATIONS.every((operation) => operation.path in document.paths)).toBe(true);
  });

  it("says which problem types exist, each with its status, as the server answers them", () => {
    for (const [name, response] of Object.entries(document.components.responses)) {
      const example = (response.content["application/problem+json"] as { example: { type: string; status: number } }).example;
      const type = example.type.split("#problem-")[1]!;
      expect(PROBLEM_TYPES[type as keyof typeof PROBLEM_TYPES]?.status, name).toBe(example.status);
      expect(example.type).toBe(`${ORIGIN}/api/v1/reference#problem-${type}`);
    }
  });
});

describe("the reference page (/api/v1/reference)", () => {
  const html = referencePage(document);

  it("has an anchor for every operation, schema and problem type (a problem's type points there)", () => {
    for (const { operation } of operations) expect(html).toContain(`id="op-${String(operation.operationId)}"`);
    for (const name of Object.keys(document.components.schemas)) expect(html).toContain(`id="schema-${name}"`);
    for (const type of Object.keys(PROBLEM_TYPES)) expect(html).toContain(`id="problem-${type}"`);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
  });

  it("loads nothing: no script, no style sheet, image or font from anywhere", () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|@import|url\(/i);
  });
});

describe("while the API is off (no API_CLIENTS_FILE)", () => {
  it("every address answers 404 problem+json, the document too", async () => {
    const before = process.env.API_CLIENTS_FILE;
    delete process.env.API_CLIENTS_FILE;
    try {
      for (const loader of [participantsLoader, openApiLoader]) {
        const response = (await run(loader, new Request(`${ORIGIN}/api/v1/participants`, { headers: { Authorization: "Bearer x.y.z" } }))) as Response;
        expect(response.status).toBe(404);
        expect(response.headers.get("content-type")).toBe("application/problem+json");
        expect(await response.json()).toMatchObject({ status: 404, title: "Not found", correlationId: "test-request" });
      }
    } finally {
      if (before !== undefined) process.env.API_CLIENTS_FILE = before;
    }
  });
});
