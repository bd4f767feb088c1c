import { bigserial, index, jsonb, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { portal } from "./portal";
import { participants, persons } from "./people";

/** Server-side sign-in sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const authSessions = portal.table(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** Minutes without a request before the session ends: 30, or 15 for a caseworker. */
    idleMinutes: smallint("idle_minutes").notNull().default(30),
    /** When the person last proved who they are at the provider (a fresh MitID confirms a grant). */
    authenticatedAt: timestamp("authenticated_at", { withTimezone: true }).notNull().defaultNow(),
    /** NSIS assurance level the provider vouched for ("substantial", "high"); null for demo. */
    assuranceLevel: text("assurance_level"),
    /**
     * What the identity provider needs to end its own session at sign-out: SAML NameID and
     * SessionIndex, or the OpenID id_token. Never shown, never logged.
     */
    providerSession: jsonb("provider_session").$type<Record<string, string>>(),
  },
  (t) => [index("auth_sessions_person").on(t.personId)],
);

/**
 * Append-only record of who did or saw what. Written in the same transaction as the change.
 * `details` never holds free text the participant wrote, nor a CPR number.
 */
export const auditEvents = portal.table(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorPersonId: uuid("actor_person_id").references(() => persons.id, { onDelete: "set null" }),
    /** The participant whose data this concerns, if any. */
    participantId: uuid("participant_id").references(() => participants.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    details: jsonb("details").notNull().default({}),
    requestId: text("request_id"),
  },
  (t) => [index("audit_events_participant_time").on(t.participantId, t.occurredAt), index("audit_events_actor").on(t.actorPersonId)],
);

/**
 * A sign-in this portal started and has not yet seen come back: the SAML AuthnRequest id or the
 * OpenID `state`. The answer must name one of these (InResponseTo / state), once: the row is
 * deleted when it is used. Holds no personal data; expired rows are deleted by the job worker.
 */
export const signInRequests = portal.table(
  "sign_in_requests",
  {
    id: text("id").primaryKey(),
    provider: text("provider").notNull(),
    /** "sign_in", or "confirm" (a fresh MitID for an existing session: granting a relative access). */
    purpose: text("purpose").notNull(),
    /** A path on this site to go to afterwards; checked when written and when read. */
    returnTo: text("return_to"),
    /** OpenID only: the PKCE verifier and nonce. */
    codeVerifier: text("code_verifier"),
    nonce: text("nonce"),
    /**
     * SHA-256 of a random value in a cookie of the browser that started the sign-in: the answer
     * counts only in that browser (no one can sign someone else's browser in as themselves).
     */
    browserBinding: text("browser_binding"),
    /** MitID from an invitation link: the hash of its token, for creating the invited relative. */
    invitationTokenHash: text("invitation_token_hash"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sign_in_requests_expires_at").on(t.expiresAt)],
);

/**
 * Assertion ids that have signed someone in, kept until the assertion itself would have expired:
 * the same assertion sent twice (a replay) is refused. Holds no personal data.
 */
export const usedAssertions = portal.table(
  "used_assertions",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("used_assertions_expires_at").on(t.expiresAt)],
);
