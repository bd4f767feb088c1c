import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson, type NetworkPersonInput } from "../../../db/builders";
import {
  auditEvents,
  networkPeople,
} from "../../../db/schema";
import { METTE_NETWORK } from "../../../db/seed-data";
import {
  getSharedNetwork,
  listPeople,
} from "~/features/network/queries.server";
import * as edit from "~/features/network/routes/network-edit";
import * as main from "~/features/network/routes/network";
import * as sharing from "~/features/network/routes/network-share";
import * as create from "~/features/network/routes/network-new";
import * as print from "~/features/network/routes/network-print";
import * as remove from "~/features/network/routes/network-remove";
import * as snapshots from "~/features/network/routes/network-snapshots";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post, settle, routeArgs } from "../../support/requests";

let database: TestDatabase;

async function personNamed(participantId: string, name: string) {
  const [row] = await database.db
    .select()
    .from(networkPeople)
    .where(
      and(
        eq(networkPeople.participantId, participantId),
        eq(networkPeople.name, name),
      ),
    );
  return row ?? null;
}
async function countPeople(participantId: string) {
  return (
    await database.db
      .select()
      .from(networkPeople)
      .where(eq(networkPeople.participantId, participantId))
  ).length;
}

// Each test builds its own people (db/builders.ts), not read from the demo seed: a participant with
// the demo's whole network map (ten people, all sectors and rings, one who holds her back, one who
// does both) and whoever else the test needs on it, one without a network, a relative and a
// caseworker.
const NETWORK_SIZE = METTE_NETWORK.length;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.dispose());

type NetworkPerson = NetworkPersonInput;

/** Kasper (work or school), as Mette added him on /netvaerk/ny (not wanted at the meeting). */
const KASPER = {
  name: "Kasper",
  relation: "Fra svømmeholdet",
  sector: "work_school",
  closeness: "further",
  helpKinds: ["practical", "advice"],
  stance: "helps",
  contactFrequency: "Hver tirsdag",
  note: "",
  wantedAtMeeting: false,
} satisfies NetworkPerson;

/** Yasmin from the swimming team, as Mette added her on /netvaerk/ny; `changes` as saved since. */
function yasminAdded(changes: Partial<NetworkPerson> = {}): NetworkPerson {
  return {
    name: "Yasmin",
    relation: "Fra svømmeholdet",
    sector: "friends",
    closeness: "middle",
    helpKinds: ["company"],
    stance: "helps",
    contactFrequency: "Hver tirsdag",
    note: "Hun spurgte, om jeg ville med til svømning.",
    wantedAtMeeting: true,
    ...changes,
  };
}

/** Yasmin after a change on /netvaerk/:id: closer, both helps and holds back, version 2. */
const AFTER_A_CHANGE: Partial<NetworkPerson> = { closeness: "close", stance: "both", note: "", wantedAtMeeting: false, version: 2 };

/**
 * Yasmin after a change (closeness "close", version 2) and then "Gem det, jeg skrev" from an old
 * window: version 3, with what that window's form said.
 */
const AFTER_KEEPING_MINE: Partial<NetworkPerson> = { closeness: "further", note: "Fra det gamle vindue", wantedAtMeeting: false, version: 3 };

/** Mette (her network map and `more` people on it), Ali (no network), Jonas (a relative), Sara (a caseworker), signed in. */
async function somePeople(more: NetworkPerson[] = []) {
  const [metteBuilt, aliBuilt, jonasBuilt, saraBuilt] = await Promise.all([
    aParticipant({ person: { firstName: "Mette" } }).withNetwork([...METTE_NETWORK, ...more]).build(database.db),
    aParticipant({ person: { firstName: "Ali" } }).build(database.db),
    aPerson({ firstName: "Jonas" }).build(database.db),
    aCaseworker().build(database.db),
  ]);
  const [mette, ali, jonas, sara] = await Promise.all([
    cookieFor(metteBuilt.demoKey),
    cookieFor(aliBuilt.demoKey),
    cookieFor(jonasBuilt.demoKey),
    cookieFor(saraBuilt.demoKey),
  ]);
  return { mette, ali, jonas, sara, metteId: metteBuilt.participantId, aliId: aliBuilt.participantId };
}

const args = (request: Request, params: Record<string, string> = {}) => routeArgs(request, params);

