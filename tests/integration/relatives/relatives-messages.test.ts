import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setupRoles } from "../../../db/client";
import { aCaseworker, aParticipant, aPerson, type BuiltCaseworker, type BuiltPerson } from "../../../db/builders";
import { auditEvents, messageDrafts, messages, relativeGrants } from "../../../db/schema";
import { getDraft, listInbox, markHandled, proposeNewTime, saveDraft, startConversation, writeMessage, type Author } from "~/features/messages/index.server";
import { loader as participantConversationLoader } from "~/features/messages/routes/conversation";
import { loader as grantsLoader } from "~/features/relatives/routes/relatives";
import { action as changeAction, loader as changeLoader } from "~/features/relatives/routes/relatives-change";
import { action as checkAction, loader as checkLoader } from "~/features/relatives/routes/relatives-check";
import { action as inviteAction } from "~/features/relatives/routes/relatives-invite";
import { loader as invitationLoader } from "~/features/relatives/routes/relatives-invitation";
import { loader as logLoader } from "~/features/relatives/routes/relatives-log";
import { loader as frameLoader } from "~/features/relatives/routes/relatives-shared";
import { action as conversationAction, loader as conversationLoader } from "~/features/relatives/routes/relatives-shared-conversation";
import { loader as homeLoader } from "~/features/relatives/routes/relatives-shared-home";
import { loader as listLoader } from "~/features/relatives/routes/relatives-shared-messages";
import { addDays, addMonths, dayParts } from "~/features/relatives/scopes";
import { copenhagenDay } from "~/lib/dates";
import { anOpenInvitation } from "../../support/invitations";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/db";
import { cookieFor, get, ORIGIN, post } from "../../support/requests";
import { run, unwrap } from "../../support/routes";
import { useMailSettings } from "../../support/smtp";

/**
 * Issue 18: a relative with the "messages" scope reads the participant's conversations with her
 * caseworker; with may_write_messages also answers in them, under their own name. Every "no" is
 * counted and printed (a relative without the scope, without the right to write, a withdrawn or
 * expired grant, another participant's conversation, the participant's own drafts).
 */

let database: TestDatabase;
let mailSettings: ReturnType<typeof useMailSettings>;
let sara: BuiltCaseworker;
let refusals = 0;

interface People {
  mette: { personId: string; participantId: string; cookie: string; appointmentId: string };
  ali: { participantId: string; conversationId: string };
  rikke: BuiltPerson & { cookie: string; grantId: string };
  jonas: BuiltPerson & { cookie: string };
  conversationId: string;
}
let people: People;

const metteAuthor = (): Author => ({ personId: people.mette.personId, participantId: people.mette.participantId, role: "participant", name: "Mette Hansen" });
const saraAuthor = (participantId: string): Author => ({ personId: sara.personId, participantId, role: "caseworker", name: "Sara Nielsen" });

async function started(author: Author, subject: string, body: string) {
  const result = await startConversation(author, { topic: "general", subject, body, submissionId: crypto.randomUUID() });
  return result.conversationId;
}

/**
 * Mette (Sara's) with a meeting and one conversation that Sara has answered; Rikke Holm her sister
 * with the grant under test; Jonas her brother who may see only her plan; Ali, another of Sara's
 * participants, with a conversation of his own.
 */
async function somePeople(grant: Partial<typeof relativeGrants.$inferInsert>) {
  const rikke = await aPerson({ firstName: "Rikke", lastName: "Holm" }).build(database.db);
  const jonas = await aPerson({ firstName: "Jonas", lastName: "Hansen" }).build(database.db);
  const mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } })
    .withCaseworker(sara)
    .withAppointment({ title: "Samtale med Sara", startsAt: new Date(Date.now() + 4 * 86_400_000), endsAt: new Date(Date.now() + 4 * 86_400_000 + 3_600_000) })
    .withRelative(rikke, { scopes: ["messages"], ...grant })
    .withRelative(jonas, { scopes: ["plan"] })
    .build(database.db);
  const ali = await aParticipant({ person: { firstName: "Ali", lastName: "Hassan" } }).withCaseworker(sara).build(database.db);
  const [rikkeGrant] = await database.db.select({ id: relativeGrants.id }).from(relativeGrants).where(eq(relativeGrants.relativePersonId, rikke.personId));
  people = {
    mette: { personId: mette.personId, participantId: mette.participantId, cookie: await cookieFor(mette.demoKey), appointmentId: mette.appointmentIds[0]! },
    ali: { participantId: ali.participantId, conversationId: "" },
    rikke: { ...rikke, cookie: await cookieFor(rikke.demoKey), grantId: rikkeGrant!.id },
    jonas: { ...jonas, cookie: await cookieFor(jonas.demoKey) },
    conversationId: "",
  };
  people.conversationId = await started(metteAuthor(), "Praktikken", "Hej Sara. Kan jeg starte kl. 9?");
  await writeMessage(saraAuthor(mette.participantId), people.conversationId, { body: "Hej Mette. Ja, det kan du.", submissionId: crypto.randomUUID() });
  people.ali.conversationId = await started(
    { personId: ali.personId, participantId: ali.participantId, role: "participant", name: "Ali Hassan" },
    "Alis spørgsmål",
    "Hej",
  );
}

