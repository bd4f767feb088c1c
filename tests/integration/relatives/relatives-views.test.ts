import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson } from "../../../db/builders";
import {
  auditEvents,
  cvProfiles,
  invitations,
  networkPeople,
  preparationComments,
  preparationParts,
  relativeGrants,
  workWishes,
} from "../../../db/schema";
import { setSharing } from "~/features/network/commands.server";
import { REMARK_MAX } from "~/features/preparation/remarks";
import { deliverDueMail } from "~/features/jobs/outbox.server";
import { findInvitation } from "~/features/relatives/queries.server";
import { addMonths, dayParts } from "~/features/relatives/scopes";
import { recordAudit } from "~/lib/audit.server";
import { copenhagenDay } from "~/lib/dates";
import { action as cvAboutAction } from "~/features/cv/routes/cv-about";
import { action as networkAction } from "~/features/network/routes/network";
import { action as prepCheckAction, loader as prepCheckLoader } from "~/features/preparation/routes/preparation-check";
import { action as prepPartAction, loader as prepPartLoader } from "~/features/preparation/routes/preparation-part";
import { action as remarkChoiceAction } from "~/features/preparation/routes/preparation-remark";
import { loader as listLoader } from "~/features/relatives/routes/relatives";
import { action as changeAction, loader as changeLoader } from "~/features/relatives/routes/relatives-change";
import { action as checkAction, loader as checkLoader } from "~/features/relatives/routes/relatives-check";
import { action as inviteAction } from "~/features/relatives/routes/relatives-invite";
import { action as invitationAction } from "~/features/relatives/routes/relatives-invitation";
import { action as confirmAction } from "~/features/relatives/routes/relatives-confirm";
import { loader as logLoader } from "~/features/relatives/routes/relatives-log";
import { action as resendAction } from "~/features/relatives/routes/relatives-resend";
import { loader as sharedCvLoader } from "~/features/relatives/routes/relatives-shared-cv";
import { loader as sharedHomeLoader } from "~/features/relatives/routes/relatives-shared-home";
import { loader as sharedNetworkLoader } from "~/features/relatives/routes/relatives-shared-network";
import { loader as sharedPlanLoader } from "~/features/relatives/routes/relatives-shared-plan";
import { action as sharedPartAction, loader as sharedPartLoader } from "~/features/relatives/routes/relatives-shared-preparation-part";
import { loader as sharedPreparationLoader } from "~/features/relatives/routes/relatives-shared-preparation";
import { action as withdrawAction } from "~/features/relatives/routes/relatives-withdraw";
import { invitationMailFor } from "../../support/invitations";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, ORIGIN, post } from "../../support/requests";
import { useMailSettings } from "../../support/smtp";
import { run, unwrap } from "../../support/routes";

/**
 * Pårørende, the second round: the relative's preparation, CV and network views, "Jonas'
 * bemærkninger", changing and re-sending a grant, and caseworker reads in the access log.
 * Every "no" case is counted (the note to the lead reports the number).
 */

let database: TestDatabase;
let mailSettings: ReturnType<typeof useMailSettings>;
const cookies: Record<string, string> = {};
const ids: Record<string, { personId: string; participantId: string | null }> = {};

let refusedCases = 0;
let allowedCases = 0;
function refused(result: unknown, status = 404) {
  refusedCases++;
  expect(result).toBeInstanceOf(Response);
  expect((result as Response).status).toBe(status);
}
function allowed(result: unknown) {
  allowedCases++;
  return unwrap(result);
}

/**
 * Each test's own people (db/builders.ts), no demo seed: Sara Nielsen, the caseworker of Mette and
 * Ali; Mette with a plan, a CV, a network map (stances and notes) and a preparation where
 * "Uddannelse og arbejde" is done and "Mine ressourcer" started; Ali with nothing; Jonas Hansen,
 * not a participant and with no grant until Mette invites him. They replace the previous test's
 * people in `ids` and `cookies`, which the helpers below read (the tests of a file run one at a time).
 */
async function somePeople() {
  for (const key of Object.keys(ids)) delete ids[key];
  for (const key of Object.keys(cookies)) delete cookies[key];
  const sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database.db);
  const jonas = await aPerson({ firstName: "Jonas", lastName: "Hansen" }).build(database.db);
  const mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } })
    .withCaseworker(sara)
    .withPlan()
    .withCv()
    .withPreparation([
      { part: "about_meeting", status: "done", version: 1 },
      {
        part: "education_work",
        status: "done",
        version: 2,
        answers: { education: "", work: "Genbrugsbutikken om lørdagen.", goodAt: "Jeg er god til at holde orden og til at tale med kunderne." },
      },
      { part: "resources", status: "in_progress", version: 1, answers: { energy: "Gåture om morgenen.", interests: "", worksWell: "" } },
    ])
    .withNetwork([
      { name: "Jonas Hansen", relation: "Min bror", sector: "family", closeness: "close", stance: "helps", note: "Kører mig til lægen." },
      { name: "Thomas", relation: "Frejas far", sector: "family", closeness: "middle", stance: "holds_back", note: "Vi taler kun om Freja." },
      { name: "Lone", relation: "Veninde", sector: "friends", closeness: "further", stance: "both", note: null },
    ])
    .build(database.db);
  const ali = await aParticipant({ person: { firstName: "Ali", lastName: "Hassan" } }).withCaseworker(sara).withPlan().build(database.db);
  for (const [key, person] of [["mette", mette], ["ali", ali], ["jonas", jonas], ["sara", sara]] as const) {
    ids[key] = { personId: person.personId, participantId: "participantId" in person ? person.participantId : null };
    cookies[key] = await cookieFor(person.demoKey);
  }
}

