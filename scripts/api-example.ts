/**
 * An example client of the Min Vej API for case systems (/api/v1, issue 20): what a municipality's
 * case system does, in a hundred lines. It gets an access token, writes a participant's plan and
 * books a meeting (each with an Idempotency-Key, the plan with If-Match on the version it read),
 * then follows the events feed and prints what happens.
 *
 *   npx tsx scripts/api-example.ts --base http://127.0.0.1:3000 --key key.json [--participant <id>] [--follow 10]
 *
 * `--key` is a JSON file for the demo and the tests: { "issuer", "audience", "clientId", "kid",
 * "privateJwk" } — the client mints its own client-credentials token (RFC 9068) with that key, as
 * the municipality's identity provider would. In production you ask the identity provider for the
 * token instead (POST its token endpoint with grant_type=client_credentials); the rest is the same.
 * Never commit a private key. Prints one line per step and per event; exits 0 when all went well.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { importJWK, SignJWT, type JWK } from "jose";

const { values } = parseArgs({
  options: {
    base: { type: "string" },
    key: { type: "string" },
    participant: { type: "string" },
    follow: { type: "string", default: "10" },
    until: { type: "string", default: "" },
  },
});
if (!values.base || !values.key) {
  console.error("usage: api-example --base <portal address> --key <key file> [--participant <id>] [--follow <seconds>] [--until <event kind>]");
  process.exit(2);
}
const api = `${values.base.replace(/\/$/, "")}/api/v1`;
const key = JSON.parse(readFileSync(values.key, "utf8")) as { issuer: string; audience: string; clientId: string; kid: string; privateJwk: JWK; alg?: string };

async function accessToken(): Promise<string> {
  const alg = key.alg ?? "RS256";
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ client_id: key.clientId })
    .setProtectedHeader({ alg, kid: key.kid, typ: "at+jwt" })
    .setIssuer(key.issuer)
    .setAudience(key.audience)
    .setSubject(key.clientId)
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .sign(await importJWK(key.privateJwk, alg));
}

const token = await accessToken();

async function call(method: string, path: string, options: { body?: unknown; ifMatch?: string | null } = {}) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: "application/json" };
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    headers["Idempotency-Key"] = randomUUID();
  }
  if (options.ifMatch) headers["If-Match"] = options.ifMatch;
  const response = await fetch(`${api}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  return { status: response.status, etag: response.headers.get("etag"), body };
}

function fail(step: string, answer: { status: number; body: unknown }): never {
  console.error(`${step}: ${answer.status} ${JSON.stringify(answer.body)}`);
  process.exit(1);
}

// 1. Whose plan: the one given, or the first participant of our municipality.
let participantId = values.participant;
if (!participantId) {
  const list = await call("GET", "/participants?limit=1");
  if (list.status !== 200) fail("list participants", list);
  participantId = (list.body!.items as { id: string }[])[0]?.id;
  if (!participantId) fail("list participants", { status: 200, body: "no participants" });
}
console.log(`participant ${participantId}`);

// 2. The plan: read it (its ETag is its version), then write it on top of that version.
const current = await call("GET", `/participants/${participantId}/plan`);
if (current.status !== 200 && current.status !== 404) fail("read the plan", current);
const plan = await call("PUT", `/participants/${participantId}/plan`, {
  ifMatch: current.status === 200 ? current.etag : null,
  body: {
    employmentGoal: "Et job i en butik, 15 timer om ugen",
    nextStep: "Vi aftaler en praktik ved næste samtale.",
    subGoals: [{ title: "Prøve en praktik i en butik", status: "in_progress", dueOn: "2027-03-01" }],
    activities: [{ kind: "virksomhedspraktik", title: "Praktik i Netto", purpose: "At prøve butiksarbejde igen i dit eget tempo.", hoursPerWeek: 10, status: "being_arranged" }],
    agreements: [{ text: "Du fortæller, hvilke dage der passer dig bedst.", ownerText: "Du" }],
    updatedByName: "Sagssystemet (eksempel)",
    changeSummary: "Ny praktik og nyt delmål.",
  },
});
if (plan.status !== 200 && plan.status !== 201) fail("write the plan", plan);
console.log(`plan version ${String(plan.body!.version)} (${plan.status === 201 ? "created" : "updated"}), ETag ${plan.etag}`);

// 3. A meeting next week.
const startsAt = new Date(Date.now() + 7 * 86_400_000);
startsAt.setUTCHours(9, 0, 0, 0);
const meeting = await call("POST", `/participants/${participantId}/appointments`, {
  body: {
    kind: "samtale",
    title: "Samtale om din praktik",
    purpose: "Vi taler om, hvordan praktikken skal begynde.",
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    placeName: "Borgerservice",
    bringItems: ["Din kalender"],
    supportPersonAllowed: true,
    attendees: [{ name: "Din sagsbehandler", roleText: "Din koordinerende sagsbehandler" }],
  },
});
if (meeting.status !== 201) fail("book the meeting", meeting);
console.log(`meeting ${String(meeting.body!.appointmentId)} booked, ETag ${meeting.etag}`);

// 4. Follow the events: from the start of the feed, then keep the cursor and poll.
const deadline = Date.now() + Number(values.follow) * 1000;
let cursor: string | null = null;
let seenUntil = values.until === "";
while (Date.now() < deadline) {
  const page = await call("GET", `/events?limit=200${cursor ? `&after=${cursor}` : ""}`);
  if (page.status !== 200) fail("read the events", page);
  for (const event of page.body!.events as { id: number; kind: string; participantId: string; actorRole: string }[]) {
    console.log(`event ${event.id} ${event.kind} by ${event.actorRole} for ${event.participantId}`);
    if (event.kind === values.until && event.participantId === participantId) seenUntil = true;
  }
  cursor = page.body!.nextCursor as string;
  if (page.body!.hasMore) continue;
  if (seenUntil && values.until) break;
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
if (!seenUntil) fail("follow the events", { status: 0, body: `no ${values.until} within ${values.follow} s` });
console.log("done");