const listPath = () => `/hjaelper/${people.mette.participantId}/beskeder`;
const conversationPath = (id = people.conversationId) => `${listPath()}/${id}`;
const params = (id = people.conversationId) => ({ participantId: people.mette.participantId, id });

const openList = (cookie: string) => run(listLoader, get(listPath(), cookie), { participantId: people.mette.participantId });
const openConversation = (cookie: string, id = people.conversationId) => run(conversationLoader, get(conversationPath(id), cookie), params(id));
async function reply(cookie: string, form: Record<string, string>, id = people.conversationId) {
  return run(conversationAction, post(conversationPath(id), { intent: "send", submissionId: crypto.randomUUID(), ...form }, cookie), params(id));
}

const messagesOf = (conversationId = people.conversationId) => database.db.select().from(messages).where(eq(messages.conversationId, conversationId));
const draftsOf = (personId: string) => database.db.select().from(messageDrafts).where(eq(messageDrafts.personId, personId));
const viewsOfMette = async () =>
  (await database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "relatives.viewed"), eq(auditEvents.participantId, people.mette.participantId)))
  ).map((row) => (row.details as { page?: string }).page);

function refused(result: unknown, status = 404) {
  refusals++;
  expect(result).toBeInstanceOf(Response);
  expect((result as Response).status).toBe(status);
}

beforeAll(async () => {
  mailSettings = useMailSettings({ demoLogin: true, prefix: "minvej-relatives-messages-mail" });
  database = await createTestDatabase({ seed: false });
  sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" }, professional: { name: "Sara Nielsen" } }).build(database.db);
});
afterAll(async () => {
  await database.dispose();
  mailSettings.restore();
  console.log(`relatives messages: ${refusals} refused cases checked`);
});

