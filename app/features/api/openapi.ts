import { z } from "~/lib/zod";
import { API_SCOPES, type ApiScope } from "../../../server/api-clients.js";
import { PROBLEM_TYPES, problemTypeUri, type ProblemType } from "../../../server/problem.js";
import {
  AbsenceRequests,
  AppointmentPreparations,
  apiRequestSchemas,
  apiSchemas,
  ConversationStart,
  JobcentrePlan,
  Meeting,
  MeetingCancel,
  MeetingCreate,
  MeetingMove,
  MeetingSummary,
  SummaryWrite,
  MessageSent,
  MessageWrite,
  ParticipantRegistration,
  PlanWrite,
  Disagreements,
  SharedProgress,
  PlanProposals,
  PlanProposal,
  ProposalDecision,
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
  /** GET unless said. */
  method?: "get" | "post" | "put";
  operationId: string;
  /** The scope it needs; with several, any one of them. */
  scope: ApiScope | ApiScope[];
  summary: string;
  description: string;
  query?: z.ZodObject;
  /** The path has {participantId}: 404 when it is not one of the client's municipality's. */
  participant: boolean;
  /** Path parameters after {participantId}, with what they are. */
  pathParameters?: Record<string, string>;
  /** A write's body (a schema of apiRequestSchemas): it takes Idempotency-Key, and answers 400, 409 and 422 too. */
  body?: z.ZodType;
  /** The success status (200 unless said); 201 also answers Location. */
  success?: 200 | 201 | "200-or-201";
  /** The answer carries the ETag of what it shows. */
  etag?: boolean;
  /** If-Match: required (428 without), or only for an update (the plan: 428 when it exists). Both answer 412. */
  ifMatch?: "required" | "update";
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
    path: "/participants/{participantId}/progress",
    operationId: "getProgress",
    scope: "participants:read",
    summary: "»Sådan går det«, as shared",
    description: `The months of »Sådan går det« the participant chose to share, each answer in words (never a score), and her warning signs and what helps her while she shares them. Never her energy diary. ${LOGGED}`,
    participant: true,
    response: SharedProgress,
  },
  {
    path: "/participants",
    method: "post",
    operationId: "registerParticipant",
    scope: "participants:write",
    summary: "Register a participant",
    description:
      "A new participant of your municipality, with her koordinerende sagsbehandler. The CPR number is stored so that MitID finds her at her first sign-in; it is never returned. A CPR number already registered is 409.",
    participant: false,
    body: ParticipantRegistration,
    success: 201,
    response: Participant,
  },
  {
    path: "/participants/{participantId}/plan",
    operationId: "getPlan",
    scope: ["plans:write", "participants:read"],
    summary: "The plan (the jobcentre's part)",
    description: `The employment goal, sub-goals, activities, agreements, contacts and next step, with the plan's ETag. Never her own goal, marks or comments. ${LOGGED}`,
    participant: true,
    etag: true,
    response: JobcentrePlan,
  },
  {
    path: "/participants/{participantId}/plan",
    method: "put",
    operationId: "putPlan",
    scope: "plans:write",
    summary: "Write the plan",
    description:
      "Creates the plan (without If-Match, 201) or replaces its jobcentre part at the version If-Match names (200): a new version the participant sees, with what changed under »Nyt siden sidst« and »Tidligere versioner«. The same plan again changes nothing and keeps the version. A field that is hers (her own goal, her marks and comments) is refused (422).",
    participant: true,
    body: PlanWrite,
    success: "200-or-201",
    etag: true,
    ifMatch: "update",
    response: JobcentrePlan,
  },
  {
    path: "/participants/{participantId}/appointments",
    method: "post",
    operationId: "createMeeting",
    scope: "appointments:write",
    summary: "Book a meeting",
    description: "A new meeting: she sees it on »Mine møder« at once, in her calendar feed, and is reminded as she chose.",
    participant: true,
    body: MeetingCreate,
    success: 201,
    etag: true,
    response: Meeting,
  },
  {
    path: "/participants/{participantId}/appointments/{appointmentId}",
    operationId: "getMeeting",
    scope: ["appointments:write", "participants:read"],
    summary: "One meeting",
    description: `The meeting as written, with its ETag (its calendar sequence). ${LOGGED}`,
    participant: true,
    pathParameters: { appointmentId: "The meeting's id (Meeting.appointmentId)." },
    etag: true,
    response: Meeting,
  },
  {
    path: "/participants/{participantId}/appointments/{appointmentId}/move",
    method: "post",
    operationId: "moveMeeting",
    scope: "appointments:write",
    summary: "Move a meeting",
    description: "A new time (and place, when given), at the version If-Match names. It says »Ny tid« to her; her calendar follows; reminders for the old time are dropped. A cancelled or held meeting is 409.",
    participant: true,
    pathParameters: { appointmentId: "The meeting's id." },
    body: MeetingMove,
    etag: true,
    ifMatch: "required",
    response: Meeting,
  },
  {
    path: "/participants/{participantId}/appointments/{appointmentId}/cancel",
    method: "post",
    operationId: "cancelMeeting",
    scope: "appointments:write",
    summary: "Cancel a meeting",
    description: "Cancels the meeting at the version If-Match names. It stays on her list, saying it is cancelled, and leaves her calendar. Nothing is deleted.",
    participant: true,
    pathParameters: { appointmentId: "The meeting's id." },
    body: MeetingCancel,
    etag: true,
    ifMatch: "required",
    response: Meeting,
  },
  {
    path: "/participants/{participantId}/appointments/{appointmentId}/summary",
    operationId: "getMeetingSummary",
    scope: ["appointments:write", "participants:read"],
    summary: "The summary of a held meeting",
    description: `»Det aftalte vi« as she sees it now, with its ETag (the version), every version, and which points she remembers differently (her words are in the conversation named). 404 before one is published. ${LOGGED}`,
    participant: true,
    pathParameters: { appointmentId: "The meeting's id." },
    etag: true,
    response: MeetingSummary,
  },
  {
    path: "/participants/{participantId}/appointments/{appointmentId}/summary",
    method: "post",
    operationId: "publishMeetingSummary",
    scope: "appointments:write",
    summary: "Publish or correct the summary of a held meeting",
    description:
      "»Det aftalte vi«: a few numbered points, each with the plan items it changed. The first is sent without If-Match (201); a correction needs If-Match with the current version (200): a new version, the old one kept, and she sees »Rettet den …«. She gets a message from »Din sagsbehandler« as she chose. A meeting not yet held, or cancelled, is 409. Events: summary.published, summary.corrected.",
    participant: true,
    pathParameters: { appointmentId: "The meeting's id." },
    body: SummaryWrite,
    success: "200-or-201",
    etag: true,
    ifMatch: "update",
    response: MeetingSummary,
  },
  {
    path: "/participants/{participantId}/absence-requests/{absenceRequestId}/answer",
    method: "post",
    operationId: "answerAbsenceRequest",
    scope: "appointments:write",
    summary: "Answer a »cannot come«",
    description: "Your answer becomes a message from »Din sagsbehandler« in the conversation her »Jeg kan ikke komme« opened (one is opened if there is none). She is told as she chose.",
    participant: true,
    pathParameters: { absenceRequestId: "The »cannot come« (AbsenceRequest.absenceRequestId)." },
    body: MessageWrite,
    success: 201,
    response: MessageSent,
  },
  {
    path: "/participants/{participantId}/conversations",
    method: "post",
    operationId: "startConversation",
    scope: "messages:write",
    summary: "Start a conversation",
    description: "A new conversation with the participant, from »Din sagsbehandler« (never an employee's name). She is told as she chose.",
    participant: true,
    body: ConversationStart,
    success: 201,
    response: MessageSent,
  },
  {
    path: "/participants/{participantId}/conversations/{conversationId}/messages",
    method: "post",
    operationId: "writeMessage",
    scope: "messages:write",
    summary: "Write in a conversation",
    description: "A message from »Din sagsbehandler« in one of her conversations (the ids come from MessageSent and from the events `messages.*` and `case_system.message_sent`).",
    participant: true,
    pathParameters: { conversationId: "The conversation's id." },
    body: MessageWrite,
    success: 201,
    response: MessageSent,
  },
  {
    path: "/participants/{participantId}/proposals",
    operationId: "getProposals",
    scope: ["plans:write", "participants:read"],
    summary: "Her proposals for the plan",
    description: `»Forslag til min plan«: each sub-goal or activity she proposed in her own words, newest first, with where it stands (never one she withdrew). ${LOGGED}`,
    participant: true,
    response: PlanProposals,
  },
  {
    path: "/participants/{participantId}/proposals/{proposalId}/decision",
    method: "post",
    operationId: "decideProposal",
    scope: "plans:write",
    summary: "Answer a proposal",
    description:
      "Accept (her words go into the plan), change (your words go in; she sees both texts) or decline (with a reason she reads) a waiting proposal, at the version If-Match names. Accepting writes a new plan version, as PUT plan does. A stale version is 412 with the current ETag; one decided already (or withdrawn) is 409. She sees the answer in Min Vej.",
    participant: true,
    pathParameters: { proposalId: "The proposal's id (PlanProposal.proposalId)." },
    body: ProposalDecision,
    etag: true,
    ifMatch: "required",
    response: PlanProposal,
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
  "plans:write": "Read and write the jobcentre's part of a participant's plan (employment goal, sub-goals, activities, agreements, contacts, next step); never her own goal, marks or comments.",
  "appointments:write": "Create, move and cancel meetings, and answer a »cannot come«.",
  "messages:write": "Write to a participant's conversations as »din sagsbehandler«.",
  "participants:write": "Register a participant of the client's municipality and her coordinating caseworker.",
};

