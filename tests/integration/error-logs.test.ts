import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleError } from "~/entry.server";
import { plans } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { captureLog } from "../support/log-capture";

// A failing write must never put what a person wrote into the server's log: drizzle's error
// message holds the query's parameters, and Postgres' own messages quote values.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.dispose());

async function failingWrite(text: string): Promise<unknown> {
  try {
    await database.db.update(plans).set({ ownGoal: text }).where(sql`id = ${"not-a-uuid"}::uuid and ${text} <> ''`);
  } catch (error) {
    return error;
  }
  throw new Error("the write did not fail");
}

describe("errors in the log", () => {
  it("name the database error by its code, never by what was written", async () => {
    const secret = "Mette har angst og ondt i ryggen";
    const error = await failingWrite(secret);
    expect(String((error as Error).message) + String((error as Error).cause)).toContain(secret.slice(0, 5)); // the raw error does hold it

    const lines = await captureLog(() =>
      handleError(error, { request: new Request("http://localhost/min-plan/eget-maal", { headers: { "x-request-id": "req-12345678" } }) }),
    );
    expect(lines).toHaveLength(1);
    const logged = JSON.parse(lines[0]!);
    expect(logged).toMatchObject({ level: "error", event: "request_failed", requestId: "req-12345678", error: { kind: "database", code: "22P02" } });
    expect(lines[0]).not.toContain("Mette");
    expect(lines[0]).not.toContain("angst");
    expect(lines[0]).not.toContain("not-a-uuid");
  });

  it("keep a failed e-mail's kind and code, never the address or other quoted values in its message", async () => {
    const { describeError } = await import("../../server/safe-error.js");
    // An SMTP server's reply may quote the name without quotation marks, too.
    const smtp = Object.assign(new Error('Can\'t send mail - all recipients were rejected: 550 5.1.1 <anna.jensen@example.dk>: "Mette Hansen" 010203-1234 (Anna Jensen)'), {
      code: "EENVELOPE",
      responseCode: 550,
    });
    const described = JSON.stringify(describeError(smtp));
    expect(described).toContain("EENVELOPE");
    expect(described).toContain("550");
    expect(described).toContain("Can't send mail - all recipients were rejected");
    for (const secret of ["anna.jensen", "example.dk", "Mette", "010203", "Anna Jensen"]) expect(described).not.toContain(secret);
  });
});