describe("a relative with the messages scope reads", () => {
  beforeEach(() => somePeople({ mayWriteMessages: false }));

  it("her conversations and the answers, without her drafts, her receipts or her phone number; the frame names the page", async () => {
    // Mette keeps a draft in the conversation: it is hers alone.
    await saveDraft(people.mette.personId, people.mette.participantId, people.conversationId, { body: "Mettes egen kladde" });

    const list = unwrap(await openList(people.rikke.cookie));
    expect(list.status).toBe(200);
    const listData = list.data as { mayWrite: boolean; caseworkerName: string; conversations: Record<string, unknown>[] };
    expect(listData).toMatchObject({ mayWrite: false, caseworkerName: "Sara Nielsen" });
    expect(listData.conversations).toEqual([expect.objectContaining({ id: people.conversationId, subject: "Praktikken" })]);
    // Whether Mette has opened Sara's answer is hers: the list sends no unread count.
    expect(listData.conversations[0]).not.toHaveProperty("unread");

    const page = unwrap(await openConversation(people.rikke.cookie));
    const data = page.data as {
      mayWrite: boolean;
      draft: unknown;
      submissionId: unknown;
      conversation: { messages: { authorRole: string; authorName: string; body: string; readAt: Date | null }[] };
    };
    expect(data).toMatchObject({ mayWrite: false, draft: null, submissionId: null });
    expect(data.conversation.messages.map((message) => [message.authorRole, message.authorName, message.body])).toEqual([
      ["participant", "Mette Hansen", "Hej Sara. Kan jeg starte kl. 9?"],
      ["caseworker", "Sara Nielsen", "Hej Mette. Ja, det kan du."],
    ]);
    expect(JSON.stringify(page.data)).not.toContain("Mettes egen kladde");

    // No receipt: Sara's answer is still unread by Mette.
    const [answer] = (await messagesOf()).filter((message) => message.authorRole === "caseworker");
    expect(answer!.readAt).toBeNull();

    // The frame and the front page name the messages.
    const frame = unwrap(await run(frameLoader, get(listPath(), people.rikke.cookie), { participantId: people.mette.participantId }));
    expect((frame.data as { links: { scope: string; path: string }[] }).links).toEqual([{ scope: "messages", path: listPath() }]);
    const home = unwrap(await run(homeLoader, get(`/hjaelper/${people.mette.participantId}`, people.rikke.cookie), { participantId: people.mette.participantId }));
    expect(home.data).toMatchObject({ scopes: ["messages"], mayWriteMessages: false });
  });

  it("each opening is in Mette's log as Rikke's, and a request's status and proposed time show, read-only", async () => {
    const callbackId = (
      await startConversation(metteAuthor(), {
        topic: "callback",
        subject: "Ring mig op",
        body: "",
        submissionId: crypto.randomUUID(),
        callback: { on: "2030-01-07", window: "morning", phone: "+45 22 33 44 55" },
      })
    ).conversationId;
    const aboutMeeting = (
      await startConversation(metteAuthor(), {
        topic: "appointment",
        subject: "Om mødet",
        body: "Må min søster komme med?",
        submissionId: crypto.randomUUID(),
        appointmentId: people.mette.appointmentId,
      })
    ).conversationId;
    await proposeNewTime(saraAuthor(people.mette.participantId), aboutMeeting, {
      startsAt: new Date(Date.now() + 9 * 86_400_000),
      endsAt: new Date(Date.now() + 9 * 86_400_000 + 3_600_000),
    });

    await openList(people.rikke.cookie);
    const callback = unwrap(await openConversation(people.rikke.cookie, callbackId));
    const callbackData = callback.data as { conversation: { callback: unknown; status: string } };
    expect(callbackData.conversation).toMatchObject({ status: "received", callback: { on: "2030-01-07", window: "morning" } });
    // Her phone number stays on her own page.
    expect(JSON.stringify(callback.data)).not.toContain("22 33 44 55");
    const meeting = unwrap(await openConversation(people.rikke.cookie, aboutMeeting));
    const meetingData = meeting.data as { conversation: { status: string | null; appointmentId: string | null; proposals: { status: string }[] } };
    // A message about a meeting is no request (no status steps); Sara's proposed time shows, for Mette to answer.
    expect(meetingData.conversation.status).toBeNull();
    expect(meetingData.conversation.proposals).toEqual([expect.objectContaining({ status: "proposed" })]);
    // Without the meetings scope there is no link to the meeting (that page would refuse her).
    expect(meetingData.conversation.appointmentId).toBeNull();

    expect((await viewsOfMette()).sort()).toEqual(["conversation", "conversation", "messages"]);
    const log = unwrap(await run(logLoader, get("/paaroerende/log", people.mette.cookie)));
    const entries = (log.data as { entries: { action: string; actorName: string | null; details: { page?: string } }[] }).entries;
    expect(entries.filter((entry) => entry.action === "relatives.viewed").map((entry) => [entry.actorName, entry.details.page]).sort()).toEqual([
      ["Rikke Holm", "conversation"],
      ["Rikke Holm", "conversation"],
      ["Rikke Holm", "messages"],
    ]);
  });

  it("refuses a reply or a draft without the right to write, and writes nothing", async () => {
    const before = (await messagesOf()).length;
    refused(await reply(people.rikke.cookie, { body: "Jeg vil gerne skrive" }));
    refused(await reply(people.rikke.cookie, { body: "En kladde", intent: "draft" }));
    refused(await reply(people.rikke.cookie, { body: "En kladde", intent: "autosave" }));
    expect(await messagesOf()).toHaveLength(before);
    expect(await draftsOf(people.rikke.personId)).toHaveLength(0);
  });
});