beforeAll(async () => {
  // Mail goes to the demo mailbox in a folder of this file's own.
  mailSettings = useMailSettings({ demoLogin: true, prefix: "minvej-relatives-views-mail" });
  database = await createTestDatabase({ seed: false });
});
afterAll(async () => {
  await database.dispose();
  mailSettings.restore();
  console.log(
    `relatives views: ${refusedCases} refused and ${allowedCases} allowed access cases checked (${refusedCases + allowedCases} in all)`,
  );
});

const today = () => copenhagenDay(new Date());
const pid = (key: string) => ids[key]!.participantId!;
const mette = () => pid("mette");

function postMany(pathname: string, entries: [string, string][], cookie: string): Request {
  return new Request(ORIGIN + pathname, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, Cookie: cookie },
    body: new URLSearchParams(entries),
  });
}

interface Terms {
  scopes?: string[];
  network?: boolean;
  mayComment?: boolean;
  bisidder?: string[];
  validUntil?: string;
}

function termEntries(form: Terms): [string, string][] {
  const until = dayParts(form.validUntil ?? addMonths(today(), 3));
  return [
    ...(form.scopes ?? ["plan", "preparation"]).map((scope): [string, string] => ["scopes", scope]),
    ...(form.network ? [["scopes", "network"] as [string, string]] : []),
    ...(form.mayComment ? [["mayComment", "yes"] as [string, string]] : []),
    ...(form.bisidder ?? []).map((id): [string, string] => ["bisidder", id]),
    ["validUntil.day", until.day],
    ["validUntil.month", until.month],
    ["validUntil.year", until.year],
  ];
}

async function invite(who: string, email: string, name: string, terms: Terms) {
  const form = await run(
    inviteAction,
    postMany("/paaroerende/inviter", [["name", name], ["email", email], ["relation", "Bror"], ...termEntries(terms)], cookies[who]!),
  );
  expect(form).toBeInstanceOf(Response);
  const draft = (form as Response).headers.get("Set-Cookie")!.split(";")[0]!;
  const both = `${cookies[who]}; ${draft}`;
  const confirmed = (await run(checkAction, post("/paaroerende/inviter/tjek", { confirm: "yes" }, both))) as Response;
  const location = new URL(confirmed.headers.get("Location")!, ORIGIN);
  expect(location.searchParams.get("besked")).toBe("sendt");
  const grantId = location.searchParams.get("id")!;
  // The job worker writes the queued mail to the demo mailbox (after the commit).
  await deliverDueMail();
  const { token } = await invitationMailFor(database.db, grantId);
  return { grantId, token };
}

const grantRow = async (grantId: string) => (await database.db.select().from(relativeGrants).where(eq(relativeGrants.id, grantId)))[0]!;
const at = (participantId: string, extra: Record<string, string> = {}) => ({ participantId, ...extra });
const partPath = (slug: string) => `/hjaelper/${mette()}/forberedelse/${slug}`;

/** "Ret adgangen": the form, then the check page's confirmation. Returns the draft cookie after the form. */
async function changeForm(grantId: string, terms: Terms, who = "mette") {
  const page = await run(changeLoader, get(`/paaroerende/${grantId}/ret`, cookies[who]), { grantId });
  if (page instanceof Response) return { page, draft: null };
  const { basis } = unwrap(page).data as { basis: string };
  const result = await run(
    changeAction,
    postMany(`/paaroerende/${grantId}/ret`, [["basis", basis], ...termEntries(terms)], cookies[who]!),
    { grantId },
  );
  if (!(result instanceof Response)) return { page: result, draft: null };
  expect(result.headers.get("Location")).toBe("/paaroerende/inviter/tjek");
  return { page: result, draft: result.headers.get("Set-Cookie")!.split(";")[0]! };
}

async function confirmChange(draft: string, who = "mette") {
  return run(checkAction, post("/paaroerende/inviter/tjek", { confirm: "yes" }, `${cookies[who]}; ${draft}`));
}

async function change(grantId: string, terms: Terms) {
  const { draft } = await changeForm(grantId, terms);
  const confirmed = (await confirmChange(draft!)) as Response;
  expect(confirmed.status).toBe(302);
  expect(new URL(confirmed.headers.get("Location")!, ORIGIN).searchParams.get("besked")).toBe("aendret");
}

function remark(slug: string, body: string, who = "jonas") {
  return run(sharedPartAction, post(partPath(slug), { body }, cookies[who]), at(mette(), { part: slug }));
}

/** Mette invited Jonas with these terms, he accepted and she confirmed: his grant is active. */
async function jonasConfirmed(terms: Terms = { scopes: ["plan", "preparation"], mayComment: true }) {
  const invited = await invite("mette", "jonas.hansen@example.com", "Jonas Hansen", terms);
  const accepted = (await run(invitationAction, post(`/invitation/${invited.token}`, { answer: "accept" }, cookies.jonas), {
    token: invited.token,
  })) as Response;
  expect(accepted.status).toBe(302);
  const confirmed = (await run(confirmAction, post(`/paaroerende/${invited.grantId}/bekraeft`, { answer: "confirm" }, cookies.mette), {
    grantId: invited.grantId,
  })) as Response;
  expect(confirmed.status).toBe(302);
  expect((await grantRow(invited.grantId)).status).toBe("active");
  return invited.grantId;
}