function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  const init = (result as { init?: { status?: number } } | null)?.init;
  return init?.status ?? 200;
}
function dataOf<T = Record<string, unknown>>(result: unknown): T {
  return (result as { data: T }).data;
}
function location(result: unknown) {
  return (result as Response).headers.get("Location");
}

const valid = {
  intent: "save",
  name: "Yasmin",
  relation: "Fra svømmeholdet",
  sector: "friends",
  closeness: "middle",
  helpKinds: "company",
  stance: "helps",
  contactFrequency: "Hver tirsdag",
  note: "",
};

describe("reading the network", () => {
  it("Mette sees her ten people, with her own judgement, sorted by sector", async () => {
    const { mette } = await somePeople();
    const page = await main.loader(await args(get("/netvaerk", mette)));
    expect(page.people).toHaveLength(NETWORK_SIZE);
    expect(page.people[0]).toMatchObject({
      sector: "family",
      closeness: "close",
    });
    expect(page.people.find((p) => p.name === "Thomas")).toMatchObject({
      stance: "holds_back",
      sector: "family",
    });
    expect(page.people.find((p) => p.name === "Louise")?.stance).toBe("both");
    expect(page.share).toEqual({ sharedAt: null, stanceShared: false });
  });

  it("Ali has no network yet (the empty state)", async () => {
    const { ali } = await somePeople();
    const page = await main.loader(await args(get("/netvaerk", ali)));
    expect(page.people).toEqual([]);
  });

  it("signed out: every page sends to sign in, and nothing is written", async () => {
    const { metteId } = await somePeople();
    const someone = (await personNamed(metteId, "Camilla"))!;
    const runs: (() => Promise<unknown>)[] = [
      async () => main.loader(await args(get("/netvaerk"))),
      async () => create.loader(await args(get("/netvaerk/ny"))),
      async () => create.action(await args(post("/netvaerk/ny", valid))),
      async () =>
        edit.loader(await args(get(`/netvaerk/${someone.id}`), { id: someone.id })),
      async () =>
        edit.action(
          await args(post(`/netvaerk/${someone.id}`, { ...valid, version: "1" }), {
            id: someone.id,
          }),
        ),
      async () =>
        remove.action(
          await args(post(`/netvaerk/${someone.id}/fjern`, {}), { id: someone.id }),
        ),
      async () =>
        snapshots.action(
          await args(post("/netvaerk/tidligere", { intent: "save-snapshot" })),
        ),
      async () => sharing.action(await args(post("/netvaerk/del", { intent: "share" }))),
      async () => print.loader(await args(get("/netvaerk/udskriv"))),
    ];
    for (const run of runs) {
      const result = await settle(run);
      expect(statusOf(result)).toBe(302);
      expect(location(result)).toBe("/log-ind");
    }
    expect(await personNamed(metteId, "Camilla")).toMatchObject({
      version: someone.version,
    });
    expect(await personNamed(metteId, "Yasmin")).toBeNull();
  });

  it("a relative (Jonas) and a caseworker (Sara) get 404 on the participant's pages", async () => {
    const { jonas, sara, metteId } = await somePeople();
    const someone = (await personNamed(metteId, "Camilla"))!;
    for (const cookie of [jonas, sara]) {
      expect(
        statusOf(
          await settle(async () => main.loader(await args(get("/netvaerk", cookie)))),
        ),
      ).toBe(404);
      expect(
        statusOf(
          await settle(async () =>
            edit.loader(
              await args(get(`/netvaerk/${someone.id}`, cookie), { id: someone.id }),
            ),
          ),
        ),
      ).toBe(404);
      expect(
        statusOf(
          await settle(async () =>
            edit.action(
              await args(
                post(
                  `/netvaerk/${someone.id}`,
                  { ...valid, version: "1" },
                  cookie,
                ),
                { id: someone.id },
              ),
            ),
          ),
        ),
      ).toBe(404);
      expect(
        statusOf(
          await settle(async () =>
            remove.action(
              await args(post(`/netvaerk/${someone.id}/fjern`, {}, cookie), {
                id: someone.id,
              }),
            ),
          ),
        ),
      ).toBe(404);
    }
    expect(await personNamed(metteId, "Camilla")).toMatchObject({
      name: "Camilla",
      version: someone.version,
    });
  });

  it("relatives never get the judgement through the query unless it is asked for", async () => {
    const { metteId } = await somePeople();
    const people = await listPeople(metteId, { includeStance: false });
    expect(people).toHaveLength(NETWORK_SIZE);
    expect(people.every((p) => p.stance === null)).toBe(true);
  });
});