describe("a relative with the right to write", () => {
  beforeEach(() => somePeople({ mayWriteMessages: true }));

  it("answers under her own name; Mette and Sara see Rikke's name; a double submit is one message; a handled conversation reopens", async () => {
    await markHandled(saraAuthor(people.mette.participantId), people.conversationId);
    const page = unwrap(await openConversation(people.rikke.cookie));
    const { submissionId, mayWrite } = page.data as { submissionId: string; mayWrite: boolean };
    expect(mayWrite).toBe(true);
    const form = { body: "Hej Sara. Jeg kan køre Mette derud.", submissionId };
    const sent = (await reply(people.rikke.cookie, form)) as Response;
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`${conversationPath()}?sendt=1#seneste`);
    await reply(people.rikke.cookie, form);

    const fromRikke = (await messagesOf()).filter((message) => message.authorRole === "relative");
    expect(fromRikke).toEqual([
      expect.objectContaining({ authorPersonId: people.rikke.personId, authorName: "Rikke Holm", body: "Hej Sara. Jeg kan køre Mette derud." }),
    ]);
    // The handled conversation waits for Sara again, counted from Rikke's message.
    const [item] = (await listInbox([people.mette.participantId], { answerWorkdays: () => 2 })).filter((entry) => entry.id === people.conversationId);
    expect(item).toMatchObject({ state: "awaiting" });
    const [audit] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "messages.message_sent"), eq(auditEvents.actorPersonId, people.rikke.personId)));
    expect(audit).toMatchObject({ participantId: people.mette.participantId, details: expect.objectContaining({ role: "relative" }) });

    // Mette's own page shows it with Rikke's name.
    const mettes = unwrap(
      await run(participantConversationLoader, get(`/beskeder/${people.conversationId}`, people.mette.cookie), { id: people.conversationId }),
    );
    const lastOfMettes = (mettes.data as { conversation: { messages: { authorRole: string; authorName: string }[] } }).conversation.messages.at(-1);
    expect(lastOfMettes).toMatchObject({ authorRole: "relative", authorName: "Rikke Holm" });
  });

  it("keeps her draft (without JavaScript and autosaved) for her alone, and drops it once sent", async () => {
    await saveDraft(people.mette.personId, people.mette.participantId, people.conversationId, { body: "Mettes egen kladde" });
    const draft = (await reply(people.rikke.cookie, { intent: "draft", body: "Rikkes halve svar" })) as Response;
    expect(draft.headers.get("Location")).toBe(`${conversationPath()}?kladde=gemt#svar`);
    const autosaved = unwrap(await reply(people.rikke.cookie, { intent: "autosave", body: "Rikkes næsten hele svar" }));
    expect(autosaved.data).toMatchObject({ draftSavedAt: expect.stringMatching(/^\d{4}-/) });

    const page = unwrap(await openConversation(people.rikke.cookie));
    expect((page.data as { draft: { body: string } }).draft.body).toBe("Rikkes næsten hele svar");
    expect(JSON.stringify(page.data)).not.toContain("Mettes egen kladde");
    // Mette's draft is untouched, and hers is not Rikke's.
    expect((await getDraft(people.mette.personId, people.conversationId))?.body).toBe("Mettes egen kladde");
    expect(await messagesOf()).toHaveLength(2);

    await reply(people.rikke.cookie, { body: "Rikkes hele svar" });
    expect(await draftsOf(people.rikke.personId)).toHaveLength(0);
    expect((await getDraft(people.mette.personId, people.conversationId))?.body).toBe("Mettes egen kladde");
  });

  it("refuses an empty or too long message and keeps what she typed", async () => {
    const empty = unwrap(await reply(people.rikke.cookie, { body: "   " }));
    expect(empty).toMatchObject({ status: 400, data: { errors: { body: "messages:errors.bodyRequired" } } });
    const long = "a".repeat(2001);
    const tooLong = unwrap(await reply(people.rikke.cookie, { body: long }));
    expect(tooLong).toMatchObject({ status: 400, data: { errors: { body: "messages:errors.bodyTooLong" }, values: { body: long } } });
    expect(await messagesOf()).toHaveLength(2);
  });

  it("another participant's conversation under Mette's path, or no id, is 404, and nothing is kept", async () => {
    const alis = people.ali.conversationId;
    refused(await openConversation(people.rikke.cookie, alis));
    refused(await reply(people.rikke.cookie, { body: "Hej Ali" }, alis));
    refused(await reply(people.rikke.cookie, { body: "Hej Ali", intent: "draft" }, alis));
    refused(await openConversation(people.rikke.cookie, "ikke-et-id"));
    refused(await reply(people.rikke.cookie, { body: "Hej" }, "ikke-et-id"));
    expect(await messagesOf(alis)).toHaveLength(1);
    expect(await draftsOf(people.rikke.personId)).toHaveLength(0);
    // Nor does Ali's participant id open anything for her: she has no grant from him.
    refused(await run(listLoader, get(`/hjaelper/${people.ali.participantId}/beskeder`, people.rikke.cookie), { participantId: people.ali.participantId }));
  });

  it("a relative without the messages scope, Mette herself and the caseworker get the relative area's 404 and write nothing", async () => {
    for (const cookie of [people.jonas.cookie, people.mette.cookie, await cookieFor(sara.demoKey)]) {
      refused(await openList(cookie));
      refused(await openConversation(cookie));
      refused(await reply(cookie, { body: "Forsøg" }));
      refused(await reply(cookie, { body: "Forsøg", intent: "draft" }));
    }
    expect((await messagesOf()).map((message) => message.authorRole)).toEqual(["participant", "caseworker"]);
    expect(await draftsOf(people.jonas.personId)).toHaveLength(0);
    expect(await viewsOfMette()).toEqual([]);
  });

  it("a withdrawn or expired grant refuses (the calm 'your access has ended' answer) and writes nothing", async () => {
    await database.db.update(relativeGrants).set({ status: "withdrawn", endedAt: new Date() }).where(eq(relativeGrants.id, people.rikke.grantId));
    refused(await openList(people.rikke.cookie), 403);
    refused(await openConversation(people.rikke.cookie), 403);
    refused(await reply(people.rikke.cookie, { body: "Efter" }), 403);

    // Her last day was yesterday (Copenhagen): expired today.
    await database.db
      .update(relativeGrants)
      .set({ status: "active", endedAt: null, validUntil: addDays(copenhagenDay(new Date()), -1) })
      .where(eq(relativeGrants.id, people.rikke.grantId));
    refused(await openList(people.rikke.cookie), 403);
    refused(await openConversation(people.rikke.cookie), 403);
    refused(await reply(people.rikke.cookie, { body: "Efter" }), 403);
    refused(await reply(people.rikke.cookie, { body: "Efter", intent: "draft" }), 403);
    expect((await messagesOf()).filter((message) => message.authorRole === "relative")).toEqual([]);
    expect(await draftsOf(people.rikke.personId)).toHaveLength(0);
  });
});

