import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverUrl } from "../support/db";
import { signInLive, startLiveServer, type LiveServer } from "../support/live-server";

/**
 * Malformed bodies against every form the portal shows, over real HTTP, on the production build:
 * huge indexes, repeated fields, wrong content types, NUL bytes, huge numbers, missing and
 * duplicated fields, broken encoding and ids that are not ids. Every answer must be a 2xx, 3xx
 * or 4xx, never a 500, and the process must live through all of it. The forms are found by
 * crawling the pages each demo person sees, so a new form is fuzzed without touching this file.
 */

interface FoundForm {
  person: string;
  page: string;
  action: string;
  fields: [string, string][];
}

const PEOPLE = ["mette", "ali", "jonas", "sara"];
const SOME_ID = "3f2b8c1e-0000-4000-8000-00000000abcd";
const UNSEEN_ACTIONS = [
  `/paaroerende/${SOME_ID}/tilbagekald`,
  `/paaroerende/${SOME_ID}/ret`,
  `/paaroerende/${SOME_ID}/send-igen`,
  `/paaroerende/${SOME_ID}/bekraeft`,
  "/paaroerende/inviter/tjek",
  "/invitation/not-a-real-token",
  `/hjaelper/${SOME_ID}/stop`,
  `/hjaelper/${SOME_ID}/forberedelse/arbejde`,
  `/forberedelse/bemaerkning/${SOME_ID}`,
  "/forberedelse/tjek-og-del/traek-tilbage/arbejde",
  `/cv/erfaring/${SOME_ID}/slet`,
  "/session/forny",
];
const PAGES_PER_PERSON = 150;
const TIMEOUT_MS = 15_000;

let server: LiveServer;
const forms: FoundForm[] = [];
const results: { label: string; status: number }[] = [];

beforeAll(async () => {
  server = await startLiveServer();
  // So that the relative's own forms (remarks, "stop") and the grant's forms exist to be found.
  await giveJonasAccessToMette();
  for (const person of PEOPLE) forms.push(...(await crawl(person)));
  // Actions that need state the demo data may not have (a grant, a remark, an invitation): posted
  // with an unknown id, a malformed one and a made-up part, so their guards are fuzzed too.
  for (const person of ["mette", "jonas"]) {
    for (const action of UNSEEN_ACTIONS) forms.push({ person, page: action, action, fields: [["intent", "x"], ["confirm", "yes"], ["answer", "accept"]] });
  }
  console.log(`fuzz: forms found: ${forms.map((form) => `${form.person} ${pattern(form.action)}`).join(", ")}`);
}, 240_000);

afterAll(async () => {
  await server?.stop();
});

