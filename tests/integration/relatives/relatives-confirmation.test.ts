import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson } from "../../../db/builders";
import { auditEvents, invitations, relativeGrants } from "../../../db/schema";
import { createInvitation } from "~/features/relatives/commands.server";
import { addMonths } from "~/features/relatives/scopes";
import { requireAccess } from "~/features/relatives/index.server";
import { copenhagenDay } from "~/lib/dates";
import { loader as listLoader } from "~/features/relatives/routes/relatives";
import { action as confirmAction, loader as confirmLoader } from "~/features/relatives/routes/relatives-confirm";
import { loader as helpingLoader } from "~/features/relatives/routes/relatives-helping";
import { action as invitationAction, loader as invitationLoader } from "~/features/relatives/routes/relatives-invitation";
import { loader as logLoader } from "~/features/relatives/routes/relatives-log";
import { loader as sharedLayoutLoader } from "~/features/relatives/routes/relatives-shared";
import { loader as sharedPlanLoader } from "~/features/relatives/routes/relatives-shared-plan";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post, settle, contextFor } from "../../support/requests";
import { useMailSettings } from "../../support/smtp";
import { run, unwrap } from "../../support/routes";

// Issue 13, point 2: an invitation link works for whoever holds it. Until real MitID binding
// lands, an accepted invitation grants nothing until the participant has seen the accepting
// account's real name and confirmed it; participants and caseworkers can never accept; the list
// and the log always show the real account.

let database: TestDatabase;
let mailSettings: ReturnType<typeof useMailSettings>;

beforeAll(async () => {
  // Mail goes to the demo mailbox in a folder of this file's own.
  mailSettings = useMailSettings({ demoLogin: true, prefix: "minvej-relatives-confirm" });
  database = await createTestDatabase({ seed: false });
});
afterAll(async () => {
  await database.dispose();
  mailSettings.restore();
});

function isNotFound(result: unknown) {
  expect(result).toBeInstanceOf(Response);
  expect((result as Response).status).toBe(404);
}

const grantRow = async (grantId: string) => (await database.db.select().from(relativeGrants).where(eq(relativeGrants.id, grantId)))[0]!;

/**
 * Each test's own people (db/builders.ts), no demo seed: Sara Nielsen, the caseworker of Mette and
 * Ali (participants with a plan), and Jonas Hansen, who is not a participant and has no grant until
 * he answers Mette's invitation; each signed in. With what they do, as requests.
 */
async function somePeople() {
  const sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database.db);
  const jonas = await aPerson({ firstName: "Jonas", lastName: "Hansen" }).build(database.db);
  const metteBuilt = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } }).withCaseworker(sara).withPlan().build(database.db);
  const ali = await aParticipant({ person: { firstName: "Ali", lastName: "Hassan" } }).withCaseworker(sara).withPlan().build(database.db);
  const ids: Record<string, { personId: string; participantId: string | null }> = {};
  const cookies: Record<string, string> = {};
  for (const [key, person] of [["mette", metteBuilt], ["ali", ali], ["jonas", jonas], ["sara", sara]] as const) {
    ids[key] = { personId: person.personId, participantId: "participantId" in person ? person.participantId : null };
    cookies[key] = await cookieFor(person.demoKey);
  }
  const mette = metteBuilt.participantId;

  /** Mette invites someone she calls "Min bror" (the typed name is not who answers). */
  async function invite(email: string) {
    const created = await createInvitation(
      { personId: metteBuilt.personId, participantId: mette, requestId: null },
      { name: "Min bror", email, relation: "Bror", scopes: ["plan"], network: false, mayComment: false, bisidder: [], validUntil: addMonths(copenhagenDay(new Date()), 3) },
    );
    if (created.status !== "created") throw new Error(created.status);
    return created;
  }
  const answer = (who: string, token: string, value: "accept" | "decline" = "accept") =>
    run(invitationAction, post(`/invitation/${token}`, { answer: value }, cookies[who]), { token });
  const confirm = (who: string, grantId: string, value: string) =>
    run(confirmAction, post(`/paaroerende/${grantId}/bekraeft`, { answer: value }, cookies[who]), { grantId });
  const access = (who: string) => settle(async () => requireAccess(await contextFor(get(`/hjaelper/${mette}/min-plan`, cookies[who])), mette, "plan"));
  const sharedPlan = (who: string) => run(sharedPlanLoader, get(`/hjaelper/${mette}/min-plan`, cookies[who]), { participantId: mette });
  async function auditActions(grantId: string) {
    const rows = await database.db
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.participantId, mette));
    return rows.filter((row) => (row.details as { grantId?: string }).grantId === grantId).map((row) => row.action);
  }
  /** Mette invited "Min bror" and Jonas accepted: the grant waits for her. */
  async function acceptedByJonas() {
    const invited = await invite("jonas.hansen@example.com");
    expect(((await answer("jonas", invited.token)) as Response).headers.get("Location")).toBe("/hjaelper?afventer=1");
    expect((await grantRow(invited.grantId)).status).toBe("awaiting_confirmation");
    return invited.grantId;
  }
  return { ids, cookies, mette, invite, answer, confirm, access, sharedPlan, auditActions, acceptedByJonas };
}