describe("the participant gives the messages scope", () => {
  beforeEach(() => somePeople({ mayWriteMessages: false }));

  function terms(entries: [string, string][]): [string, string][] {
    const until = dayParts(addMonths(copenhagenDay(new Date()), 3));
    return [...entries, ["validUntil.day", until.day], ["validUntil.month", until.month], ["validUntil.year", until.year]];
  }
  const postMany = (pathname: string, entries: [string, string][]) =>
    new Request(ORIGIN + pathname, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, Cookie: people.mette.cookie },
      body: new URLSearchParams(entries),
    });

  it("when inviting: 'må også skrive' needs the messages scope; with it, the check page and the grant say so", async () => {
    const who: [string, string][] = [
      ["name", "Lone Berg"],
      ["email", "lone.berg@example.org"],
      ["relation", "Veninde"],
    ];
    const wrong = unwrap(await run(inviteAction, postMany("/paaroerende/inviter", terms([...who, ["scopes", "plan"], ["mayWriteMessages", "yes"]]))));
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.data)).toContain("form.errors.writeNeedsMessages");

    const form = (await run(inviteAction, postMany("/paaroerende/inviter", terms([...who, ["scopes", "messages"], ["mayWriteMessages", "yes"]])))) as Response;
    expect(form.status).toBe(302);
    const both = `${people.mette.cookie}; ${form.headers.get("Set-Cookie")!.split(";")[0]!}`;
    const check = unwrap(await run(checkLoader, get("/paaroerende/inviter/tjek", both)));
    expect(check.data).toMatchObject({ scopes: ["messages"], draft: { mayWriteMessages: true } });
    const confirmed = (await run(checkAction, post("/paaroerende/inviter/tjek", { confirm: "yes" }, both))) as Response;
    const grantId = new URL(confirmed.headers.get("Location")!, ORIGIN).searchParams.get("id")!;
    const [row] = await database.db.select().from(relativeGrants).where(eq(relativeGrants.id, grantId));
    expect(row).toMatchObject({ scopes: ["messages"], mayWriteMessages: true, status: "invited" });
    const [invited] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "relatives.invited"), eq(auditEvents.participantId, people.mette.participantId)));
    expect(invited!.details).toMatchObject({ scopes: ["messages"], mayWriteMessages: true });

    // Her list names it, with what the person may do.
    const list = unwrap(await run(grantsLoader, get("/paaroerende", people.mette.cookie)));
    const grants = (list.data as { grants: { id: string; scopes: string[]; mayWriteMessages: boolean }[] }).grants;
    expect(grants.find((grant) => grant.id === grantId)).toMatchObject({ scopes: ["messages"], mayWriteMessages: true });
  });

  it("the invitation page offers it", async () => {
    const { token } = await anOpenInvitation(database.db, people.mette.participantId, {
      invitedName: "Lone Berg",
      invitedEmail: "lone@example.org",
      scopes: ["plan", "messages"],
      mayWriteMessages: true,
    });
    const lone = await aPerson({ firstName: "Lone", lastName: "Berg" }).build(database.db);
    const page = unwrap(await run(invitationLoader, get(`/invitation/${token}`, await cookieFor(lone.demoKey)), { token }));
    expect(page.data).toMatchObject({ view: "answer", invitation: { scopes: ["plan", "messages"], mayWriteMessages: true } });
  });

  it("in 'Ret adgangen': Rikke gets the right to write, and loses it again with the scope; the relative cannot give it herself", async () => {
    async function change(entries: [string, string][]) {
      const page = unwrap(await run(changeLoader, get(`/paaroerende/${people.rikke.grantId}/ret`, people.mette.cookie), { grantId: people.rikke.grantId }));
      const { basis, initial } = page.data as { basis: string; initial: { scopes: string[]; mayWriteMessages: boolean } };
      const result = await run(changeAction, postMany(`/paaroerende/${people.rikke.grantId}/ret`, terms([["basis", basis], ...entries])), {
        grantId: people.rikke.grantId,
      });
      if (!(result instanceof Response)) return { initial, result: unwrap(result) };
      const both = `${people.mette.cookie}; ${result.headers.get("Set-Cookie")!.split(";")[0]!}`;
      const confirmed = (await run(checkAction, post("/paaroerende/inviter/tjek", { confirm: "yes" }, both))) as Response;
      expect(new URL(confirmed.headers.get("Location")!, ORIGIN).searchParams.get("besked")).toBe("aendret");
      return { initial, result: null };
    }
    const grant = async () => (await database.db.select().from(relativeGrants).where(eq(relativeGrants.id, people.rikke.grantId)))[0]!;

    const first = await change([["scopes", "messages"], ["mayWriteMessages", "yes"]]);
    expect(first.initial).toMatchObject({ scopes: ["messages"], mayWriteMessages: false });
    expect(await grant()).toMatchObject({ scopes: ["messages"], mayWriteMessages: true });
    expect(unwrap(await openConversation(people.rikke.cookie)).data).toMatchObject({ mayWrite: true });

    // Dropping the scope but keeping the tick is refused, as the comment right without the preparation.
    const refusedChange = await change([["scopes", "plan"], ["mayWriteMessages", "yes"]]);
    expect(refusedChange.result?.status).toBe(400);
    expect(JSON.stringify(refusedChange.result?.data)).toContain("form.errors.writeNeedsMessages");

    const second = await change([["scopes", "plan"]]);
    expect(second.initial).toMatchObject({ mayWriteMessages: true });
    expect(await grant()).toMatchObject({ scopes: ["plan"], mayWriteMessages: false });
    refused(await openConversation(people.rikke.cookie));
    refused(await reply(people.rikke.cookie, { body: "Nu uden adgang" }));
  });
});