describe(`malformed form posts (${serverUrl ? "Postgres as portal_app" : "embedded database"})`, () => {
  it("finds the forms of every signed-in area", () => {
    const actions = new Set(forms.map((form) => pattern(form.action)));
    for (const expected of ["/log-ud", "/sprog", "/min-plan/eget-maal", "/moeder/:id", "/cv/kontakt", "/netvaerk/ny", "/paaroerende/inviter", "/forberedelse/:part"]) {
      expect([...actions], `no form posts to ${expected}`).toContain(expected);
    }
  });

  it("answers at least 1,000 malformed bodies with no 500 and stays alive", async () => {
    const cookies = new Map<string, string>();
    for (const form of forms) {
      // A fresh session per form: one of the posts may sign the person out or change what they see.
      cookies.set(form.person, await signInLive(server, form.person));
      for (const [label, request] of malformed(form)) {
        const status = await send(request, cookies.get(form.person)!);
        results.push({ label: `${form.person} ${pattern(form.action)} ${label}`, status });
      }
    }
    // The same against the sign-in form, signed out.
    for (const [label, request] of malformed({ person: "-", page: "/log-ind", action: "/log-ind", fields: [["person", "mette"]] })) {
      results.push({ label: `signed out /log-ind ${label}`, status: await send(request, "") });
    }

    const failures = results.filter((result) => result.status >= 500 || result.status === 0);
    console.log(`fuzz: ${results.length} malformed posts to ${forms.length} forms, ${failures.length} answered 5xx or not at all`);
    expect(failures, failures.map((f) => `${f.status} ${f.label}`).slice(0, 20).join("\n")).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(1000);
    expect(server.process.exitCode).toBeNull();
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
    expect(server.output()).not.toMatch(/JavaScript heap out of memory|FATAL ERROR/);
  }, 900_000);

  it("refuses oversized, over-long and foreign bodies before parsing, with the right code", () => {
    const byLabel = (label: string) => results.filter((result) => result.label.endsWith(` ${label}`)).map((r) => r.status);
    expect(new Set(byLabel("40000 repeated fields"))).toEqual(new Set([413]));
    expect(new Set(byLabel("300 repeated fields"))).toEqual(new Set([400]));
    expect(new Set(byLabel("huge index"))).toEqual(new Set([400]));
    expect(new Set(byLabel("deep nesting"))).toEqual(new Set([400]));
    expect(new Set(byLabel("deep dotted name"))).toEqual(new Set([400]));
    expect(new Set(byLabel("json"))).toEqual(new Set([415]));
    expect(new Set(byLabel("multipart"))).toEqual(new Set([415]));
    expect(new Set(byLabel("nul bytes"))).toEqual(new Set([400]));
  });
});