describe("adding a person", () => {
  it("refuses an empty form with a message per field, keeping what was typed", async () => {
    const { mette, metteId } = await somePeople();
    const result = await settle(async () =>
      create.action(
        await args(
          post(
            "/netvaerk/ny",
            { name: "  ", relation: "Min fætter", helpKinds: "practical" },
            mette,
          ),
        ),
      ),
    );
    expect(statusOf(result)).toBe(400);
    const reply = dataOf<{
      result: {
        error: Record<string, string[]>;
        initialValue: Record<string, unknown>;
      };
    }>(result).result;
    expect(reply.error).toMatchObject({
      name: ["network:form.errors.nameRequired"],
      sector: ["network:form.errors.sectorRequired"],
      closeness: ["network:form.errors.closenessRequired"],
      stance: ["network:form.errors.stanceRequired"],
    });
    expect(reply.initialValue).toMatchObject({ relation: "Min fætter" });
    expect(await countPeople(metteId)).toBe(NETWORK_SIZE);
  });

  it("refuses too long texts and unknown choices", async () => {
    const { mette } = await somePeople();
    const result = await settle(async () =>
      create.action(
        await args(
          post(
            "/netvaerk/ny",
            {
              ...valid,
              name: "x".repeat(61),
              sector: "enemies",
              helpKinds: "money",
            },
            mette,
          ),
        ),
      ),
    );
    expect(statusOf(result)).toBe(400);
    const reply = dataOf<{ result: { error: Record<string, string[]> } }>(
      result,
    ).result;
    expect(reply.error.name).toEqual(["network:form.errors.nameTooLong"]);
    expect(reply.error.sector).toEqual(["network:form.errors.sectorRequired"]);
    expect(
      Object.keys(reply.error).some((key) => key.startsWith("helpKinds")),
    ).toBe(true);
  });

  it("adds the person for the signed-in participant, whatever the form says about owners", async () => {
    const { mette, metteId, aliId } = await somePeople();
    const result = await settle(async () =>
      create.action(
        await args(
          post(
            "/netvaerk/ny",
            {
              ...valid,
              participantId: aliId,
              wantedAtMeeting: "on",
              note: "Hun spurgte, om jeg ville med til svømning.",
            },
            mette,
          ),
        ),
      ),
    );
    expect(statusOf(result)).toBe(302);
    expect(location(result)).toBe("/netvaerk?gemt=tilfoejet");
    const row = await personNamed(metteId, "Yasmin");
    expect(row).toMatchObject({
      participantId: metteId,
      relation: "Fra svømmeholdet",
      sector: "friends",
      closeness: "middle",
      helpKinds: ["company"],
      stance: "helps",
      wantedAtMeeting: true,
      version: 1,
    });
    expect(await countPeople(aliId)).toBe(0);
  });

  it("a double submit adds the person once", async () => {
    const { mette, metteId } = await somePeople();
    const body = new URLSearchParams({
      ...valid,
      name: "Kasper",
      sector: "work_school",
      closeness: "further",
    });
    body.delete("helpKinds");
    body.append("helpKinds", "advice");
    body.append("helpKinds", "practical");
    const request = () =>
      new Request("http://localhost:3000/netvaerk/ny", {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: "http://localhost:3000",
          Cookie: mette,
        },
        body: body.toString(),
      });
    await settle(async () => create.action(await args(request())));
    await settle(async () => create.action(await args(request())));
    const rows = await database.db
      .select()
      .from(networkPeople)
      .where(
        and(
          eq(networkPeople.participantId, metteId),
          eq(networkPeople.name, "Kasper"),
        ),
      );
    expect(rows).toHaveLength(1);
    // Several ticked boxes are kept, in the form's order.
    expect(rows[0]!.helpKinds).toEqual(["practical", "advice"]);
  });

  it("stores HTML and script as plain text (React escapes it on the page)", async () => {
    const { mette, metteId } = await somePeople();
    const name = '<script>alert("x")</script><b>Bo</b>';
    await settle(async () =>
      create.action(
        await args(
          post("/netvaerk/ny", { ...valid, name: name.slice(0, 60) }, mette),
        ),
      ),
    );
    expect(await personNamed(metteId, name.slice(0, 60))).toMatchObject({
      name: name.slice(0, 60),
    });
  });

  it("audits each addition without names or notes", async () => {
    const { mette, metteId, aliId } = await somePeople();
    // Three additions, the first with Ali's id in the form.
    for (const form of [
      { ...valid, participantId: aliId, note: "Hun spurgte, om jeg ville med til svømning." },
      { ...valid, name: "Kasper", sector: "work_school" },
      { ...valid, name: '<script>alert("x")</script>' },
    ]) {
      expect(location(await settle(async () => create.action(await args(post("/netvaerk/ny", form, mette)))))).toBe("/netvaerk?gemt=tilfoejet");
    }
    const rows = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "network.person_added"), inArray(auditEvents.participantId, [metteId, aliId])));
    expect(rows).toHaveLength(3);
    const details = JSON.stringify(rows.map((row) => row.details));
    expect(details).not.toMatch(/Yasmin|Kasper|svømning|script/);
    expect(rows.every((row) => row.participantId === metteId)).toBe(true);
  });
});

