import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson } from "../../../db/builders";
import { withRequestTransaction } from "../../../db/client";
import { loader as rootLoader } from "~/root";
import { hardDayOf } from "~/features/hard-day/index.server";
import { action as hardDaySwitch } from "~/features/hard-day/routes/hard-day-switch";
import { getCurrentUser } from "~/lib/auth.server";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { contextFor, cookieFor, get, post } from "../../support/requests";

// The hard day lives in a cookie: the root reads it on every page. Off, it must cost nothing;
// on, it loads the calm page's few facts. Relatives and caseworkers never see it.
let database: TestDatabase;
let mette: string;
let jonas: string;
let sara: string;
let hardDay: string;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  const caseworker = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database.db);
  const brother = await aPerson({ firstName: "Jonas", lastName: "Hansen" }).build(database.db);
  const participant = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } })
    .withCaseworker(caseworker)
    .withPlan({ nextStep: "Ring til praktikstedet og aftal en dag." })
    .withAppointment({ title: "Samtale med Sara" })
    .withRelative(brother)
    .build(database.db);
  [mette, jonas, sara] = await Promise.all([cookieFor(participant.demoKey), cookieFor(brother.demoKey), cookieFor(caseworker.demoKey)]);
  const turnedOn = (await hardDaySwitch({ request: post("/hard-dag", { hardDay: "on", returnTo: "/" }), params: {}, context: {} } as never)) as Response;
  hardDay = turnedOn.headers.get("Set-Cookie")!.split(";")[0]!;
});
afterAll(() => database.dispose());

/** The root loader's data for a page, and the SQL statements it sent (the session already read). */
async function root(path: string, cookies: string[]) {
  const request = get(path, cookies.join("; "));
  const context = await contextFor(request);
  await getCurrentUser(context);
  let statements = -1;
  const data = await withRequestTransaction(
    () => rootLoader({ request, context, params: {} } as never),
    (done) => (statements = done.statements),
  );
  return { data, statements };
}

describe("the hard day in the root's data", () => {
  it("off: the participant's pages know it is off, and it costs no SQL statement", async () => {
    const off = await root("/min-plan", [mette]);
    expect(off.data.hardDay).toEqual({ on: false });
    // A cookie with anything but "on" in it reads as off, at the same cost.
    const forged = await root("/min-plan", [mette, "minvej_hard_dag=nej"]);
    expect(forged.data.hardDay).toEqual({ on: false });
    expect(forged.statements).toBe(off.statements);
    // The hard-day part alone, measured: nothing.
    const request = get("/min-plan", mette);
    const context = await contextFor(request);
    const { user } = await getCurrentUser(context);
    let statements = -1;
    await withRequestTransaction(() => hardDayOf(user, request), (done) => (statements = done.statements));
    expect(statements).toBe(0);
    console.log(`root loader, hard day off: ${off.statements} SQL statements (the hard-day part: ${statements})`);
  });

  it("on: the next meeting, the plan's next step and the caseworker's name, for the calm page", async () => {
    const off = await root("/min-plan", [mette]);
    const on = await root("/min-plan", [mette, hardDay]);
    expect(on.data.hardDay).toMatchObject({
      on: true,
      today: {
        nextAppointment: { title: "Samtale med Sara" },
        nextStep: "Ring til praktikstedet og aftal en dag.",
        caseworkerName: "Sara Nielsen",
      },
    });
    expect(on.statements).toBeGreaterThan(off.statements);
    console.log(`root loader, hard day on: ${on.statements} SQL statements`);
  });

  it("a relative and a caseworker on the same device are untouched by it, and nothing of it is read", async () => {
    for (const [who, cookie] of [["relative", jonas], ["caseworker", sara]] as const) {
      const without = await root("/", [cookie!]);
      const withHardDay = await root("/", [cookie!, hardDay]);
      expect(withHardDay.data.hardDay, who).toBeNull();
      expect(withHardDay.statements, who).toBe(without.statements);
    }
    expect((await root("/", [hardDay])).data.hardDay).toBeNull();
  });
});