/** The error responses, by the name they have under components.responses. */
const ERROR_RESPONSES: Record<string, { type: ProblemType; status: number }> = {
  BadRequest: { type: "invalid-request", status: 400 },
  Unauthorized: { type: "unauthorized", status: 401 },
  Forbidden: { type: "insufficient-scope", status: 403 },
  NotFound: { type: "not-found", status: 404 },
  MethodNotAllowed: { type: "method-not-allowed", status: 405 },
  Conflict: { type: "conflict", status: 409 },
  PreconditionFailed: { type: "precondition-failed", status: 412 },
  UnprocessableContent: { type: "invalid-body", status: 422 },
  PreconditionRequired: { type: "precondition-required", status: 428 },
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
  const generate = (registry: typeof apiSchemas, io: "input" | "output") =>
    (z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io, unrepresentable: "any" }) as { schemas: Record<string, unknown> }).schemas;
  // Answers as the API sends them (output); request bodies as a client writes them (input: defaults may be left out).
  const schemas = { ...generate(apiSchemas, "output"), ...generate(apiRequestSchemas, "input") };
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

const scopesOf = (operation: Operation) => (typeof operation.scope === "string" ? [operation.scope] : operation.scope);

const header = (description: string, schema: Record<string, unknown> = { type: "string" }) => ({ description, schema });