describe("changing a person", () => {
  it("the edit page shows the saved person; another participant's id is 404, and so is a malformed id", async () => {
    const { mette, ali, metteId } = await somePeople([yasminAdded()]);
    const yasmin = (await personNamed(metteId, "Yasmin"))!;
    const page = await edit.loader(
      await args(get(`/netvaerk/${yasmin.id}`, mette), { id: yasmin.id }),
    );
    expect(page.person).toMatchObject({ name: "Yasmin", version: 1 });
    expect(
      statusOf(
        await settle(async () =>
          edit.loader(
            await args(get(`/netvaerk/${yasmin.id}`, ali), { id: yasmin.id }),
          ),
        ),
      ),
    ).toBe(404);
    const changed = await settle(async () =>
      edit.action(
        await args(
          post(
            `/netvaerk/${yasmin.id}`,
            { ...valid, name: "Hacked", version: "1" },
            ali,
          ),
          { id: yasmin.id },
        ),
      ),
    );
    expect(statusOf(changed)).toBe(404);
    expect(
      statusOf(
        await settle(async () =>
          edit.loader(await args(get("/netvaerk/abc", mette), { id: "abc" })),
        ),
      ),
    ).toBe(404);
    expect(await personNamed(metteId, "Yasmin")).toMatchObject({ version: 1 });
  });

  it("saves a change and bumps the version", async () => {
    const { mette, metteId } = await somePeople([yasminAdded()]);
    const yasmin = (await personNamed(metteId, "Yasmin"))!;
    const result = await settle(async () =>
      edit.action(
        await args(
          post(
            `/netvaerk/${yasmin.id}`,
            { ...valid, closeness: "close", stance: "both", version: "1" },
            mette,
          ),
          { id: yasmin.id },
        ),
      ),
    );
    expect(statusOf(result)).toBe(302);
    expect(location(result)).toBe("/netvaerk?gemt=rettet#sektor-friends");
    expect(await personNamed(metteId, "Yasmin")).toMatchObject({
      closeness: "close",
      stance: "both",
      wantedAtMeeting: false,
      version: 2,
    });
  });

  it("a stale form (another tab saved in between) loses nothing: 409 with both versions", async () => {
    const { mette, metteId } = await somePeople([yasminAdded(AFTER_A_CHANGE)]);
    const yasmin = (await personNamed(metteId, "Yasmin"))!;
    const result = await settle(async () =>
      edit.action(
        await args(
          post(
            `/netvaerk/${yasmin.id}`,
            {
              ...valid,
              note: "Fra det gamle vindue",
              closeness: "further",
              version: "1",
            },
            mette,
          ),
          { id: yasmin.id },
        ),
      ),
    );
    expect(statusOf(result)).toBe(409);
    const body = dataOf<{
      conflict: {
        saved: { closeness: string; version: number };
        mine: { closeness: string; note: string };
      };
    }>(result);
    expect(body.conflict.saved).toMatchObject({
      closeness: "close",
      version: 2,
    });
    expect(body.conflict.mine).toMatchObject({
      closeness: "further",
      note: "Fra det gamle vindue",
    });
    expect(await personNamed(metteId, "Yasmin")).toMatchObject({
      closeness: "close",
      version: 2,
    });

    // "Gem det, jeg skrev": posted again with the saved version, it wins.
    const kept = await settle(async () =>
      edit.action(
        await args(
          post(
            `/netvaerk/${yasmin.id}`,
            {
              ...valid,
              note: "Fra det gamle vindue",
              closeness: "further",
              version: "2",
            },
            mette,
          ),
          { id: yasmin.id },
        ),
      ),
    );
    expect(statusOf(kept)).toBe(302);
    expect(await personNamed(metteId, "Yasmin")).toMatchObject({
      closeness: "further",
      note: "Fra det gamle vindue",
      version: 3,
    });
  });

  it("the same change sent twice from the same form is not a conflict", async () => {
    const { mette, metteId } = await somePeople([yasminAdded(AFTER_KEEPING_MINE)]);
    const yasmin = (await personNamed(metteId, "Yasmin"))!;
    const form = {
      ...valid,
      note: "Fra det gamle vindue",
      closeness: "further",
      version: "2",
    };
    const again = await settle(async () =>
      edit.action(
        await args(post(`/netvaerk/${yasmin.id}`, form, mette), { id: yasmin.id }),
      ),
    );
    expect(statusOf(again)).toBe(302);
    expect(await personNamed(metteId, "Yasmin")).toMatchObject({ version: 3 });
  });

  it("'Behold det gemte' changes nothing", async () => {
    const { mette, metteId } = await somePeople([yasminAdded(AFTER_KEEPING_MINE)]);
    const yasmin = (await personNamed(metteId, "Yasmin"))!;
    const result = await settle(async () =>
      edit.action(
        await args(
          post(
            `/netvaerk/${yasmin.id}`,
            { intent: "keep-saved", name: "Anders", version: "1" },
            mette,
          ),
          { id: yasmin.id },
        ),
      ),
    );
    expect(location(result)).toBe("/netvaerk?gemt=uaendret");
    expect(await personNamed(metteId, "Yasmin")).toMatchObject({ version: 3 });
  });
});