// The grant guard (migration 0020): only the participant decides what a grant allows, including
// the right to write in her messages. Row-level security binds only a real server's roles.
describe.skipIf(!serverUrl)("the right to write is the participant's to give (real Postgres, as portal_app)", () => {
  it("a relative cannot give herself may_write_messages; the participant can; the relative still chooses her reminder copy", async () => {
    await somePeople({ mayWriteMessages: false });
    const [{ name }] = (await database.db.execute(sql`select current_database() as name`)) as unknown as [{ name: string }];
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const owner = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await setupRoles(owner);
    url.username = "portal_app";
    url.password = "";
    const app = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const asPerson = (personId: string, statement: string) =>
      app
        .begin(async (tx) => {
          await tx`select set_config('minvej.person_id', ${personId}, true)`;
          return (await tx.unsafe(statement)).count;
        })
        .then(
          (count) => `ok:${count}`,
          (error: { code?: string }) => error.code ?? String(error),
        );
    try {
      const grantId = people.rikke.grantId;
      expect(await asPerson(people.rikke.personId, `update portal.relative_grants set may_write_messages = true where id = '${grantId}'`)).toBe("42501");
      expect(await asPerson(people.rikke.personId, `update portal.relative_grants set reminder_copy = true where id = '${grantId}'`)).toBe("ok:1");
      expect(await asPerson(people.mette.personId, `update portal.relative_grants set may_write_messages = true where id = '${grantId}'`)).toBe("ok:1");
    } finally {
      await Promise.all([owner.end(), app.end()]);
    }
  });
});
