import { z } from "~/lib/zod";
import { API_SCOPES, type ApiScope } from "../../../server/api-clients.js";
import { PROBLEM_TYPES, problemTypeUri, type ProblemType } from "../../../server/problem.js";
import {
  AbsenceRequests,
  AppointmentPreparations,
  apiSchemas,
  Disagreements,
  EventPage,
  EventsQuery,
  Participant,
  ParticipantListQuery,
  ParticipantPage,
  SharedCv,
  SharedNetwork,
  SharedPreparation,
  schemaDescriptions,
} from "./schema";

/**
 * The OpenAPI 3.1 document of /api/v1, made from the zod schemas the routes use (schema.ts) with
 * zod's own `z.toJSONSchema` (JSON Schema 2020-12, the dialect of OpenAPI 3.1), and the list of
 * operations below, which the routes (urls.ts) follow. tests/unit/api-openapi.test.ts checks that
 * the two agree and that every reference resolves.
 */

export interface Operation {
  path: string;
  operationId: string;
  scope: ApiScope;
  summary: string;
  description: string;
  query?: z.ZodObject;
  /** The path has {participantId}: 404 when it is not one of the client's municipality's. */
  participant: boolean;
  response: z.ZodType;
}

const LOGGED = "Each participant whose data the answer holds gets one line in their log »Hvem har set mine oplysninger«, as »Kommunens sagssystem« and your municipality.";

export const OPERATIONS: Operation[] = [
  {
    path: "/participants",
    operationId: "listParticipants",
    scope: "participants:read",
    summary: "Your municipality's participants",
    description: `Participants of the client's municipality, ordered by id, a page at a time. ${LOGGED}`,
    query: ParticipantListQuery,
    participant: false,
    response: ParticipantPage,
  },
  {
    path: "/participants/{participantId}",
    operationId: "getParticipant",
    scope: "participants:read",
    summary: "One participant",
    description: `Programme, status, dates and the coordinating caseworker. ${LOGGED}`,
    participant: true,
    response: Participant,
  },
  {
    path: "/participants/{participantId}/preparation",
    operationId: "getSharedPreparation",
    scope: "participants:read",
    summary: "The shared preparation",
    description: `The parts of »Forbered dit møde« the participant shares now, each at the version they shared, with the relatives' remarks they chose to include. Never a draft. ${LOGGED}`,
    participant: true,
    response: SharedPreparation,
  },
  {
    path: "/participants/{participantId}/cv",
    operationId: "getSharedCv",
    scope: "participants:read",
    summary: "The shared CV and work wishes",
    description: `The CV, its lines and the work wishes as the participant last shared them; empty when never shared. ${LOGGED}`,
    participant: true,
    response: SharedCv,
  },
  {
    path: "/participants/{participantId}/network",
    operationId: "getSharedNetwork",
    scope: "participants:read",
    summary: "The shared network map",
    description: `The people on the network map while the participant shares it; their judgement of each only when they share it too. ${LOGGED}`,
    participant: true,
    response: SharedNetwork,
  },
  {
    path: "/participants/{participantId}/appointments",
    operationId: "getAppointmentPreparations",
    scope: "participants:read",
    summary: "Meetings with the participant's questions and notes",
    description: `Every meeting, newest first, with the questions and notes the participant saved for it. ${LOGGED}`,
    participant: true,
    response: AppointmentPreparations,
  },
  {
    path: "/participants/{participantId}/absence-requests",
    operationId: "getAbsenceRequests",
    scope: "participants:read",
    summary: "»Jeg kan ikke komme«",
    description: `Every time the participant said they cannot come to a meeting, newest first. Nothing is cancelled by it. ${LOGGED}`,
    participant: true,
    response: AbsenceRequests,
  },
  {
    path: "/participants/{participantId}/disagreements",
    operationId: "getDisagreements",
    scope: "participants:read",
    summary: "Disagreements with the plan",
    description: `»Jeg er ikke enig, eller jeg har spørgsmål«: each one, with the plan version it is about, newest first. ${LOGGED}`,
    participant: true,
    response: Disagreements,
  },
  {
    path: "/events",
    operationId: "listEvents",
    scope: "events:read",
    summary: "What participants did (the change feed)",
    description: `Settled events of your municipality's participants after the cursor, in commit order: keep \`nextCursor\` and you miss nothing and read nothing twice. Poll it (every few seconds at most). ${LOGGED.replace("the answer holds", "a page shows")}`,
    query: EventsQuery,
    participant: false,
    response: EventPage,
  },
];

const SCOPE_WORDS: Record<ApiScope, string> = {
  "participants:read": "Read what the municipality's participants shared (the participants, their shared preparation, CV, network, questions and notes, »cannot come«, disagreements).",
  "events:read": "Read the change feed of the municipality's participants.",
  "plans:write": "Not used yet: write plans (sub-goals, activities, agreements, next step).",
  "appointments:write": "Not used yet: create, move and cancel meetings.",
  "messages:write": "Not used yet: write to a participant's conversations.",
};

/** The error responses, by the name they have under components.responses. */
const ERROR_RESPONSES: Record<string, { type: ProblemType; status: number }> = {
  BadRequest: { type: "invalid-request", status: 400 },
  Unauthorized: { type: "unauthorized", status: 401 },
  Forbidden: { type: "insufficient-scope", status: 403 },
  NotFound: { type: "not-found", status: 404 },
  MethodNotAllowed: { type: "method-not-allowed", status: 405 },
  TooManyRequests: { type: "too-many-requests", status: 429 },
  InternalError: { type: "internal-error", status: 500 },
  ServiceUnavailable: { type: "service-unavailable", status: 503 },
};