/** Every grant a relative can have: the plan, the preparation (with the comment right), the CV and the network. */
const EVERYTHING: Terms = { scopes: ["plan", "preparation", "cv"], network: true, mayComment: true };

/** Jonas' remarks, wherever they are stored. */
const jonasRemarks = () => database.db.select().from(preparationComments).where(eq(preparationComments.authorPersonId, ids.jonas!.personId));

/** Jonas wrote a remark on Mette's "Uddannelse og arbejde" (she has not included it). Returns its id. */
async function jonasRemarked() {
  expect(((await remark("uddannelse-og-arbejde", "Mette er god til at tale med kunderne.")) as Response).status).toBe(302);
  const [row] = await jonasRemarks();
  return row!.id;
}

/** The audit rows of one action about Mette. */
const auditOfMette = (action: string) =>
  database.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.participantId, mette())));

describe("the relative's preparation, and Jonas' bemærkninger", () => {
  it("mette invites jonas to the plan and the preparation with the comment right; jonas accepts", async () => {
    await somePeople();
    const invited = await invite("mette", "jonas.hansen@example.com", "Jonas Hansen", {
      scopes: ["plan", "preparation"],
      mayComment: true,
    });
    const grantId = invited.grantId;
    const accepted = (await run(invitationAction, post(`/invitation/${invited.token}`, { answer: "accept" }, cookies.jonas), {
      token: invited.token,
    })) as Response;
    expect(accepted.status).toBe(302);
    // Nothing is granted until mette has seen his real name and confirmed it is him.
    expect((await grantRow(grantId)).status).toBe("awaiting_confirmation");
    const confirmed = (await run(confirmAction, post(`/paaroerende/${grantId}/bekraeft`, { answer: "confirm" }, cookies.mette), {
      grantId,
    })) as Response;
    expect(confirmed.status).toBe(302);
    expect((await grantRow(grantId)).status).toBe("active");
    const home = allowed(await run(sharedHomeLoader, get(`/hjaelper/${mette()}`, cookies.jonas), at(mette())));
    expect((home.data as { links: { scope: string }[] }).links.map((link) => link.scope)).toEqual(["plan", "preparation"]);
  });

  it("jonas reads mette's preparation as it stands, and only what her pages show", async () => {
    await somePeople();
    await jonasConfirmed();
    const page = allowed(await run(sharedPreparationLoader, get(`/hjaelper/${mette()}/forberedelse`, cookies.jonas), at(mette())));
    const data = page.data as { mayComment: boolean; parts: { key: string; status: string; answers: Record<string, string> }[] };
    expect(data.mayComment).toBe(true);
    expect(data.parts.map((part) => part.key)).not.toContain("about_meeting");
    const education = data.parts.find((part) => part.key === "education_work")!;
    expect(education.status).toBe("done");
    expect(education.answers.goodAt).toContain("holde orden");
    // Nothing about sharing with the caseworker or versions reaches the relative.
    expect(JSON.stringify(data)).not.toMatch(/"version"|"share"|sharedAt/);
    const viewed = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "relatives.viewed"), eq(auditEvents.participantId, mette())));
    expect(viewed.some((row) => (row.details as { page?: string }).page === "preparation")).toBe(true);
  });

  it("a part that is not a writable part is 404; CV and network outside the scopes are 404", async () => {
    await somePeople();
    await jonasConfirmed();
    refused(await run(sharedPartLoader, get(partPath("om-moedet"), cookies.jonas), at(mette(), { part: "om-moedet" })));
    refused(await run(sharedPartLoader, get(partPath("findes-ikke"), cookies.jonas), at(mette(), { part: "findes-ikke" })));
    refused(await run(sharedCvLoader, get(`/hjaelper/${mette()}/cv`, cookies.jonas), at(mette())));
    refused(await run(sharedNetworkLoader, get(`/hjaelper/${mette()}/netvaerk`, cookies.jonas), at(mette())));
    // Ali has no grant from mette: none of her preparation.
    refused(await run(sharedPreparationLoader, get(`/hjaelper/${mette()}/forberedelse`, cookies.ali), at(mette())));
    refused(await remark("uddannelse-og-arbejde", "Ali skriver", "ali"));
    // Mette herself on the relative's URL: roles never mix.
    refused(await run(sharedPreparationLoader, get(`/hjaelper/${mette()}/forberedelse`, cookies.mette), at(mette())));
    refused(await remark("uddannelse-og-arbejde", "Mette skriver", "mette"));
  });

  it("jonas writes a remark: limits are checked, HTML stays text, the audit row holds no text", async () => {
    await somePeople();
    const grantId = await jonasConfirmed();
    const empty = unwrap(await remark("uddannelse-og-arbejde", "   "));
    expect(empty.status).toBe(400);
    const tooLong = unwrap(await remark("uddannelse-og-arbejde", "x".repeat(REMARK_MAX + 1)));
    expect(tooLong.status).toBe(400);
    expect(await jonasRemarks()).toHaveLength(0);

    const body = "Mette er <b>god</b> til at tale med kunderne.\r\nDet har jeg set.";
    const saved = (await remark("uddannelse-og-arbejde", body)) as Response;
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`${partPath("uddannelse-og-arbejde")}?besked=gemt#bemaerkninger`);
    // A double submit stores it once.
    await remark("uddannelse-og-arbejde", body);
    const rows = await jonasRemarks();
    expect(rows).toHaveLength(1);
    const remarkId = rows[0]!.id;
    expect(rows[0]).toMatchObject({
      body: "Mette er <b>god</b> til at tale med kunderne.\nDet har jeg set.",
      authorPersonId: ids.jonas!.personId,
      includeWhenShared: false,
    });
    const [audit, ...more] = await auditOfMette("relatives.commented");
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      actorPersonId: ids.jonas!.personId,
      participantId: mette(),
      details: { grantId, part: "education_work", commentId: remarkId },
    });
    expect(JSON.stringify(audit!.details)).not.toContain("kunderne");

    const page = allowed(
      await run(sharedPartLoader, get(partPath("uddannelse-og-arbejde"), cookies.jonas), at(mette(), { part: "uddannelse-og-arbejde" })),
    );
    expect((page.data as { remarks: { body: string }[] }).remarks.map((item) => item.body)).toEqual([rows[0]!.body]);
  });

  it("a part mette has not started cannot carry remarks (the relative never creates her rows)", async () => {
    await somePeople();
    await jonasConfirmed();
    refused(await remark("mine-spoergsmaal", "Husk at spørge om timerne"));
    const [row] = await database.db
      .select()
      .from(preparationParts)
      .where(and(eq(preparationParts.participantId, mette()), eq(preparationParts.part, "questions")));
    expect(row).toBeUndefined();
  });

  it("jonas cannot write anything else: every participant route is 404 for him and nothing changes", async () => {
    await somePeople();
    await jonasConfirmed();
    const remarkId = await jonasRemarked();
    const before = await database.db.select().from(preparationParts).where(eq(preparationParts.participantId, mette()));
    refused(
      await run(prepPartAction, post("/forberedelse/uddannelse-og-arbejde", { version: "2", goodAt: "Jonas skrev" }, cookies.jonas), {
        part: "uddannelse-og-arbejde",
      }),
    );
    refused(await run(prepPartLoader, get("/forberedelse/uddannelse-og-arbejde", cookies.jonas), { part: "uddannelse-og-arbejde" }));
    refused(
      await run(prepCheckAction, post("/forberedelse/tjek-og-del", { parts: "education_work", "seen.education_work": "2" }, cookies.jonas)),
    );
    refused(
      await run(remarkChoiceAction, post(`/forberedelse/bemaerkning/${remarkId}`, { include: "yes" }, cookies.jonas), {
        commentId: remarkId,
      }),
    );
    refused(await run(networkAction, post("/netvaerk", { intent: "share", includeStance: "on" }, cookies.jonas)));
    refused(await run(cvAboutAction, post("/cv/om-mig", { summary: "Jonas skrev", version: "1" }, cookies.jonas)));
    const after = await database.db.select().from(preparationParts).where(eq(preparationParts.participantId, mette()));
    expect(after).toEqual(before);
    const [comment] = await database.db.select().from(preparationComments).where(eq(preparationComments.id, remarkId));
    expect(comment!.includeWhenShared).toBe(false);
  });

  it("mette sees 'Jonas' bemærkninger' on her part page and on Tjek og del, and decides per remark", async () => {
    await somePeople();
    await jonasConfirmed();
    const remarkId = await jonasRemarked();
    const part = unwrap(
      await run(prepPartLoader, get("/forberedelse/uddannelse-og-arbejde", cookies.mette), { part: "uddannelse-og-arbejde" }),
    ).data as {
      remarks: { id: string; authorFirstName: string; includeWhenShared: boolean }[];
    };
    expect(part.remarks).toEqual([expect.objectContaining({ id: remarkId, authorFirstName: "Jonas", includeWhenShared: false })]);
    const check = unwrap(await run(prepCheckLoader, get("/forberedelse/tjek-og-del", cookies.mette))).data as { remarks: { id: string }[] };
    expect(check.remarks.map((item) => item.id)).toEqual([remarkId]);

    const included = (await run(
      remarkChoiceAction,
      post(`/forberedelse/bemaerkning/${remarkId}`, { include: "yes", back: "tjek-og-del" }, cookies.mette),
      { commentId: remarkId },
    )) as Response;
    expect(included.headers.get("Location")).toBe("/forberedelse/tjek-og-del?bemaerkning=med#bemaerkninger-education_work");
    // Stored on the remark: the caseworker's view reads include_when_shared on shared parts.
    expect((await database.db.select().from(preparationComments).where(eq(preparationComments.id, remarkId)))[0]!.includeWhenShared).toBe(
      true,
    );
    const [choice] = await auditOfMette("preparation.remark_included");
    expect(choice).toMatchObject({ actorPersonId: ids.mette!.personId, details: { commentId: remarkId, include: true } });
    // An outside "back" address is never followed.
    const outside = (await run(
      remarkChoiceAction,
      post(`/forberedelse/bemaerkning/${remarkId}`, { include: "no", back: "https://example.com" }, cookies.mette),
      { commentId: remarkId },
    )) as Response;
    expect(outside.headers.get("Location")).toMatch(/^\/forberedelse\/tjek-og-del\?/);
    expect((await database.db.select().from(preparationComments).where(eq(preparationComments.id, remarkId)))[0]!.includeWhenShared).toBe(
      false,
    );
    await run(
      remarkChoiceAction,
      post(`/forberedelse/bemaerkning/${remarkId}`, { include: "yes", back: "uddannelse-og-arbejde" }, cookies.mette),
      { commentId: remarkId },
    );
    // Another participant cannot decide over mette's remarks; a malformed id is 404 too.
    refused(
      await run(remarkChoiceAction, post(`/forberedelse/bemaerkning/${remarkId}`, { include: "no" }, cookies.ali), { commentId: remarkId }),
    );
    refused(
      await run(remarkChoiceAction, post(`/forberedelse/bemaerkning/not-an-id`, { include: "no" }, cookies.mette), {
        commentId: "not-an-id",
      }),
    );
    expect((await database.db.select().from(preparationComments).where(eq(preparationComments.id, remarkId)))[0]!.includeWhenShared).toBe(
      true,
    );
  });

  it("jonas can delete only his own remarks", async () => {
    await somePeople();
    await jonasConfirmed();
    const remarkId = await jonasRemarked();
    // A remark by someone else on the same part (another relative).
    const [part] = await database.db
      .select()
      .from(preparationParts)
      .where(and(eq(preparationParts.participantId, mette()), eq(preparationParts.part, "education_work")));
    const [other] = await database.db
      .insert(preparationComments)
      .values({ preparationPartId: part!.id, authorPersonId: ids.ali!.personId, body: "Alis bemærkning" })
      .returning();
    const seen = unwrap(
      await run(sharedPartLoader, get(partPath("uddannelse-og-arbejde"), cookies.jonas), at(mette(), { part: "uddannelse-og-arbejde" })),
    ).data as {
      remarks: { id: string }[];
    };
    expect(seen.remarks.map((item) => item.id)).toEqual([remarkId]);
    refused(
      await run(
        sharedPartAction,
        post(partPath("uddannelse-og-arbejde"), { intent: "delete", commentId: other!.id }, cookies.jonas),
        at(mette(), { part: "uddannelse-og-arbejde" }),
      ),
    );
    expect(await database.db.select().from(preparationComments).where(eq(preparationComments.id, other!.id))).toHaveLength(1);
    // His own, written for the test and deleted again.
    await remark("mine-ressourcer", "Gåturene gør dig godt.");
    const [mine] = (await jonasRemarks()).filter((row) => row.body === "Gåturene gør dig godt.");
    const deleted = (await run(
      sharedPartAction,
      post(partPath("mine-ressourcer"), { intent: "delete", commentId: mine!.id }, cookies.jonas),
      at(mette(), { part: "mine-ressourcer" }),
    )) as Response;
    expect(deleted.headers.get("Location")).toBe(`${partPath("mine-ressourcer")}?besked=slettet#bemaerkninger`);
    expect(await database.db.select().from(preparationComments).where(eq(preparationComments.id, mine!.id))).toHaveLength(0);
    const [audit] = await auditOfMette("relatives.comment_deleted");
    expect(audit).toMatchObject({ actorPersonId: ids.jonas!.personId, details: { commentId: mine!.id, part: "resources" } });
  });
});

