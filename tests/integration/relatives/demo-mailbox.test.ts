import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson } from "../../../db/builders";
import { deliverDueMail } from "~/features/jobs/outbox.server";
import { listStoredMail } from "~/features/relatives/mail.server";
import { addMonths, dayParts } from "~/features/relatives/scopes";
import { copenhagenDay } from "~/lib/dates";
import { action as checkAction } from "~/features/relatives/routes/relatives-check";
import { action as inviteAction } from "~/features/relatives/routes/relatives-invite";
import { loader as mailboxLoader } from "~/features/relatives/routes/relatives-mailbox";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, ORIGIN, post } from "../../support/requests";
import { useMailSettings } from "../../support/smtp";
import { run, unwrap } from "../../support/routes";

// The demo mailbox (/dev/postkasse) shows the mails the demo "sends", live invitation links
// included: only to the person they are addressed to.

let database: TestDatabase;
let mailSettings: ReturnType<typeof useMailSettings>;
const cookies: Record<string, string> = {};
let invitationLink = "";

beforeAll(async () => {
  // Mail goes to the demo mailbox in a folder of this file's own.
  mailSettings = useMailSettings({ demoLogin: true, prefix: "minvej-mailbox" });
  database = await createTestDatabase({ seed: false });
  // Mette, Ali and Jonas (db/builders.ts), no demo seed; the mailbox shows Jonas what is sent to his address.
  const caseworker = await aCaseworker().build(database.db);
  const mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } }).withCaseworker(caseworker).withPlan().build(database.db);
  const ali = await aParticipant({ person: { firstName: "Ali", lastName: "Hassan" } }).withCaseworker(caseworker).withPlan().build(database.db);
  const jonas = await aPerson({ firstName: "Jonas", lastName: "Hansen", email: "jonas.hansen@example.com" }).build(database.db);
  for (const [key, person] of [["mette", mette], ["jonas", jonas], ["ali", ali]] as const) cookies[key] = await cookieFor(person.demoKey);

  // Mette invites Jonas (his own address, in other capitals) the way the pages do: form, check, confirm.
  const until = dayParts(addMonths(copenhagenDay(new Date()), 3));
  const form = new URLSearchParams([
    ["name", "Jonas Hansen"],
    ["email", "Jonas.Hansen@example.com"],
    ["relation", "Bror"],
    ["scopes", "plan"],
    ["validUntil.day", until.day],
    ["validUntil.month", until.month],
    ["validUntil.year", until.year],
  ]);
  const step1 = (await run(
    inviteAction,
    new Request(ORIGIN + "/paaroerende/inviter", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, Cookie: cookies.mette! },
      body: form,
    }),
  )) as Response;
  expect(step1.headers.get("Location")).toBe("/paaroerende/inviter/tjek");
  const draft = step1.headers.get("Set-Cookie")!.split(";")[0]!;
  const sent = (await run(checkAction, post("/paaroerende/inviter/tjek", { confirm: "yes" }, `${cookies.mette}; ${draft}`))) as Response;
  expect(new URL(sent.headers.get("Location")!, ORIGIN).searchParams.get("besked")).toBe("sendt");
  // The job worker writes it to the demo mailbox after the commit.
  await deliverDueMail();
  const [mail] = await listStoredMail();
  invitationLink = /https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]{43}/.exec(mail!.text)![0];
});

afterAll(async () => {
  await database.dispose();
  mailSettings.restore();
});

type Mailbox = { mails: { to: string; text: string }[] };
const mailbox = async (cookie?: string) => unwrap(await run(mailboxLoader, get("/dev/postkasse", cookie)));

describe("the demo mailbox", () => {
  it("shows Jonas the invitation addressed to him, with its link", async () => {
    const { status, data } = await mailbox(cookies.jonas);
    expect(status).toBe(200);
    const { mails } = data as Mailbox;
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to.toLowerCase()).toBe("jonas.hansen@example.com");
    expect(mails[0]!.text).toContain(invitationLink);
  });

  it("never shows Mette (who sent it) or Ali Jonas' invitation link", async () => {
    for (const who of ["mette", "ali"]) {
      const { status, data } = await mailbox(cookies[who]);
      expect(status).toBe(200);
      const { mails } = data as Mailbox;
      expect(mails).toEqual([]);
      expect(JSON.stringify(data)).not.toContain(invitationLink);
    }
  });

  it("asks a signed-out visitor to sign in first, and shows nothing", async () => {
    const result = await run(mailboxLoader, get("/dev/postkasse"));
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(302);
    expect((result as Response).headers.get("Location")).toBe("/log-ind");
  });

  it("does not exist without demo sign-in", async () => {
    process.env.DEMO_LOGIN = "0";
    try {
      const result = await run(mailboxLoader, get("/dev/postkasse", cookies.jonas));
      expect((result as Response).status).toBe(404);
    } finally {
      process.env.DEMO_LOGIN = "1";
    }
  });
});