describe("removing a person", () => {
  it("the confirm page warns when the person is wanted at the meeting", async () => {
    const { mette, metteId } = await somePeople();
    const jonasRow = (await personNamed(metteId, "Jonas Hansen"))!;
    const page = await remove.loader(
      await args(get(`/netvaerk/${jonasRow.id}/fjern`, mette), { id: jonasRow.id }),
    );
    expect(page.person).toMatchObject({
      name: "Jonas Hansen",
      wantedAtMeeting: true,
    });
    const camilla = (await personNamed(metteId, "Camilla"))!;
    expect(
      (
        await remove.loader(
          await args(get(`/netvaerk/${camilla.id}/fjern`, mette), { id: camilla.id }),
        )
      ).person.wantedAtMeeting,
    ).toBe(false);
  });

  it("another participant cannot remove Mette's person (404), nothing removed", async () => {
    const { ali, metteId } = await somePeople();
    const camilla = (await personNamed(metteId, "Camilla"))!;
    expect(
      statusOf(
        await settle(async () =>
          remove.loader(
            await args(get(`/netvaerk/${camilla.id}/fjern`, ali), { id: camilla.id }),
          ),
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await settle(async () =>
          remove.action(
            await args(post(`/netvaerk/${camilla.id}/fjern`, {}, ali), {
              id: camilla.id,
            }),
          ),
        ),
      ),
    ).toBe(404);
    expect(await personNamed(metteId, "Camilla")).not.toBeNull();
  });

  it("removes after the confirmation, audits it, and a second try is 404", async () => {
    const { mette, metteId } = await somePeople([KASPER]);
    const kasper = (await personNamed(metteId, "Kasper"))!;
    const result = await settle(async () =>
      remove.action(
        await args(post(`/netvaerk/${kasper.id}/fjern`, {}, mette), {
          id: kasper.id,
        }),
      ),
    );
    expect(location(result)).toBe("/netvaerk?gemt=fjernet");
    expect(await personNamed(metteId, "Kasper")).toBeNull();
    const again = await settle(async () =>
      remove.action(
        await args(post(`/netvaerk/${kasper.id}/fjern`, {}, mette), {
          id: kasper.id,
        }),
      ),
    );
    expect(statusOf(again)).toBe(404);
    const [audit, ...more] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "network.person_removed"), eq(auditEvents.participantId, metteId)));
    expect(more).toEqual([]);
    expect(audit!.details).toEqual({
      networkPersonId: kasper.id,
      wasWantedAtMeeting: false,
    });
  });
});