describe("who may answer an invitation", () => {
  it("another participant who opens mette's link is refused calmly, sees no offer and gets nothing", async () => {
    const { cookies, invite, answer, access, sharedPlan } = await somePeople();
    const { grantId, token } = await invite("bror@example.com");
    const page = unwrap(await run(invitationLoader, get(`/invitation/${token}`, cookies.ali), { token }));
    expect(page).toMatchObject({ status: 403, data: { view: "calm", calm: "participant" } });
    expect(JSON.stringify(page.data)).not.toContain("scopes");
    expect(unwrap(await answer("ali", token))).toMatchObject({ status: 403, data: { calm: "participant" } });
    expect(unwrap(await answer("ali", token, "decline"))).toMatchObject({ status: 403, data: { calm: "participant" } });
    // Nothing changed: not bound, not used, no access; the right person can still use the link.
    expect(await grantRow(grantId)).toMatchObject({ status: "invited", relativePersonId: null });
    const [link] = await database.db.select().from(invitations).where(eq(invitations.grantId, grantId));
    expect(link!.usedAt).toBeNull();
    isNotFound(await access("ali"));
    isNotFound(await sharedPlan("ali"));
    expect(unwrap(await run(invitationLoader, get(`/invitation/${token}`, cookies.jonas), { token })).data).toMatchObject({ view: "answer" });
  });

  it("the caseworker who opens the link is refused calmly and gets nothing", async () => {
    const { cookies, invite, answer, access } = await somePeople();
    const { grantId, token } = await invite("bror2@example.com");
    expect(unwrap(await run(invitationLoader, get(`/invitation/${token}`, cookies.sara), { token }))).toMatchObject({
      status: 403,
      data: { view: "calm", calm: "caseworker" },
    });
    expect(unwrap(await answer("sara", token))).toMatchObject({ status: 403, data: { calm: "caseworker" } });
    expect(await grantRow(grantId)).toMatchObject({ status: "invited", relativePersonId: null });
    isNotFound(await access("sara"));
  });
});