describe("changing a grant", () => {
  it("mette removes the comment right: jonas still reads, but a remark POST is 404", async () => {
    await somePeople();
    const grantId = await jonasConfirmed();
    const remarkId = await jonasRemarked();
    await change(grantId, { scopes: ["plan", "preparation"], mayComment: false });
    const row = await grantRow(grantId);
    expect(row.mayComment).toBe(false);
    const [audit] = await auditOfMette("relatives.changed");
    expect(audit).toMatchObject({
      actorPersonId: ids.mette!.personId,
      details: { grantId, grantName: "Jonas Hansen", mayComment: false, before: { mayComment: true } },
    });
    const page = allowed(
      await run(sharedPartLoader, get(partPath("uddannelse-og-arbejde"), cookies.jonas), at(mette(), { part: "uddannelse-og-arbejde" })),
    );
    expect((page.data as { mayComment: boolean }).mayComment).toBe(false);
    refused(await remark("uddannelse-og-arbejde", "Uden ret"));
    refused(
      await run(
        sharedPartAction,
        post(partPath("uddannelse-og-arbejde"), { intent: "delete", commentId: remarkId }, cookies.jonas),
        at(mette(), { part: "uddannelse-og-arbejde" }),
      ),
    );
    expect(await database.db.select().from(preparationComments).where(eq(preparationComments.id, remarkId))).toHaveLength(1);
  });

  it("the comment right still needs the preparation; the check page and its hook are the invitation's", async () => {
    await somePeople();
    const grantId = await jonasConfirmed();
    const bad = await changeForm(grantId, { scopes: ["plan"], mayComment: true });
    expect(unwrap(bad.page).status).toBe(400);
    const { draft } = await changeForm(grantId, { scopes: ["plan", "preparation", "cv"], network: true, mayComment: true });
    const check = unwrap(await run(checkLoader, get("/paaroerende/inviter/tjek", `${cookies.mette}; ${draft}`))).data as {
      change: { grantId: string } | null;
      draft: { name: string; email: string };
      scopes: string[];
    };
    expect(check.change?.grantId).toBe(grantId);
    expect(check.draft).toMatchObject({ name: "Jonas Hansen", email: "jonas.hansen@example.com" });
    expect(check.scopes).toEqual(["plan", "preparation", "cv", "network"]);
    // Without the confirmation nothing changes.
    const unconfirmed = (await run(checkAction, post("/paaroerende/inviter/tjek", {}, `${cookies.mette}; ${draft}`))) as Response;
    expect(unconfirmed.headers.get("Location")).toBe("/paaroerende/inviter/tjek");
    expect((await grantRow(grantId)).scopes).toEqual(["plan", "preparation"]);
    // A draft is the participant's own: ali cannot use mette's.
    const aliUses = (await run(checkAction, post("/paaroerende/inviter/tjek", { confirm: "yes" }, `${cookies.ali}; ${draft}`))) as Response;
    expect(aliUses.headers.get("Location")).toBe("/paaroerende/inviter");
    refusedCases++;
    const confirmed = (await confirmChange(draft!)) as Response;
    expect(new URL(confirmed.headers.get("Location")!, ORIGIN).searchParams.get("besked")).toBe("aendret");
    expect(await grantRow(grantId)).toMatchObject({ scopes: ["plan", "preparation", "cv", "network"], mayComment: true });
  });

  it("a change made from a stale page is refused calmly, and so is one after a withdrawal", async () => {
    await somePeople();
    const grantId = await jonasConfirmed(EVERYTHING);
    const { draft } = await changeForm(grantId, {
      scopes: ["plan", "preparation", "cv", "network"],
      mayComment: true,
      validUntil: addMonths(today(), 6),
    });
    // Meanwhile (another tab) the end date changes.
    await change(grantId, { scopes: ["plan", "preparation", "cv", "network"], mayComment: true, validUntil: addMonths(today(), 4) });
    const stale = unwrap(await confirmChange(draft!));
    expect(stale).toMatchObject({ status: 409, data: { problem: "stale", grantId } });
    expect((await grantRow(grantId)).validUntil).toBe(addMonths(today(), 4));

    const other = await invite("mette", "naboen@example.dk", "Kim Nabo", { scopes: ["plan"] });
    const { draft: otherDraft } = await changeForm(other.grantId, { scopes: ["plan", "appointments"] });
    await run(withdrawAction, post(`/paaroerende/${other.grantId}/tilbagekald`, { confirm: "yes" }, cookies.mette), {
      grantId: other.grantId,
    });
    const gone = unwrap(await confirmChange(otherDraft!));
    expect(gone).toMatchObject({ status: 409, data: { problem: "gone" } });
    expect((await grantRow(other.grantId)).scopes).toEqual(["plan"]);
    // Opening the change page of a withdrawn grant explains it on the list.
    const page = (await run(changeLoader, get(`/paaroerende/${other.grantId}/ret`, cookies.mette), { grantId: other.grantId })) as Response;
    expect(page.headers.get("Location")).toBe(`/paaroerende?besked=kan-ikke-rettes&id=${other.grantId}#adgang-${other.grantId}`);
  });

  it("nobody but the participant can change her grant", async () => {
    await somePeople();
    const grantId = await jonasConfirmed(EVERYTHING);
    refused(await run(changeLoader, get(`/paaroerende/${grantId}/ret`, cookies.ali), { grantId }));
    refused(await run(changeAction, postMany(`/paaroerende/${grantId}/ret`, termEntries({ scopes: ["plan"] }), cookies.ali!), { grantId }));
    refused(await run(changeLoader, get(`/paaroerende/${grantId}/ret`, cookies.jonas), { grantId }));
    refused(
      await run(changeAction, postMany(`/paaroerende/${grantId}/ret`, termEntries({ scopes: ["plan"] }), cookies.jonas!), { grantId }),
    );
    refused(await run(changeLoader, get(`/paaroerende/not-a-uuid/ret`, cookies.mette), { grantId: "not-a-uuid" }));
    expect((await grantRow(grantId)).scopes).toEqual(["plan", "preparation", "cv", "network"]);
  });
});