describe("snapshots", () => {
  it("saves the network as it is now and compares it with a later state as a list of changes", async () => {
    const { mette, metteId } = await somePeople([yasminAdded()]);
    const before = await snapshots.loader(
      await args(get("/netvaerk/tidligere", mette)),
    );
    expect(before.snapshots).toEqual([]);
    const saved = await settle(async () =>
      snapshots.action(
        await args(post("/netvaerk/tidligere", { intent: "save-snapshot" }, mette)),
      ),
    );
    expect(location(saved)).toBe("/netvaerk/tidligere?gemt=1");

    const page = await snapshots.loader(
      await args(get("/netvaerk/tidligere?gemt=1", mette)),
    );
    expect(page.saved).toBe(true);
    expect(page.snapshots).toHaveLength(1);
    const count = await countPeople(metteId);
    expect(page.snapshots[0]!.count).toBe(count);

    // Change the network: move Camilla out, remove Yasmin, add Ole.
    const camilla = (await personNamed(metteId, "Camilla"))!;
    await edit.action(
      await args(
        post(
          `/netvaerk/${camilla.id}`,
          {
            ...valid,
            name: "Camilla",
            relation: camilla.relation!,
            sector: "friends",
            closeness: "further",
            helpKinds: "company",
            stance: "helps",
            version: String(camilla.version),
          },
          mette,
        ),
        { id: camilla.id },
      ),
    );
    const yasmin = (await personNamed(metteId, "Yasmin"))!;
    await remove.action(
      await args(post(`/netvaerk/${yasmin.id}/fjern`, {}, mette), { id: yasmin.id }),
    );
    await create.action(
      await args(
        post(
          "/netvaerk/ny",
          {
            ...valid,
            name: "Ole",
            sector: "family",
            closeness: "middle",
            stance: "holds_back",
          },
          mette,
        ),
      ),
    );

    const snapshotId = page.snapshots[0]!.id;
    const compared = await snapshots.loader(
      await args(get(`/netvaerk/tidligere?fra=${snapshotId}&til=nu`, mette)),
    );
    expect(compared.compareError).toBe(false);
    const changes = compared.comparison!.changes;
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: "added", name: "Ole" }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: "removed", name: "Yasmin" }),
    );
    expect(changes).toContainEqual({
      kind: "closeness",
      name: "Camilla",
      from: "close",
      to: "further",
    });
    expect(changes).toContainEqual(
      expect.objectContaining({
        kind: "helpKinds",
        name: "Camilla",
        to: ["company"],
      }),
    );
    // The snapshot itself did not change.
    const again = await snapshots.loader(
      await args(get("/netvaerk/tidligere", mette)),
    );
    expect(again.snapshots[0]!.count).toBe(count);
  });

  it("comparing a snapshot with itself, or with an unknown id, is refused calmly", async () => {
    const { mette } = await somePeople();
    // Mette saved her network once.
    expect(location(await settle(async () => snapshots.action(await args(post("/netvaerk/tidligere", { intent: "save-snapshot" }, mette)))))).toBe(
      "/netvaerk/tidligere?gemt=1",
    );
    const page = await snapshots.loader(
      await args(get("/netvaerk/tidligere", mette)),
    );
    const id = page.snapshots[0]!.id;
    expect(
      (
        await snapshots.loader(
          await args(get(`/netvaerk/tidligere?fra=${id}&til=${id}`, mette)),
        )
      ).compareError,
    ).toBe(true);
    expect(
      (
        await snapshots.loader(
          await args(get(`/netvaerk/tidligere?fra=nope&til=nu`, mette)),
        )
      ).compareError,
    ).toBe(true);
  });

  it("another participant never sees Mette's snapshots, not even by id", async () => {
    const { mette, ali } = await somePeople();
    // Mette saved her network once.
    expect(location(await settle(async () => snapshots.action(await args(post("/netvaerk/tidligere", { intent: "save-snapshot" }, mette)))))).toBe(
      "/netvaerk/tidligere?gemt=1",
    );
    const page = await snapshots.loader(
      await args(get("/netvaerk/tidligere", mette)),
    );
    const id = page.snapshots[0]!.id;
    const alis = await snapshots.loader(
      await args(get(`/netvaerk/tidligere?fra=${id}&til=nu`, ali)),
    );
    expect(alis.snapshots).toEqual([]);
    expect(alis.comparison).toBeNull();
    expect(alis.compareError).toBe(true);
  });
});

