import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverUrl } from "../support/db";
import { freePort, signInLive, startLiveServer, type LiveServer } from "../support/live-server";

// What an operator sees of a participant's whole visit, on the production build as a real process:
// every line on stdout and stderr is a JSON object with a level, request lines carry the request id,
// route pattern, status and duration, and nothing a person is or typed is in any of it. The
// invitation mail is refused by the SMTP server with a message that quotes the address, so the
// error path is in the log too. Then the metrics port, scraped after the visit.

/** The demo people and staff (db/seed-data.ts): none of this may reach the log. */
const DEMO_CPR = ["1203859991", "0507829992", "2011879993", "1506799994"];
const DEMO_NAMES = ["Mette", "Hansen", "Ali", "Hassan", "Jonas", "Sara", "Nielsen", "Lars Mikkelsen", "Maria Andersen", "Peter Holm"];
const DEMO_EMAILS = [
  "mette.hansen@example.org",
  "ali.hassan@example.net",
  "jonas.hansen@example.com",
  "sara.nielsen@solbjerg.example.org",
  "lars.mikkelsen@solbjerg.example.org",
];
/** What the participant types in the visit. */
const TYPED = {
  question: "Kan jeg få hjælp til min søvn før mødet med Zebrafinke-teamet?",
  cvTitle: "Lagermedarbejder ved Kvistgaard Tømmer",
  cvDetails: "Jeg pakkede ordrer og kørte truck, indtil ryggen sagde stop i Pindsvinegården.",
  personName: "Gudrun Bakkegaard",
  personRelation: "Moster Gudrun",
  personNote: "Hun ringer hver søndag og minder mig om min medicin mod angst.",
  contactFrequency: "Hver søndag aften",
  invitedName: "Birthe Vandløber",
  invitedEmail: "birthe.vandloeber@example.dk",
  invitedRelation: "Min søster Birthe",
  rejectedNote: "Et notat med Kastanjealle 7 og telefon 11223344 i.",
  query: "Hemmelig søgning efter Rævehøj",
};
const FORM = "application/x-www-form-urlencoded";

let server: LiveServer;
let smtp: SMTPServer;
let metricsPort: number;
const requestIds: string[] = [];