describe("the relative's CV and network views", () => {
  it("the CV shows what mette's own preview shows: hidden contact details and skånehensyn stay out", async () => {
    await somePeople();
    await jonasConfirmed(EVERYTHING);
    await database.db
      .insert(cvProfiles)
      .values({ participantId: mette(), contactVisibility: { phone: false } })
      .onConflictDoUpdate({ target: cvProfiles.participantId, set: { contactVisibility: { phone: false } } });
    await database.db
      .insert(workWishes)
      .values({ participantId: mette(), accommodations: "Jeg skal kunne holde pauser", showAccommodationsOnCv: false });
    const page = allowed(await run(sharedCvLoader, get(`/hjaelper/${mette()}/cv`, cookies.jonas), at(mette())));
    const doc = (
      page.data as {
        doc: { name: string; contact: { phone: string | null; email: string | null }; wishes: { accommodations: string | null } };
      }
    ).doc;
    expect(doc.name).toContain("Mette");
    expect(doc.contact.phone).toBeNull();
    expect(doc.wishes.accommodations).toBeNull();
    expect(JSON.stringify(page.data)).not.toContain("holde pauser");
    // Shown on the CV when mette chooses it.
    await database.db.update(workWishes).set({ showAccommodationsOnCv: true }).where(eq(workWishes.participantId, mette()));
    const shown = allowed(await run(sharedCvLoader, get(`/hjaelper/${mette()}/cv`, cookies.jonas), at(mette())));
    expect((shown.data as { doc: { wishes: { accommodations: string | null } } }).doc.wishes.accommodations).toBe(
      "Jeg skal kunne holde pauser",
    );
  });

  it("the network map never carries the private judgement or the notes, even when shared with the caseworker", async () => {
    await somePeople();
    await jonasConfirmed(EVERYTHING);
    const people = await database.db.select().from(networkPeople).where(eq(networkPeople.participantId, mette()));
    expect(people.some((person) => person.stance !== null)).toBe(true);
    await setSharing({ personId: ids.mette!.personId, participantId: mette(), requestId: null }, true, true);
    const page = allowed(await run(sharedNetworkLoader, get(`/hjaelper/${mette()}/netvaerk`, cookies.jonas), at(mette())));
    const data = page.data as { people: { name: string; stance: unknown; note: unknown }[] };
    expect(data.people).toHaveLength(people.length);
    expect(data.people.every((person) => person.stance === null && person.note === null)).toBe(true);
    const json = JSON.stringify(data);
    for (const stance of ["helps", "holds_back", "both"]) expect(json).not.toContain(`"${stance}"`);
    for (const person of people) if (person.note) expect(json).not.toContain(person.note);
    const [audit] = (await auditOfMette("relatives.viewed")).filter(
      (row) => (row.details as { page?: string }).page === "network",
    );
    expect(audit).toBeDefined();
  });
});