const ref = (group: "schemas" | "responses", name: string) => ({ $ref: `#/components/${group}/${name}` });

/** A schema as a component of the document: no `$schema` or `$id` of its own, no regex beside a `format`. */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$schema" || key === "$id") continue;
    if (key === "pattern" && "format" in node) continue;
    out[key] = tidy(value);
  }
  return out;
}

function componentSchemas(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}`, io: "output", unrepresentable: "any" }) as {
    schemas: Record<string, unknown>;
  };
  const described: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const description = schemaDescriptions.get(name);
    described[name] = { ...(tidy(schema) as object), ...(description ? { description } : {}) };
  }
  return described;
}

function queryParameters(query: z.ZodObject | undefined) {
  if (!query) return [];
  return Object.entries(query.shape).map(([name, field]) => {
    const schema = tidy(z.toJSONSchema(field as z.ZodType, { io: "input", unrepresentable: "any" })) as Record<string, unknown>;
    const { description, ...rest } = schema;
    return { name, in: "query", required: !(field as z.ZodType).safeParse(undefined).success, ...(description ? { description } : {}), schema: rest };
  });
}

function operationObject(operation: Operation) {
  const errors = [
    ...(operation.query ? ["BadRequest"] : []),
    "Unauthorized",
    "Forbidden",
    ...(operation.participant ? ["NotFound"] : []),
    "MethodNotAllowed",
    "TooManyRequests",
    "InternalError",
    "ServiceUnavailable",
  ];
  const name = apiSchemas.get(operation.response)?.id;
  if (!name) throw new Error(`the response of ${operation.operationId} is not in apiSchemas`);
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: `${operation.description}\n\nScope: \`${operation.scope}\`.`,
    tags: [operation.participant || operation.path === "/participants" ? "Participants" : "Events"],
    security: [{ bearer: [operation.scope] }],
    parameters: [
      ...(operation.participant ? [{ name: "participantId", in: "path", required: true, description: "The participant's id (Participant.id).", schema: { type: "string", format: "uuid" } }] : []),
      ...queryParameters(operation.query),
    ],
    responses: {
      200: { description: "OK", content: { "application/json": { schema: ref("schemas", name) } } },
      ...Object.fromEntries(errors.map((error) => [String(ERROR_RESPONSES[error]!.status), ref("responses", error)])),
    },
  };
}

/** The document, with problem type addresses and the server on `origin` (PUBLIC_ORIGIN, else the request's). */
export function openApiDocument(origin: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) paths[operation.path] = { get: operationObject(operation) };
  const documentOnly = (summary: string, type: string) => ({
    get: {
      operationId: summary === "openapi" ? "getOpenApiDocument" : "getReference",
      summary: summary === "openapi" ? "This document" : "The reference page made from this document",
      tags: ["Documentation"],
      security: [],
      responses: { 200: { description: "OK", content: { [type]: { schema: { type: type === "application/json" ? "object" : "string" } } } }, 404: ref("responses", "NotFound") },
    },
  });
  paths["/openapi.json"] = documentOnly("openapi", "application/json");
  paths["/reference"] = documentOnly("reference", "text/html");
  return {
    openapi: "3.1.1",
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    info: {
      title: "Min Vej API",
      version: "1.0.0",
      summary: "For the municipality's case system: what participants shared in Min Vej, and what they did.",
      description: [
        "Min Vej is the self-service portal of people in Danish employment and rehabilitation programmes. This API is how a municipality's case system reads what a participant chose to share, exactly as the caseworker views define it: never a CPR number, never an unshared draft.",
        "**Authentication.** OAuth 2.0 client credentials: send the access token (a JWT from your municipality's identity provider) as `Authorization: Bearer <token>`. Min Vej checks its signature against the configured keys, its issuer, audience and expiry. Your client's municipality and scopes are configured in Min Vej (API_CLIENTS_FILE); a token's own `scope` can only narrow them. Cookies are never read.",
        "**Your municipality only.** A client reaches only its own municipality's participants. Another municipality's participant and one that does not exist both answer 404.",
        `**The participant sees each read.** ${LOGGED} The line says what was read (e.g. the CV), never who at the municipality asked.`,
        "**Errors** are RFC 9457 problem details (`application/problem+json`) with `correlationId`, the request's id (also in `X-Request-Id`).",
        "**Pages.** Lists are paged with opaque cursors: pass `nextCursor` back as it is.",
        "**Limits.** A rate limit per client (429 with `Retry-After`); request bodies at most 64 KB.",
      ].join("\n\n"),
    },
    servers: [{ url: `${origin}/api/v1` }],
    security: [{ bearer: [] }],
    tags: [
      { name: "Participants", description: "What the participants of your municipality shared." },
      { name: "Events", description: "The change feed." },
      { name: "Documentation", description: "This document and its reference page; no token needed." },
    ],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: `An OAuth 2.0 client-credentials access token. Scopes: ${API_SCOPES.map((scope) => `\`${scope}\`: ${SCOPE_WORDS[scope]}`).join(" ")}`,
        },
      },
      schemas: componentSchemas(),
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([name, { type, status }]) => [
          name,
          {
            description: `${PROBLEM_TYPES[type]!.title} (${status}). ${PROBLEM_TYPES[type]!.when}`,
            content: { "application/problem+json": { schema: ref("schemas", "Problem"), example: { type: problemTypeUri(origin, type), title: PROBLEM_TYPES[type]!.title, status, correlationId: "8c0f6f3e-0c1a-4c8e-9a43-6d1f0f0d2b7e" } } },
          },
        ]),
      ),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