beforeAll(async () => {
  // An SMTP server that refuses every recipient, quoting the address back (as real ones do).
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected (${TYPED.invitedName})`), { responseCode: 550 }));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  metricsPort = await freePort();
  server = await startLiveServer({
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    METRICS_PORT: String(metricsPort),
    LOG_LEVEL: "info",
  });
  await visit();
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

/** Mette's visit: the main pages, three forms with free text, an invitation, a refused form, signing out. */
async function visit() {
  let cookie = await signInLive(server, "mette");
  const go = async (path: string, fields?: [string, string][], extraHeaders: Record<string, string> = {}) => {
    const response = await fetch(server.origin + path, {
      method: fields ? "POST" : "GET",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: server.origin, ...(fields ? { "Content-Type": FORM } : {}), ...extraHeaders },
      body: fields ? new URLSearchParams(fields) : null,
    });
    requestIds.push(response.headers.get("x-request-id") ?? "");
    for (const set of response.headers.getSetCookie()) {
      const pair = set.split(";", 1)[0]!;
      const name = pair.split("=", 1)[0]!;
      cookie = [...cookie.split("; ").filter((c) => c && !c.startsWith(`${name}=`)), pair].join("; ");
    }
    return { status: response.status, location: response.headers.get("location"), html: await response.text() };
  };
  const hidden = (html: string, action: string) => {
    const form = new RegExp(`<form[^>]*action="${action}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1] ?? "";
    return [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m): [string, string] => [m[1]!, m[2]!]);
  };

  for (const page of ["/", "/min-plan", "/moeder", "/forberedelse", "/cv", "/netvaerk", "/paaroerende", "/hjaelp", "/min-plan.data"]) {
    expect((await go(page)).status, page).toBe(200);
  }
  // A route's data asked as data lists every field: only a rendered page's data is kept out of
  // React Router's encoding (server/request-handler.js).
  const helpData = (await go("/hjaelp.data")).html;
  for (const field of ["signedIn", "isParticipant", "caseworker", "related"]) expect(helpData, field).toContain(`"${field}"`);
  // Route discovery (/__manifest) and a busy database answer without the root's middleware having
  // run: naming the route for the log must not turn them into 500s.
  expect((await go("/__manifest?paths=%2Fmin-plan%2C%2Fcv&version=0")).status).toBeLessThan(500);
  const meeting = /href="(\/moeder\/[0-9a-f-]{36})"/.exec((await go("/moeder")).html)?.[1];
  expect(meeting, "a meeting to open").toBeTruthy();
  expect((await go(meeting!)).status).toBe(200);
  expect((await go(`/min-plan?besked=${encodeURIComponent(TYPED.query)}`)).status).toBe(200);
  // A path that holds a CPR number: the log names the route, never the path.
  expect((await go(`/borger/${DEMO_CPR[0]}`, undefined, { Authorization: "Bearer secret-token-123456" })).status).toBe(404);

  const question = await go("/min-plan/spoergsmaal");
  const asked = await go("/min-plan/spoergsmaal", [...hidden(question.html, "/min-plan/spoergsmaal"), ["comment", TYPED.question]]);
  expect(asked.status, "plan question").toBe(302);

  const cvForm = await go("/cv/erfaring/ny");
  const cvSaved = await go("/cv/erfaring/ny", [
    ...hidden(cvForm.html, "/cv/erfaring/ny"),
    ["title", TYPED.cvTitle],
    ["organisation", "Kvistgaard Tømmer"],
    ["from", "2015"],
    ["to", "2021"],
    ["details", TYPED.cvDetails],
  ]);
  expect(cvSaved.status, "CV entry").toBe(302);

  const personSaved = await go("/netvaerk/ny", [
    ["version", "0"],
    ["name", TYPED.personName],
    ["relation", TYPED.personRelation],
    ["sector", "family"],
    ["closeness", "close"],
    ["helpKinds", "emotional"],
    ["stance", "helps"],
    ["contactFrequency", TYPED.contactFrequency],
    ["note", TYPED.personNote],
  ]);
  expect(personSaved.status, "network person").toBe(302);
  // Refused: no name. The typed note comes back in the page, never in the log.
  expect((await go("/netvaerk/ny", [["version", "0"], ["note", TYPED.rejectedNote]])).status).toBe(400);

  const until = new Date(Date.now() + 60 * 86_400_000);
  const invited = await go("/paaroerende/inviter", [
    ["name", TYPED.invitedName],
    ["email", TYPED.invitedEmail],
    ["relation", TYPED.invitedRelation],
    ["scopes", "plan"],
    ["scopes", "appointments"],
    ["scopes", "preparation"],
    ["mayComment", "yes"],
    ["validUntil.day", String(until.getUTCDate())],
    ["validUntil.month", String(until.getUTCMonth() + 1)],
    ["validUntil.year", String(until.getUTCFullYear())],
  ]);
  expect(invited.location, `invite: ${invited.status}`).toMatch(/\/paaroerende\/inviter\/tjek/);
  expect((await go("/paaroerende/inviter/tjek", [["confirm", "yes"]])).status).toBe(302);
  // The worker tries the mail just after the commit; the SMTP server refuses it.
  for (let tries = 0; tries < 60 && !server.output().includes('"event":"mail_send_failed"'); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect((await go("/log-ud", [])).status).toBe(302);
  // A request's line is written when its answer is done, a moment after the client has it.
  for (let tries = 0; tries < 40 && !requestIds.every((id) => server.output().includes(id)); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The server's output as parsed lines (the last line may still be incomplete). */
function lines() {
  return server
    .output()
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      try {
        return { line, json: JSON.parse(line) as Record<string, unknown> };
      } catch {
        return { line, json: null };
      }
    });
}