describe("sending an invitation again", () => {
  it("a link that ran out can be sent again: a new single-use link, the old one dead", async () => {
    await somePeople();
    const grantId = await jonasConfirmed();
    const first = await invite("mette", "moster@example.dk", "Lis Moster", { scopes: ["plan"] });
    await database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invitations.grantId, first.grantId));
    const before = unwrap(await run(listLoader, get("/paaroerende", cookies.mette))).data as { grants: { id: string; state: string }[] };
    expect(before.grants.find((grant) => grant.id === first.grantId)?.state).toBe("invitationExpired");

    const resent = (await run(resendAction, post(`/paaroerende/${first.grantId}/send-igen`, {}, cookies.mette), {
      grantId: first.grantId,
    })) as Response;
    expect(new URL(resent.headers.get("Location")!, ORIGIN).searchParams.get("besked")).toBe("sendt-igen");
    await deliverDueMail();
    const { token } = await invitationMailFor(database.db, first.grantId);
    expect(token).not.toBe(first.token);
    expect((await findInvitation(token)).state).toBe("open");
    expect((await findInvitation(first.token)).state).toBe("expired");
    const after = unwrap(await run(listLoader, get("/paaroerende", cookies.mette))).data as { grants: { id: string; state: string }[] };
    expect(after.grants.find((grant) => grant.id === first.grantId)?.state).toBe("invited");
    const [audit] = await auditOfMette("relatives.resent");
    expect(audit).toMatchObject({ actorPersonId: ids.mette!.personId, details: { grantId: first.grantId, grantName: "Lis Moster" } });

    // Sent again while the link still works (the e-mail may have failed): the previous link dies too.
    await run(resendAction, post(`/paaroerende/${first.grantId}/send-igen`, {}, cookies.mette), { grantId: first.grantId });
    await deliverDueMail();
    const { token: thirdToken } = await invitationMailFor(database.db, first.grantId);
    expect(thirdToken).not.toBe(token);
    expect((await findInvitation(token)).state).toBe("expired");
    expect((await findInvitation(thirdToken)).state).toBe("open");

    // Nobody else can send it; an answered grant is not sent again.
    refused(await run(resendAction, post(`/paaroerende/${first.grantId}/send-igen`, {}, cookies.ali), { grantId: first.grantId }));
    refused(await run(resendAction, post(`/paaroerende/${first.grantId}/send-igen`, {}, cookies.jonas), { grantId: first.grantId }));
    const active = (await run(resendAction, post(`/paaroerende/${grantId}/send-igen`, {}, cookies.mette), { grantId })) as Response;
    expect(new URL(active.headers.get("Location")!, ORIGIN).searchParams.get("besked")).toBe("kan-ikke-sendes");
    expect(await database.db.select().from(invitations).where(eq(invitations.grantId, grantId))).toHaveLength(1);
  });
});

