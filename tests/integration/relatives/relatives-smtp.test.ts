import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant } from "../../../db/builders";
import { invitations } from "../../../db/schema";
import { deliverDueMail } from "~/features/jobs/outbox.server";
import { findInvitation, hashInvitationToken } from "~/features/relatives/queries.server";
import { addMonths, dayParts } from "~/features/relatives/scopes";
import { copenhagenDay } from "~/lib/dates";
import { action as checkAction } from "~/features/relatives/routes/relatives-check";
import { action as inviteAction } from "~/features/relatives/routes/relatives-invite";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, ORIGIN, post } from "../../support/requests";
import { startSmtpServer, useMailSettings, type TestSmtpServer } from "../../support/smtp";
import { run } from "../../support/routes";

let database: TestDatabase;
let smtp: TestSmtpServer;
let mailSettings: ReturnType<typeof useMailSettings>;

beforeAll(async () => {
  // A real SMTP server in this process, on a free port.
  smtp = await startSmtpServer();
  mailSettings = useMailSettings({ smtpUrl: smtp.url, demoLogin: true, prefix: "minvej-relatives-smtp" });
  database = await createTestDatabase({ seed: false });
});

afterAll(async () => {
  await database.dispose();
  await smtp.close();
  mailSettings.restore();
});

/** Quoted-printable soft line breaks and escapes, enough to read the text part. */
function decode(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe("the invitation through SMTP", () => {
  it("is delivered to the invited address with a working single-use link, and nothing is written to disk", async () => {
    // Mette Hansen, a participant with a plan (db/builders.ts), no demo seed.
    const mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } })
      .withCaseworker(await aCaseworker().build(database.db))
      .withPlan()
      .build(database.db);
    const cookie = await cookieFor(mette.demoKey);
    const until = dayParts(addMonths(copenhagenDay(new Date()), 3));
    const form = new URLSearchParams([
      ["name", "Jonas <b>Hansen</b>"],
      ["email", "jonas.hansen@example.com"],
      ["relation", "Bror"],
      ["scopes", "plan"],
      ["scopes", "appointments"],
      ["validUntil.day", until.day],
      ["validUntil.month", until.month],
      ["validUntil.year", until.year],
    ]);
    const first = (await run(
      inviteAction,
      new Request(`${ORIGIN}/paaroerende/inviter`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, Cookie: cookie },
        body: form,
      }),
    )) as Response;
    expect(first.status).toBe(302);
    const draft = first.headers.get("Set-Cookie")!.split(";")[0]!;
    const sent = (await run(checkAction, post("/paaroerende/inviter/tjek", { confirm: "yes" }, `${cookie}; ${draft}`))) as Response;
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toContain("besked=sendt");

    // Queued with the grant; the job worker sends it after the commit.
    expect(smtp.received).toHaveLength(0);
    expect(await deliverDueMail()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(["jonas.hansen@example.com"]);
    expect(mail.from).toBe("ingen-svar@minvej.example.dk");
    const body = decode(mail.raw);
    expect(body).toMatch(/Subject: .*Mette Hansen/);
    const token = /http:\/\/localhost:3000\/invitation\/([A-Za-z0-9_-]{43})/.exec(body)?.[1];
    expect(token).toBeTruthy();
    // The HTML part carries the typed name as text, never as markup.
    const html = body.slice(body.indexOf("Content-Type: text/html"));
    expect(html.length).toBeLessThan(body.length);
    expect(html).not.toContain("<b>Hansen</b>");
    expect(html).toContain("&#60;b&#62;Hansen");
    // The plain-text part says it as typed.
    expect(body.slice(0, body.indexOf("Content-Type: text/html"))).toContain("Hej Jonas <b>Hansen</b>");
    // The link is the one stored (as a hash), and it is open.
    const [row] = await database.db.select().from(invitations);
    expect(row!.tokenHash).toBe(hashInvitationToken(token!));
    expect((await findInvitation(token!)).state).toBe("open");
    // With SMTP configured, nothing goes to the file mailbox.
    const dir = path.join(mailSettings.dataDir, "mail");
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    // Idempotent envelope: one invitation row.
    expect(await database.db.select().from(invitations).where(eq(invitations.id, row!.id))).toHaveLength(1);
  });
});