function operationObject(operation: Operation) {
  const write = Boolean(operation.body);
  const errors = [
    ...(operation.query || write ? ["BadRequest"] : []),
    "Unauthorized",
    "Forbidden",
    ...(operation.participant ? ["NotFound"] : []),
    "MethodNotAllowed",
    ...(write ? ["Conflict"] : []),
    ...(operation.ifMatch ? ["PreconditionFailed"] : []),
    ...(write ? ["UnprocessableContent"] : []),
    ...(operation.ifMatch ? ["PreconditionRequired"] : []),
    "TooManyRequests",
    "InternalError",
    "ServiceUnavailable",
  ];
  const name = apiSchemas.get(operation.response)?.id;
  if (!name) throw new Error(`the response of ${operation.operationId} is not in apiSchemas`);
  const bodyName = operation.body ? apiRequestSchemas.get(operation.body)?.id : undefined;
  if (operation.body && !bodyName) throw new Error(`the body of ${operation.operationId} is not in apiRequestSchemas`);
  const scopes = scopesOf(operation);
  const headers = {
    ...(operation.etag ? { ETag: header('The version of what the answer shows, e.g. "3": send it as If-Match to change it.') } : {}),
    ...(write ? { "Idempotent-Replayed": header("`true` when this is the first answer to this Idempotency-Key again (nothing was written this time).") } : {}),
  };
  const success = (status: 200 | 201) => ({
    description: status === 201 ? "Created" : "OK",
    ...(Object.keys(headers).length || status === 201
      ? { headers: { ...headers, ...(status === 201 ? { Location: header("The address of what was created.", { type: "string", format: "uri" }) } : {}) } }
      : {}),
    content: { "application/json": { schema: ref("schemas", name) } },
  });
  const successes =
    operation.success === "200-or-201" ? { 200: success(200), 201: success(201) } : operation.success === 201 ? { 201: success(201) } : { 200: success(200) };
  const pathParameter = (parameter: string, description: string) => ({ name: parameter, in: "path", required: true, description, schema: { type: "string", format: "uuid" } });
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: `${operation.description}\n\nScope: ${scopes.map((scope) => `\`${scope}\``).join(" or ")}.`,
    tags: [operation.path === "/events" ? "Events" : write ? "Writes" : "Participants"],
    security: scopes.map((scope) => ({ bearer: [scope] })),
    parameters: [
      ...(operation.participant ? [pathParameter("participantId", "The participant's id (Participant.id).")] : []),
      ...Object.entries(operation.pathParameters ?? {}).map(([parameter, description]) => pathParameter(parameter, description)),
      ...queryParameters(operation.query),
      ...(write
        ? [
            {
              name: "Idempotency-Key",
              in: "header",
              required: true,
              description: "A new random value (e.g. a UUID) for each new request, the same when you retry it. Kept 24 hours per client: the same key and request answers the first response again; the same key with another request is 422.",
              schema: { type: "string", minLength: 1, maxLength: 255 },
            },
          ]
        : []),
      ...(operation.ifMatch
        ? [
            {
              name: "If-Match",
              in: "header",
              required: operation.ifMatch === "required",
              description:
                operation.ifMatch === "required"
                  ? 'The ETag you read, e.g. "3". Without it: 428; another version: 412.'
                  : 'To change an existing plan: the ETag you read, e.g. "3" (without it: 428; another version: 412). Leave it out to create the plan.',
              schema: { type: "string" },
            },
          ]
        : []),
    ],
    ...(bodyName ? { requestBody: { required: true, content: { "application/json": { schema: ref("schemas", bodyName) } } } } : {}),
    responses: {
      ...successes,
      ...Object.fromEntries(errors.map((error) => [String(ERROR_RESPONSES[error]!.status), ref("responses", error)])),
    },
  };
}

/** The document, with problem type addresses and the server on `origin` (PUBLIC_ORIGIN, else the request's). */
export function openApiDocument(origin: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) paths[operation.path] = { ...paths[operation.path], [operation.method ?? "get"]: operationObject(operation) };
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
      summary: "For the municipality's case system: what participants shared in Min Vej and what they did, and the plans, meetings and messages the municipality writes.",
      description: [
        "Min Vej is the self-service portal of people in Danish employment and rehabilitation programmes. This API is how a municipality's case system reads what a participant chose to share, exactly as the caseworker views define it: never a CPR number, never an unshared draft.",
        "**Authentication.** OAuth 2.0 client credentials: send the access token (a JWT from your municipality's identity provider) as `Authorization: Bearer <token>`. Min Vej checks its signature against the configured keys, its issuer, audience and expiry. Your client's municipality and scopes are configured in Min Vej (API_CLIENTS_FILE); a token's own `scope` can only narrow them. Cookies are never read.",
        "**Your municipality only.** A client reaches only its own municipality's participants. Another municipality's participant and one that does not exist both answer 404.",
        `**The participant sees each read.** ${LOGGED} The line says what was read (e.g. the CV), never who at the municipality asked.`,
        "**Errors** are RFC 9457 problem details (`application/problem+json`) with `correlationId`, the request's id (also in `X-Request-Id`).",
        "**Pages.** Lists are paged with opaque cursors: pass `nextCursor` back as it is.",
        "**Writes.** Every POST and PUT needs an `Idempotency-Key` (kept 24 hours per client): a retry with the same key and request gets the first answer again and writes nothing; the same key with another request is 422. A change to a plan or meeting that exists needs `If-Match` with the ETag you read: without it 428, with an older one 412. Bodies are strict: an unknown field is 422, and the participant's own fields (her own goal, her marks and comments, her questions and notes) can never be written. Each write is an event (`actorRole` `case_system`, `details.client` your client).",
        "**Webhooks.** A client configured with a webhook receives every event of its municipality as a signed POST (Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature` = `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` with your secret), at least once, retried with backoff; use `webhook-id` to drop a repeat. The body is the Event of the events feed.",
        "**Limits.** A rate limit per client (429 with `Retry-After`); request bodies at most 64 KB.",
      ].join("\n\n"),
    },
    servers: [{ url: `${origin}/api/v1` }],
    security: [{ bearer: [] }],
    tags: [
      { name: "Participants", description: "What the participants of your municipality shared, and what your municipality wrote." },
      { name: "Writes", description: "Registering a participant, the plan, meetings, messages. Each takes an Idempotency-Key; a change to something that exists takes If-Match." },
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