describe("Hvem har set mine oplysninger", () => {
  it("shows relatives' remarks and changes, and caseworker reads as 'Din sagsbehandler', never by name", async () => {
    await somePeople();
    // Jonas remarked on two parts and deleted one remark; Mette changed his grant and sent another
    // invitation again.
    const grantId = await jonasConfirmed();
    await jonasRemarked();
    expect(((await remark("mine-ressourcer", "Gåturene gør dig godt.")) as Response).status).toBe(302);
    const [walks] = (await jonasRemarks()).filter((row) => row.body === "Gåturene gør dig godt.");
    const deleted = (await run(
      sharedPartAction,
      post(partPath("mine-ressourcer"), { intent: "delete", commentId: walks!.id }, cookies.jonas),
      at(mette(), { part: "mine-ressourcer" }),
    )) as Response;
    expect(deleted.status).toBe(302);
    await change(grantId, { scopes: ["plan", "preparation"], mayComment: false });
    const lis = await invite("mette", "moster@example.dk", "Lis Moster", { scopes: ["plan"] });
    const resent = (await run(resendAction, post(`/paaroerende/${lis.grantId}/send-igen`, {}, cookies.mette), { grantId: lis.grantId })) as Response;
    expect(new URL(resent.headers.get("Location")!, ORIGIN).searchParams.get("besked")).toBe("sendt-igen");
    const database2 = database.db;
    await recordAudit(database2, {
      actorPersonId: ids.sara!.personId,
      participantId: mette(),
      action: "caseworker.briefing_viewed",
      details: { page: "preparation" },
    });
    // A caseworker read of someone else does not show in mette's log.
    await recordAudit(database2, {
      actorPersonId: ids.sara!.personId,
      participantId: pid("ali"),
      action: "caseworker.briefing_viewed",
      details: { page: "plan" },
    });
    const log = unwrap(await run(logLoader, get("/paaroerende/log", cookies.mette))).data as {
      entries: {
        action: string;
        actorName: string | null;
        byCaseworker: boolean;
        byParticipant: boolean;
        details: { page?: string; part?: string };
      }[];
    };
    const caseworker = log.entries.filter((entry) => entry.action === "caseworker.briefing_viewed");
    expect(caseworker).toHaveLength(1);
    expect(caseworker[0]).toMatchObject({ byCaseworker: true, byParticipant: false, actorName: null, details: { page: "preparation" } });
    expect(JSON.stringify(log)).not.toMatch(/Sara|Nielsen/);
    expect(JSON.stringify(log)).not.toContain(ids.sara!.personId);
    const actions = log.entries.map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(["relatives.commented", "relatives.comment_deleted", "relatives.changed", "relatives.resent"]),
    );
    const commented = log.entries.filter((entry) => entry.action === "relatives.commented");
    expect(commented.map((entry) => entry.details.part).sort()).toEqual(["education_work", "resources"]);
    expect(commented.every((entry) => entry.actorName === "Jonas Hansen")).toBe(true);
    const aliLog = unwrap(await run(logLoader, get("/paaroerende/log", cookies.ali))).data as { entries: { action: string }[] };
    expect(aliLog.entries.map((entry) => entry.action)).toEqual(["caseworker.briefing_viewed"]);
    refused(await run(logLoader, get("/paaroerende/log", cookies.jonas)));
  });
});

