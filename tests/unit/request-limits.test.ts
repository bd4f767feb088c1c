import { describe, expect, it } from "vitest";
import { DatabaseBusyError, RequestGate } from "../../db/client";
import { checkFormBody, MAX_FIELDS } from "../../server/body-guard.js";
import { safeLocalPath } from "~/lib/safe-path";
import { parseSubmission } from "~/components/form/submission.server";
import { versionNumber } from "~/components/form/schemas";
import { z } from "~/lib/zod";

describe("a form body is checked before anything parses it", () => {
  it("lets an ordinary form through", () => {
    expect(checkFormBody("ownGoal=Jeg+vil+gerne+arbejde+med+dyr&version=3")).toBeNull();
    expect(checkFormBody("tasks%5B2%5D=Pakke+varer&validUntil.day=3")).toBeNull();
    expect(checkFormBody("")).toBeNull();
  });

  it("refuses a huge index in a field name (the 22-byte heap killer)", () => {
    expect(checkFormBody("person=&a[100000000]=x")).toEqual({ status: 400, reason: "index" });
    expect(checkFormBody("person=&a%5B100000000%5D=x")).toEqual({ status: 400, reason: "index" });
    expect(checkFormBody("tasks%5B100%5D=x")).toEqual({ status: 400, reason: "index" });
    expect(checkFormBody("tasks%5B99%5D=x")).toBeNull();
  });

  it("refuses names that nest deeper than our forms do (conform would build a level for each)", () => {
    expect(checkFormBody("validUntil.day=3&seen.about=2&tasks%5B3%5D=x")).toBeNull();
    expect(checkFormBody(`person${"[999]".repeat(50)}=x`)).toEqual({ status: 400, reason: "nesting" });
    expect(checkFormBody(`person${".a".repeat(3000)}=x`)).toEqual({ status: 400, reason: "nesting" });
    expect(checkFormBody("tasks%5B1%5D.title=x")).toEqual({ status: 400, reason: "nesting" });
  });

  it("refuses more fields than any form has", () => {
    expect(checkFormBody("t=x&".repeat(MAX_FIELDS))).toBeNull();
    expect(checkFormBody("t=x&".repeat(MAX_FIELDS + 1))).toEqual({ status: 400, reason: "fields" });
  });

  it("refuses NUL bytes, encoded or raw, and broken encoding in names", () => {
    expect(checkFormBody("note=hej%00")).toEqual({ status: 400, reason: "nul" });
    expect(checkFormBody("note=hej\0")).toEqual({ status: 400, reason: "nul" });
    expect(checkFormBody("%E0%A4%A=1")).toEqual({ status: 400, reason: "encoding" });
  });
});

describe("only a schema's own fields are parsed and echoed", () => {
  const schema = z.object({ ownGoal: z.string().min(1, "required"), version: versionNumber() });

  it("drops stray fields and indexes before conform builds anything", () => {
    const formData = new FormData();
    formData.append("ownGoal", "Arbejde med dyr");
    formData.append("version", "not a number");
    formData.append("a[99999]", "x");
    formData.append("__proto__[polluted]", "1");
    const submission = parseSubmission(formData, { schema });
    expect(submission.status).toBe("error");
    const reply = submission.reply();
    expect(Object.keys(reply.initialValue ?? {}).sort()).toEqual(["ownGoal", "version"]);
    expect(JSON.stringify(reply).length).toBeLessThan(500);
  });

  it("refuses a version above the integer range instead of sending it to Postgres", () => {
    const formData = new FormData();
    formData.append("ownGoal", "Arbejde med dyr");
    formData.append("version", "2147483648");
    expect(parseSubmission(formData, { schema }).status).toBe("error");
    formData.set("version", "2147483647");
    expect(parseSubmission(formData, { schema }).status).toBe("success");
  });
});

describe("the way back after a language switch stays on this site", () => {
  it.each([
    ["/min-plan?gemt=1#mål", "/min-plan?gemt=1#m%C3%A5l"],
    ["/", "/"],
  ])("keeps %s", (value, expected) => expect(safeLocalPath(value)).toBe(expected));

  it.each(["//evil.example", "/..//evil.example", "/.//evil.example", "/%2e%2e//evil.example", "/\t/evil.example", "/\n/evil.example", "/\r\nSet-Cookie: x=1", "/\\evil.example", "https://evil.example", "evil", "", null])(
    "refuses %j",
    (value) => expect(safeLocalPath(value)).toBe("/"),
  );
});

describe("requests wait for a database connection in a bounded queue", () => {
  it("admits up to the pool size, queues a few, refuses the rest at once, and times out", async () => {
    const gate = new RequestGate(2, 1, 50);
    const first = await gate.enter();
    await gate.enter();
    const third = gate.enter();
    expect(gate.queued).toBe(1);
    await expect(gate.enter()).rejects.toMatchObject({ code: "MINVEJ_DATABASE_BUSY", why: "queue_full" });
    first();
    const releaseThird = await third;
    expect(gate.queued).toBe(0);
    await expect(gate.enter()).rejects.toBeInstanceOf(DatabaseBusyError);
    releaseThird();
    const again = await gate.enter();
    again();
  });
});