describe(`the log of a participant's visit (${serverUrl ? "Postgres as portal_app" : "embedded database"})`, () => {
  it("is JSON lines with a level, and every request line has its request id, method, route pattern, status and duration", () => {
    const all = lines();
    expect(all.filter((entry) => entry.json === null).map((entry) => entry.line)).toEqual([]);
    for (const { json, line } of all) expect(typeof json!.level, line).toBe("string");

    const requests = all.map((entry) => entry.json!).filter((json) => json.event === "request");
    // Every answer the visit got is in the log under the id the client saw.
    for (const id of requestIds) expect(requests.map((json) => json.requestId), `request ${id}`).toContain(id);
    for (const json of requests) {
      expect(json.requestId).toMatch(/^[\w-]{8,64}$/);
      expect(json.method).toMatch(/^(GET|POST|HEAD)$/);
      expect(typeof json.status).toBe("number");
      expect(typeof json.durationMs).toBe("number");
      expect(String(json.route)).toMatch(/^(\/|\(static\)|\(none\))/);
    }
    const routes = new Set(requests.map((json) => `${json.method} ${json.route} ${json.status}`));
    for (const expected of ["GET /min-plan 200", "GET /moeder/:id 200", "POST /min-plan/spoergsmaal 302", "POST /cv/:section/:entryId 302", "POST /netvaerk/ny 302", "POST /netvaerk/ny 400", "GET /* 404"]) {
      expect([...routes], expected).toContain(expected);
    }
    // Lines written while answering a request carry its id too (the refused mail is the worker's: none).
    for (const json of all.map((entry) => entry.json!).filter((json) => json.level === "error" && json.event !== "mail_send_failed")) {
      expect(json.requestId, JSON.stringify(json)).toBeTruthy();
    }
  });

  it("names routes by pattern, never by a path with ids or a query string", () => {
    const requests = lines()
      .map((entry) => entry.json!)
      .filter((json) => json.event === "request");
    for (const json of requests) {
      expect(String(json.route)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|\?|\d{6}/);
    }
    expect(server.output()).not.toMatch(/\/moeder\/[0-9a-f]{8}-|besked=|\/borger\//);
  });

  it("holds no CPR number, name, e-mail address, token or anything the participant typed, also where a mail failed", () => {
    const output = server.output();
    // The error path ran: the refused mail is logged, by its code.
    const failed = lines().find((entry) => entry.json?.event === "mail_send_failed")?.json;
    expect(failed, "the refused invitation mail is in the log").toBeTruthy();
    expect(JSON.stringify(failed)).toContain("550");

    for (const cpr of DEMO_CPR) expect(output).not.toContain(cpr);
    expect(output).not.toMatch(/\b\d{6}-?\d{4}\b/);
    for (const name of DEMO_NAMES) expect(output).not.toMatch(new RegExp(`\\b${name}\\b`));
    for (const email of [...DEMO_EMAILS, TYPED.invitedEmail]) expect(output).not.toContain(email);
    expect(output).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
    for (const [what, text] of Object.entries(TYPED)) {
      expect(output, what).not.toContain(text);
      // Not even a distinctive word of it.
      for (const word of text.split(/[^\p{L}\d]+/u).filter((w) => w.length >= 8)) expect(output, `${what}: ${word}`).not.toContain(word);
    }
    expect(output).not.toMatch(/secret-token|minvej_session|Bearer/i);
  });
});

describe("the metrics port", () => {
  const scrape = async () => {
    const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    return response.text();
  };
  /** The value of one series, or undefined. */
  const value = (text: string, series: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it("counts requests by method, route pattern and status, with latency buckets", async () => {
    const text = await scrape();
    const planCount = value(text, 'http_server_request_duration_seconds_count{method="GET",route="/min-plan",status="200"}');
    expect(planCount).toBeGreaterThanOrEqual(2); // /min-plan, /min-plan?besked=…, /min-plan.data
    expect(value(text, 'http_server_request_duration_seconds_count{method="POST",route="/netvaerk/ny",status="400"}')).toBe(1);
    expect(value(text, 'http_server_request_duration_seconds_count{method="GET",route="/moeder/:id",status="200"}')).toBe(1);
    const sum = value(text, 'http_server_request_duration_seconds_sum{method="GET",route="/min-plan",status="200"}')!;
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(60);
    expect(value(text, 'http_server_request_duration_seconds_bucket{le="+Inf",method="GET",route="/min-plan",status="200"}')).toBe(planCount);
    // No series is named by a raw path.
    expect(text).not.toMatch(/route="[^"]*([0-9a-f]{8}-[0-9a-f]{4}|\?|borger)/);
  });

  it("shows the mail queue, the request-transaction pool and the process", async () => {
    const text = await scrape();
    // The refused invitation waits for its retry.
    expect(value(text, "minvej_mail_outbox_pending")).toBe(1);
    expect(value(text, "minvej_mail_outbox_given_up")).toBe(0);
    // By channel and state (issue 18): the dead letter per channel is what an operator alerts on.
    expect(value(text, 'minvej_outbox_messages{channel="email",state="retrying"}')).toBe(1);
    expect(value(text, 'minvej_outbox_messages{channel="email",state="given_up"}')).toBe(0);
    expect(value(text, 'minvej_outbox_messages{channel="sms",state="given_up"}')).toBe(0);
    expect(value(text, "minvej_request_transactions_active")).toBe(0);
    expect(value(text, "minvej_request_transactions_queued")).toBe(0);
    expect(value(text, "minvej_request_transactions_max")).toBe(10);
    expect(value(text, "process_resident_memory_bytes")).toBeGreaterThan(10_000_000);
    expect(text).toContain("nodejs_eventloop_lag_seconds");
  });

  it("is not served on the public port, and answers nothing but /metrics", async () => {
    const publicAnswer = await fetch(`${server.origin}/metrics`);
    expect(publicAnswer.status).toBe(404);
    expect(await publicAnswer.text()).not.toContain("http_server_request_duration_seconds");
    expect((await fetch(`http://127.0.0.1:${metricsPort}/`)).status).toBe(404);
    expect(server.output()).toMatch(/"event":"metrics_listening","host":"127\.0\.0\.1"/);
  });
});