describe("sharing with the caseworker", () => {
  it("nothing is shared until the participant says so", async () => {
    const { metteId } = await somePeople();
    expect(await getSharedNetwork(metteId)).toBeNull();
  });

  it("sharing without the judgement: the caseworker gets names and meeting wishes, never the stance", async () => {
    const { mette, metteId } = await somePeople();
    const result = await settle(async () =>
      sharing.action(await args(post("/netvaerk/del", { intent: "share" }, mette))),
    );
    expect(location(result)).toBe("/netvaerk/del?gemt=delt");
    const shared = (await getSharedNetwork(metteId))!;
    expect(shared.sharedAt).toBeInstanceOf(Date);
    expect(shared.stanceShared).toBe(false);
    expect(shared.people.find((p) => p.name === "Jonas Hansen")).toMatchObject({
      wantedAtMeeting: true,
      stance: null,
    });
    expect(shared.people.every((p) => p.stance === null)).toBe(true);
    const page = await sharing.loader(await args(get("/netvaerk/del?gemt=delt", mette)));
    expect(page.share.sharedAt).toEqual(shared.sharedAt);
    expect(page.notice).toBe("delt");
  });

  it("sharing the judgement too keeps the first shared time", async () => {
    const { mette, metteId } = await somePeople();
    // Mette shared her network without her judgement.
    expect(location(await settle(async () => sharing.action(await args(post("/netvaerk/del", { intent: "share" }, mette)))))).toBe("/netvaerk/del?gemt=delt");
    const first = (await getSharedNetwork(metteId))!.sharedAt;
    await sharing.action(
      await args(post("/netvaerk/del", { intent: "share", includeStance: "on" }, mette)),
    );
    const shared = (await getSharedNetwork(metteId))!;
    expect(shared.sharedAt).toEqual(first);
    expect(shared.stanceShared).toBe(true);
    expect(shared.people.find((p) => p.name === "Thomas")?.stance).toBe(
      "holds_back",
    );
  });

  it("stopping hides everything again; every switch is audited", async () => {
    const { mette, metteId } = await somePeople();
    // Mette shared her network, then her judgement too.
    expect(location(await settle(async () => sharing.action(await args(post("/netvaerk/del", { intent: "share" }, mette)))))).toBe("/netvaerk/del?gemt=delt");
    await sharing.action(await args(post("/netvaerk/del", { intent: "share", includeStance: "on" }, mette)));
    expect((await getSharedNetwork(metteId))!.stanceShared).toBe(true);
    await sharing.action(
      await args(post("/netvaerk/del", { intent: "stop-sharing" }, mette)),
    );
    expect(await getSharedNetwork(metteId)).toBeNull();
    expect((await main.loader(await args(get("/netvaerk", mette)))).share).toEqual({
      sharedAt: null,
      stanceShared: false,
    });
    const rows = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.participantId, metteId));
    const actions = rows.map((row) => row.action);
    expect(actions.filter((a) => a === "network.shared")).toHaveLength(2);
    expect(actions).toContain("network.sharing_stopped");
  });

  it("an unknown intent is refused and changes nothing", async () => {
    const { mette, metteId } = await somePeople();
    const result = await settle(async () =>
      sharing.action(
        await args(post("/netvaerk/del", { intent: "share-with-everyone" }, mette)),
      ),
    );
    expect(statusOf(result)).toBe(400);
    expect(await getSharedNetwork(metteId)).toBeNull();
  });

  it("Ali's switch only ever touches Ali's network", async () => {
    const { ali, metteId, aliId } = await somePeople();
    await sharing.action(await args(post("/netvaerk/del", { intent: "share" }, ali)));
    expect(await getSharedNetwork(metteId)).toBeNull();
    expect((await getSharedNetwork(aliId))!.people).toEqual([]);
  });
});