describe("signing out", () => {
  it("ends the session even when the post has no body at all", async () => {
    const cookie = await signInLive(server, "ali");
    expect((await fetch(`${server.origin}/min-plan`, { headers: { Cookie: cookie }, redirect: "manual" })).status).toBe(200);
    const response = await fetch(`${server.origin}/log-ud`, { method: "POST", headers: { Cookie: cookie, Origin: server.origin }, redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/log-ind?logget-ud=1");
    const after = await fetch(`${server.origin}/min-plan`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/log-ind/);
  });
});

/** The real invitation handshake over HTTP: invite, confirm, accept from the mail, the participant confirms. */
async function giveJonasAccessToMette() {
  const jar = { mette: await signInLive(server, "mette"), jonas: await signInLive(server, "jonas") };
  const step = async (who: keyof typeof jar, path: string, fields: [string, string][] | null) => {
    const response = await fetch(server.origin + path, {
      method: fields ? "POST" : "GET",
      redirect: "manual",
      headers: { Cookie: jar[who], Origin: server.origin, ...(fields ? { "Content-Type": FORM } : {}) },
      body: fields ? new URLSearchParams(fields) : null,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";", 1) as [string];
      const name = pair.split("=", 1)[0]!;
      jar[who] = [...jar[who].split("; ").filter((c) => !c.startsWith(`${name}=`)), pair].join("; ");
    }
    return { status: response.status, location: response.headers.get("location"), html: await response.text() };
  };
  const until = new Date(Date.now() + 60 * 86_400_000);
  const invited = await step("mette", "/paaroerende/inviter", [
    ["name", "Jonas Hansen"],
    ["email", "jonas.hansen@example.com"],
    ["relation", "Bror"],
    ...["plan", "appointments", "preparation", "cv", "network"].map((scope): [string, string] => ["scopes", scope]),
    ["mayComment", "yes"],
    ["validUntil.day", String(until.getUTCDate())],
    ["validUntil.month", String(until.getUTCMonth() + 1)],
    ["validUntil.year", String(until.getUTCFullYear())],
  ]);
  expect(invited.location, `invite: ${invited.status}`).toMatch(/\/paaroerende\/inviter\/tjek/);
  const checked = await step("mette", "/paaroerende/inviter/tjek", [["confirm", "yes"]]);
  expect(checked.status, "check and send").toBe(302);
  // The mail goes out from the outbox just after the commit: look until it is there (at most 15 s).
  let token: string | undefined;
  for (let tries = 0; !token && tries < 30; tries++) {
    if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    const mailbox = await step("jonas", "/dev/postkasse", null);
    token = /\/invitation\/([A-Za-z0-9_-]{20,})/.exec(mailbox.html)?.[1];
  }
  expect(token, "the invitation reaches Jonas' mailbox").toBeTruthy();
  const accepted = await step("jonas", `/invitation/${token}`, [["answer", "accept"]]);
  expect(accepted.status, "Jonas accepts").toBe(302);
  const list = await step("mette", "/paaroerende", null);
  const grant = new RegExp(`/paaroerende/(${UUID.source})/bekraeft`).exec(list.html)?.[1];
  expect(grant, "Mette is asked to confirm Jonas").toBeTruthy();
  const confirmed = await step("mette", `/paaroerende/${grant}/bekraeft`, [["answer", "confirm"]]);
  expect(confirmed.location).toMatch(/besked=bekraeftet/);
}

async function send(request: { path: string; body: BodyInit | null; type: string | null }, cookie: string): Promise<number> {
  const headers: Record<string, string> = { Origin: server.origin };
  if (cookie) headers.Cookie = cookie;
  if (request.type) headers["Content-Type"] = request.type;
  try {
    const response = await fetch(server.origin + request.path, {
      method: "POST",
      redirect: "manual",
      headers,
      body: request.body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

const FORM = "application/x-www-form-urlencoded";
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function encode(fields: [string, string][]): string {
  return fields.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join("&");
}

/** About 25 malformed variants of one form post. */
function malformed(form: FoundForm): [string, { path: string; body: BodyInit | null; type: string | null }][] {
  const { action, fields } = form;
  const names = fields.map(([name]) => name);
  const form_ = (body: string, path = action) => ({ path, body, type: FORM });
  const valid = encode(fields);
  const variants: [string, { path: string; body: BodyInit | null; type: string | null }][] = [
    ["huge index", form_(`${valid}&a%5B100000000%5D=x`)],
    ["huge index on a real field", form_(`${encode(fields.filter(([n]) => n !== names[0]))}&${encodeURIComponent(`${names[0] ?? "x"}[100000000]`)}=x`)],
    ["huge nested index", form_(`${valid}&tasks%5B99999%5D.title=x`)],
    ["deep nesting", form_(`${valid}&${Array.from({ length: 150 }, (_, i) => `${encodeURIComponent(`${names[0] ?? "x"}[${i}]${"[9]".repeat(50)}`)}=x`).join("&")}`)],
    ["deep dotted name", form_(`${valid}&${encodeURIComponent(`${names[0] ?? "x"}${".a".repeat(3000)}`)}=x`)],
    ["40000 repeated fields", form_("t=x&".repeat(40_000))],
    ["300 repeated fields", form_(`${valid}&${"version=1&".repeat(300)}`)],
    ["json", { path: action, body: JSON.stringify(Object.fromEntries(fields)), type: "application/json" }],
    ["text/plain", { path: action, body: valid, type: "text/plain" }],
    ["multipart", { path: action, body: `--b\r\nContent-Disposition: form-data; name="x"\r\n\r\ny\r\n--b--\r\n`, type: "multipart/form-data; boundary=b" }],
    ["no content type", { path: action, body: valid, type: null }],
    ["empty body", { path: action, body: null, type: null }],
    ["empty form", form_("")],
    ["nul bytes", form_(encode([...fields.map(([name, value]): [string, string] => [name, `${value}\0x`]), ["note", "\0"]]))],
    ["huge numbers", form_(encode(fields.map(([name, value]) => [name, /^\d+$/.test(value) || /version|index/i.test(name) ? "99999999999999999999" : value])))],
    ["number above 2^31", form_(encode(fields.map(([name, value]) => [name, /^\d+$/.test(value) ? "2147483648" : value])))],
    ["negative and not numbers", form_(encode(fields.map(([name, value]) => [name, /^\d+$/.test(value) ? "-1" : value])) + "&version=NaN")],
    ["missing fields", form_(encode(fields.slice(0, 1)))],
    ["duplicated fields", form_(`${valid}&${valid}`)],
    ["long values", form_(encode(fields.map(([name]) => [name, "æ".repeat(4000)])))],
    ["broken encoding", form_(`${valid}&%E0%A4%A=1&x=%ZZ`)],
    ["stray fields", form_(`${valid}&__proto__%5Bpolluted%5D=1&constructor.prototype.x=1&intent=%3Cscript%3E`)],
    ["returnTo with tab", form_(`${valid}&returnTo=${encodeURIComponent("/\t/evil.example")}`)],
    ["returnTo with CRLF", form_(`${valid}&returnTo=${encodeURIComponent("/\r\nSet-Cookie: x=1")}`)],
    ["every intent", form_(`${valid}&intent=delete&intent=share&intent=withdraw`)],
  ];
  if (UUID.test(action)) {
    variants.push(["id that is not a uuid", form_(valid, action.replace(UUID, "not-a-uuid"))]);
    variants.push(["unknown uuid", form_(valid, action.replace(UUID, "00000000-0000-4000-8000-000000000000"))]);
    variants.push(["id with a NUL", form_(valid, action.replace(UUID, "%00"))]);
  }
  return variants;
}

/** "/moeder/2b0c…/kan-ikke-komme" -> "/moeder/:id/kan-ikke-komme". */
function pattern(action: string): string {
  const path = action.split("?", 1)[0]!;
  if (/^\/forberedelse\/(?!tjek-og-del|bemaerkning|om-moedet)[^/]+$/.test(path)) return "/forberedelse/:part";
  return path.replace(new RegExp(UUID, "gi"), ":id");
}

const decode = (value: string) =>
  value.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

/** Visits the pages a person can reach (GET only) and returns every POST form on them. */
async function crawl(person: string): Promise<FoundForm[]> {
  const cookie = await signInLive(server, person);
  const queue = ["/"];
  const seen = new Set(queue);
  const found = new Map<string, FoundForm>();
  let visited = 0;
  while (queue.length > 0 && visited++ < PAGES_PER_PERSON) {
    const page = queue.shift()!;
    const response = await fetch(server.origin + page, { headers: { Cookie: cookie }, redirect: "manual" });
    if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) {
      await response.arrayBuffer();
      continue;
    }
    const html = await response.text();
    for (const match of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const href = decode(match[1]!);
      if (seen.has(href) || /\.(pdf|ics|json|css|js|png|svg|ico|woff2?)(\?|$)|^\/(log-ud|i18n|assets|dev\/|om\b|ordliste|privatliv|tilgaengelighed|hjaelp$)/.test(href)) continue;
      seen.add(href);
      queue.push(href);
    }
    for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
      const attributes = match[1]!;
      if (!/method="post"/i.test(attributes)) continue;
      const action = decode(/action="([^"]*)"/.exec(attributes)?.[1] ?? page);
      const key = `${pattern(action)}`;
      if (found.has(key)) continue;
      found.set(key, { person, page, action, fields: fieldsOf(match[2]!) });
    }
  }
  return [...found.values()];
}

function fieldsOf(html: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const match of html.matchAll(/<(input|textarea|select|button)\b([^>]*)>/g)) {
    const attributes = match[2]!;
    const name = /name="([^"]+)"/.exec(attributes)?.[1];
    if (!name) continue;
    const type = /type="([^"]+)"/.exec(attributes)?.[1];
    if ((type === "checkbox" || type === "radio") && !/\bchecked\b/.test(attributes) && fields.some(([n]) => n === name)) continue;
    fields.push([decode(name), decode(/value="([^"]*)"/.exec(attributes)?.[1] ?? "")]);
  }
  return fields;
}