describe("accepted, but not confirmed", () => {
  it("jonas accepts: the grant waits for mette and grants nothing, /hjaelper/:id is 404", async () => {
    const { ids, cookies, mette, invite, answer, access, sharedPlan, auditActions } = await somePeople();
    const invited = await invite("jonas.hansen@example.com");
    const grantId = invited.grantId;
    const response = (await answer("jonas", invited.token)) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/hjaelper?afventer=1");
    expect(await grantRow(grantId)).toMatchObject({ status: "awaiting_confirmation", relativePersonId: ids.jonas!.personId });
    isNotFound(await access("jonas"));
    isNotFound(await sharedPlan("jonas"));
    isNotFound(await run(sharedLayoutLoader, get(`/hjaelper/${mette}`, cookies.jonas), { participantId: mette }));
    const helping = unwrap(await run(helpingLoader, get("/hjaelper?afventer=1", cookies.jonas))).data as { helped: unknown[]; awaiting: boolean };
    expect(helping).toMatchObject({ helped: [], awaiting: true });
    expect(await auditActions(grantId)).toContain("relatives.accepted");
  });

  it("mette's list names the real account, not the name she typed, and asks her", async () => {
    const { cookies, invite, acceptedByJonas } = await somePeople();
    // Jonas accepted; two more invitations, sent after, still wait for an answer.
    const grantId = await acceptedByJonas();
    await invite("bror@example.com");
    await invite("bror2@example.com");
    const list = unwrap(await run(listLoader, get("/paaroerende", cookies.mette))).data as {
      grants: { id: string; name: string; invitedName: string; accountName: string | null; state: string }[];
    };
    const grant = list.grants.find((entry) => entry.id === grantId);
    expect(grant).toMatchObject({ name: "Jonas Hansen", accountName: "Jonas Hansen", invitedName: "Min bror", state: "awaitingConfirmation" });
    // Waiting grants come first: she sees the question at the top.
    expect(list.grants[0]!.id).toBe(grantId);
  });

  it("nobody but mette can answer for her: jonas, ali and the caseworker get 404 and nothing changes", async () => {
    const { cookies, confirm, acceptedByJonas } = await somePeople();
    const grantId = await acceptedByJonas();
    for (const who of ["jonas", "ali", "sara"]) {
      isNotFound(await confirm(who, grantId, "confirm"));
      isNotFound(await run(confirmLoader, get(`/paaroerende/${grantId}/bekraeft`, cookies[who]), { grantId }));
    }
    isNotFound(await confirm("mette", "not-a-uuid", "confirm"));
    expect((await grantRow(grantId)).status).toBe("awaiting_confirmation");
    // Anything but confirm or reject changes nothing either.
    expect(((await confirm("mette", grantId, "maybe")) as Response).headers.get("Location")).toBe("/paaroerende");
    expect((await grantRow(grantId)).status).toBe("awaiting_confirmation");
  });

  it("mette rejects: nothing is granted, ever, and the log names the real account", async () => {
    const { cookies, confirm, access, sharedPlan, auditActions, acceptedByJonas } = await somePeople();
    const grantId = await acceptedByJonas();
    const response = (await confirm("mette", grantId, "reject")) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/paaroerende?besked=afvist&id=${grantId}#adgang-${grantId}`);
    expect(await grantRow(grantId)).toMatchObject({ status: "withdrawn" });
    isNotFound(await access("jonas"));
    isNotFound(await sharedPlan("jonas"));
    // A rejected grant cannot be confirmed afterwards.
    await confirm("mette", grantId, "confirm");
    expect((await grantRow(grantId)).status).toBe("withdrawn");
    isNotFound(await access("jonas"));
    expect(await auditActions(grantId)).toEqual(expect.arrayContaining(["relatives.invited", "relatives.accepted", "relatives.rejected"]));
    const log = unwrap(await run(logLoader, get("/paaroerende/log", cookies.mette))).data as {
      entries: { action: string; actorName: string | null; details: { grantName?: string; invitedAs?: string } }[];
    };
    const about = log.entries.filter((entry) => ["relatives.invited", "relatives.rejected", "relatives.accepted"].includes(entry.action));
    expect(about.find((entry) => entry.action === "relatives.accepted")?.actorName).toBe("Jonas Hansen");
    expect(about.find((entry) => entry.action === "relatives.rejected")?.details).toMatchObject({ grantName: "Jonas Hansen", invitedAs: "Min bror" });
    expect(about.find((entry) => entry.action === "relatives.invited")?.details).toMatchObject({ grantName: "Jonas Hansen", invitedAs: "Min bror" });
  });

  it("after mette confirms, jonas has access from the next request", async () => {
    const { ids, mette, invite, answer, confirm, access, sharedPlan, auditActions } = await somePeople();
    const invited = await invite("jonas.privat@example.com");
    await answer("jonas", invited.token);
    isNotFound(await access("jonas"));
    const response = (await confirm("mette", invited.grantId, "confirm")) as Response;
    expect(response.headers.get("Location")).toBe(`/paaroerende?besked=bekraeftet&id=${invited.grantId}#adgang-${invited.grantId}`);
    expect(await grantRow(invited.grantId)).toMatchObject({ status: "active", relativePersonId: ids.jonas!.personId });
    expect(await access("jonas")).not.toBeInstanceOf(Response);
    expect(unwrap(await sharedPlan("jonas")).status).toBe(200);
    expect(await auditActions(invited.grantId)).toContain("relatives.confirmed");
    // Confirming twice changes nothing and writes no second audit row.
    await confirm("mette", invited.grantId, "confirm");
    expect((await auditActions(invited.grantId)).filter((action) => action === "relatives.confirmed")).toHaveLength(1);
    const [row] = await database.db
      .select({ n: relativeGrants.id })
      .from(relativeGrants)
      .where(and(eq(relativeGrants.participantId, mette), eq(relativeGrants.relativePersonId, ids.jonas!.personId), eq(relativeGrants.status, "active")));
    expect(row).toBeDefined();
  });
});
