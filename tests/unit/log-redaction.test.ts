import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, redactText } from "../../server/log.js";
import { describeError } from "../../server/safe-error.js";

// The logger's own nets (server/log.js), for a line someone writes carelessly later: fields named
// for secrets, people or typed text are censored, and the message loses addresses and numbers.
function logged(write: (log: ReturnType<typeof createLogger>) => void): Record<string, unknown> {
  let out = "";
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  write(createLogger(sink));
  return JSON.parse(out.trim()) as Record<string, unknown>;
}

describe("the logger's redaction", () => {
  it("censors CPR numbers, tokens, cookies, authorization headers, people and free text by field name", () => {
    const line = logged((log) =>
      log.warn({
        event: "careless",
        requestId: "req-12345678",
        cpr: "1203859991",
        token: "invitation-token-abc",
        email: "mette.hansen@example.org",
        person: { name: "Mette Hansen", phone: "+45 11 22 33 01", cpr: "1203859991" },
        req: { headers: { cookie: "__Host-minvej_session=abc", authorization: "Bearer xyz", "user-agent": "test" } },
        form: { comment: "Jeg har ondt i ryggen" },
        note: "Hun ringer hver søndag",
        route: "/moeder/:id",
        status: 500,
      }),
    );
    const text = JSON.stringify(line);
    for (const secret of ["1203859991", "invitation-token", "mette.hansen", "Mette", "11 22 33", "minvej_session", "Bearer", "ryggen", "søndag"]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(line).toMatchObject({ level: "warn", event: "careless", requestId: "req-12345678", route: "/moeder/:id", status: 500, cpr: "[redacted]" });
    expect((line.req as { headers: Record<string, string> }).headers["user-agent"]).toBe("test");
  });

  it("censors sensitive headers at the top, in req and res, and one object down, and leaves the caller's object as it was", () => {
    const fields = {
      headers: { Cookie: "a=1", accept: "text/html" },
      res: { headers: { "set-cookie": "__Host-minvej_session=abc", "x-csrf-token": "t0k3n", "content-type": "text/html" } },
      upstream: { status: 502, headers: { authorization: "Basic c2VjcmV0" } },
      error: Object.assign(new Error("Bad gateway"), { body: "Mette skrev noget" }),
    };
    const before = structuredClone({ ...fields, error: { body: fields.error.body } });
    const line = logged((log) => log.warn(fields));
    const text = JSON.stringify(line);
    for (const secret of ["a=1", "minvej_session", "t0k3n", "c2VjcmV0", "Mette"]) expect(text, secret).not.toContain(secret);
    expect(line).toMatchObject({
      headers: { Cookie: "[redacted]", accept: "text/html" },
      res: { headers: { "set-cookie": "[redacted]", "x-csrf-token": "[redacted]", "content-type": "text/html" } },
      upstream: { status: 502, headers: { authorization: "[redacted]" } },
      error: { body: "[redacted]" },
    });
    // Nothing was censored in place: the caller may still need its own values.
    expect(fields.headers.Cookie).toBe(before.headers.Cookie);
    expect(fields.res.headers["set-cookie"]).toBe(before.res.headers["set-cookie"]);
    expect(fields.error.body).toBe(before.error.body);
    expect(fields.error.message).toBe("Bad gateway");
  });

  it("censors a frozen object, one whose field is a getter, a child logger's bindings and a message's %j argument", () => {
    const frozen = Object.freeze({ token: "frozen-secret", route: "/x" });
    const withGetter = Object.defineProperty({ status: 1 }, "email", { get: () => "anna@example.dk", enumerable: true });
    const line = logged((log) => log.warn({ frozen, withGetter, request: new Request("https://example.dk/", { headers: { cookie: "a=1" } }) }));
    expect(line).toMatchObject({ frozen: { token: "[redacted]", route: "/x" }, withGetter: { status: 1, email: "[redacted]" } });
    expect(JSON.stringify(line)).not.toMatch(/frozen-secret|anna@example/);

    const child = logged((log) => log.child({ requestId: "req-1", email: "bo@example.dk" }).warn({ event: "x" }));
    expect(child).toMatchObject({ requestId: "req-1", email: "[redacted]", event: "x" });
    const grandchild = logged((log) => log.child({ requestId: "req-2" }).child({ cpr: "1203859991" }).warn("y"));
    expect(grandchild).toMatchObject({ requestId: "req-2", cpr: "[redacted]" });

    const formatted = logged((log) => log.warn("sent %j", { phone: "+45 11 22 33 01", kind: "sms" }));
    expect(formatted.msg).toContain('"phone":"[redacted]"');
    expect(formatted.msg).toContain('"kind":"sms"');
  });

  it("writes no fields rather than risk one when a field cannot be read", () => {
    const hostile = Object.defineProperty({}, "name", {
      get: () => {
        throw new Error("no");
      },
      enumerable: true,
    });
    expect(logged((log) => log.warn({ event: "x", person: hostile }))).toMatchObject({ censorFailed: true });
  });

  it("takes e-mail addresses, long numbers and quoted text out of the message", () => {
    const line = logged((log) => log.warn(`Sent to anna@example.dk about 120385-9991 and "Mette Hansen" on port 3000`));
    expect(line.msg).toBe("Sent to <e-mail> about <number> and <text> on port 3000");
  });

  it("keeps what an operator needs of an error: its type, code and where it happened", () => {
    const error = Object.assign(new TypeError("Cannot read properties of undefined (reading 'name')"), { code: "ERR_X" });
    const line = logged((log) => log.error({ event: "request_failed", error: describeError(error) }));
    expect(line.error).toMatchObject({ kind: "error", type: "TypeError", code: "ERR_X", message: "Cannot read properties of undefined" });
    expect(JSON.stringify(line.error)).toContain("log-redaction.test.ts");
  });

  it("scrubs an error's message with the logger's own rules (one function, redactText)", () => {
    const error = new Error("Mailbox anna@example.dk for 1203859991 is full; see 'Anna Hansen'");
    expect(describeError(error).message).toBe(redactText("Mailbox anna@example.dk for 1203859991 is full; see 'Anna Hansen'"));
    expect(describeError(error).message).toBe("Mailbox <e-mail> for <number> is full; see <text>");
  });
});