describe("expiry and withdrawal reach the new pages on the very next request", () => {
  // Issue 14, point 7: a relative whose access has ended gets the calm "your access has ended" answer (403).
  const ended = (result: unknown) => refused(result, 403);
  it("expired: every new view and the remark form say that the access has ended", async () => {
    await somePeople();
    const grantId = await jonasConfirmed(EVERYTHING);
    await database.db
      .update(relativeGrants)
      .set({ validUntil: copenhagenDay(new Date(Date.now() - 86_400_000)) })
      .where(eq(relativeGrants.id, grantId));
    ended(await run(sharedPreparationLoader, get(`/hjaelper/${mette()}/forberedelse`, cookies.jonas), at(mette())));
    ended(
      await run(sharedPartLoader, get(partPath("uddannelse-og-arbejde"), cookies.jonas), at(mette(), { part: "uddannelse-og-arbejde" })),
    );
    ended(await remark("uddannelse-og-arbejde", "For sent"));
    ended(await run(sharedCvLoader, get(`/hjaelper/${mette()}/cv`, cookies.jonas), at(mette())));
    ended(await run(sharedNetworkLoader, get(`/hjaelper/${mette()}/netvaerk`, cookies.jonas), at(mette())));
    // And an expired grant cannot be changed.
    const page = (await run(changeLoader, get(`/paaroerende/${grantId}/ret`, cookies.mette), { grantId })) as Response;
    expect(page.headers.get("Location")).toContain("besked=kan-ikke-rettes");
    await database.db.update(relativeGrants).set({ validUntil: today() }).where(eq(relativeGrants.id, grantId));
    allowed(await run(sharedNetworkLoader, get(`/hjaelper/${mette()}/netvaerk`, cookies.jonas), at(mette())));
  });

  it("withdrawn: the next request is refused everywhere, remarks stay with mette", async () => {
    await somePeople();
    const grantId = await jonasConfirmed(EVERYTHING);
    const remarkId = await jonasRemarked();
    await run(withdrawAction, post(`/paaroerende/${grantId}/tilbagekald`, { confirm: "yes" }, cookies.mette), { grantId });
    ended(await run(sharedPreparationLoader, get(`/hjaelper/${mette()}/forberedelse`, cookies.jonas), at(mette())));
    ended(
      await run(sharedPartLoader, get(partPath("uddannelse-og-arbejde"), cookies.jonas), at(mette(), { part: "uddannelse-og-arbejde" })),
    );
    ended(await remark("uddannelse-og-arbejde", "Efter tilbagekald"));
    ended(
      await run(
        sharedPartAction,
        post(partPath("uddannelse-og-arbejde"), { intent: "delete", commentId: remarkId }, cookies.jonas),
        at(mette(), { part: "uddannelse-og-arbejde" }),
      ),
    );
    ended(await run(sharedCvLoader, get(`/hjaelper/${mette()}/cv`, cookies.jonas), at(mette())));
    ended(await run(sharedNetworkLoader, get(`/hjaelper/${mette()}/netvaerk`, cookies.jonas), at(mette())));
    ended(await run(sharedPlanLoader, get(`/hjaelper/${mette()}/min-plan`, cookies.jonas), at(mette())));
    expect(await database.db.select().from(preparationComments).where(eq(preparationComments.id, remarkId))).toHaveLength(1);
  });
});
