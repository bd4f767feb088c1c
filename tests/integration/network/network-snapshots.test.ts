// "Sådan så mit netværk ud før" (issue 14, point 15): saving a snapshot identical to the latest
// one stores no second copy, and the page says calmly that nothing has changed since then.
// Also /netvaerk/kort, the map at a readable size for small screens: the participant's own only.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson, type NetworkPersonInput } from "../../../db/builders";
import { auditEvents, networkPeople, networkSnapshots } from "../../../db/schema";
import * as edit from "~/features/network/routes/network-edit";
import * as largeMap from "~/features/network/routes/network-map";
import * as snapshots from "~/features/network/routes/network-snapshots";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post, settle, routeArgs } from "../../support/requests";

// Each test makes the people it needs (db/builders.ts); nothing here depends on the demo seed.
let database: TestDatabase;
let mette: string;
let ali: string;
let jonas: string;
let sara: string;
let metteId: string;

/** A small network like Mette's: Camilla (close friend), Thomas (holds her back). */
const NETWORK: NetworkPersonInput[] = [
  {
    name: "Camilla",
    relation: "Veninde fra skolen",
    sector: "friends",
    closeness: "close",
    helpKinds: ["emotional", "company"],
    stance: "helps",
    contactFrequency: "Et par gange om måneden",
    note: "Vi går ture og taler om andet end sygdom.",
  },
  {
    name: "Thomas",
    relation: "Frejas far",
    sector: "family",
    closeness: "middle",
    helpKinds: [],
    stance: "holds_back",
    contactFrequency: "Hver anden uge",
    note: "Siger tit, at jobcentret er spild af tid.",
  },
];

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  const [relative, caseworker, other] = await Promise.all([
    aPerson({ firstName: "Jonas" }).build(database.db),
    aCaseworker().build(database.db),
    aParticipant({ person: { firstName: "Ali" } }).build(database.db),
  ]);
  [jonas, sara, ali] = await Promise.all([cookieFor(relative.demoKey), cookieFor(caseworker.demoKey), cookieFor(other.demoKey)]);
});
afterAll(() => database.dispose());

// Each test: a fresh participant with the network above and no snapshots yet.
beforeEach(async () => {
  const built = await aParticipant({ person: { firstName: "Mette" } }).withNetwork(NETWORK).build(database.db);
  metteId = built.participantId;
  mette = await cookieFor(built.demoKey);
});

const args = (request: Request, params: Record<string, string> = {}) => routeArgs(request, params);

const location = (result: unknown) => (result as Response).headers.get("Location");

async function storedSnapshots(participantId: string) {
  return database.db.select().from(networkSnapshots).where(eq(networkSnapshots.participantId, participantId));
}

async function save(cookie: string) {
  return settle(async () => snapshots.action(await args(post("/netvaerk/tidligere", { intent: "save-snapshot" }, cookie))));
}

describe("saving a snapshot when nothing has changed", () => {
  it("the first save stores the network; the same network saved again stores nothing and says so", async () => {
    expect(await storedSnapshots(metteId)).toHaveLength(0);
    expect(location(await save(mette))).toBe("/netvaerk/tidligere?gemt=1");
    expect(await storedSnapshots(metteId)).toHaveLength(1);

    const again = await save(mette);
    expect(location(again)).toBe("/netvaerk/tidligere?gemt=uaendret");
    expect(await storedSnapshots(metteId)).toHaveLength(1);

    const page = await snapshots.loader(await args(get("/netvaerk/tidligere?gemt=uaendret", mette)));
    expect(page.unchanged).toBe(true);
    expect(page.saved).toBe(false);
    expect(page.snapshots).toHaveLength(1);

    // One audit row: the unchanged save wrote nothing.
    const audits = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, metteId), eq(auditEvents.action, "network.snapshot_saved")));
    expect(audits).toHaveLength(1);
  });

  it("a double click stores one copy", async () => {
    expect(location(await save(mette))).toBe("/netvaerk/tidligere?gemt=1");
    const before = (await storedSnapshots(metteId)).length;
    await Promise.all([save(mette), save(mette)]);
    expect(await storedSnapshots(metteId)).toHaveLength(before);
  });

  it("after a change, saving stores a new snapshot again", async () => {
    expect(location(await save(mette))).toBe("/netvaerk/tidligere?gemt=1");
    const [camilla] = await database.db
      .select()
      .from(networkPeople)
      .where(and(eq(networkPeople.participantId, metteId), eq(networkPeople.name, "Camilla")));
    await settle(async () =>
      edit.action(
        await args(
          post(
            `/netvaerk/${camilla!.id}`,
            {
              intent: "save",
              name: "Camilla",
              relation: camilla!.relation ?? "",
              sector: camilla!.sector,
              closeness: camilla!.closeness === "further" ? "middle" : "further",
              helpKinds: camilla!.helpKinds[0] ?? "company",
              stance: camilla!.stance,
              contactFrequency: camilla!.contactFrequency ?? "",
              note: camilla!.note ?? "",
              version: String(camilla!.version),
            },
            mette,
          ),
          { id: camilla!.id },
        ),
      ),
    );
    const before = (await storedSnapshots(metteId)).length;
    expect(before).toBe(1);
    expect(location(await save(mette))).toBe("/netvaerk/tidligere?gemt=1");
    expect(await storedSnapshots(metteId)).toHaveLength(before + 1);
    // ...and saving that once more is again "nothing new".
    expect(location(await save(mette))).toBe("/netvaerk/tidligere?gemt=uaendret");
    expect(await storedSnapshots(metteId)).toHaveLength(before + 1);
  });

  it("the message is never shown without a saved snapshot to point to", async () => {
    const page = await snapshots.loader(await args(get("/netvaerk/tidligere?gemt=uaendret", ali)));
    expect(page.unchanged).toBe(false);
  });
});

describe("/netvaerk/kort, the large map", () => {
  it("shows the participant's own people, with her judgement, and no one else's", async () => {
    const page = await largeMap.loader(await args(get("/netvaerk/kort", mette)));
    expect(page.firstName).toBe("Mette");
    expect(page.people.length).toBeGreaterThan(0);
    expect(page.people.find((p) => p.name === "Thomas")?.stance).toBe("holds_back");
    expect((await largeMap.loader(await args(get("/netvaerk/kort", ali)))).people).toEqual([]);
  });

  it("signed out goes to sign in; a relative or a caseworker gets 404", async () => {
    const signedOut = (await settle(async () => largeMap.loader(await args(get("/netvaerk/kort"))))) as Response;
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toBe("/log-ind");
    for (const cookie of [jonas, sara]) {
      const refused = (await settle(async () => largeMap.loader(await args(get("/netvaerk/kort", cookie))))) as Response;
      expect(refused.status).toBe(404);
    }
  });
});
