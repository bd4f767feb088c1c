import { afterEach, describe, expect, it } from "vitest";
import { confirmationHook, FRESH_MS, hasFreshMitId } from "~/features/relatives/invite.server";
import type { CurrentUser } from "~/lib/auth.server";

// Issue 17: giving someone access to one's data is confirmed at that moment: with a MitID made in
// the last five minutes (a fresh one from NemLog-in if older), or the demo's button in a demo
// session only.

const previousDemo = process.env.DEMO_LOGIN;
afterEach(() => {
  if (previousDemo === undefined) delete process.env.DEMO_LOGIN;
  else process.env.DEMO_LOGIN = previousDemo;
});

const now = Date.now();
const user = (provider: string, authenticatedMsAgo: number) => ({ provider, authenticatedAt: new Date(now - authenticatedMsAgo) }) as CurrentUser;
const CHECK = "/paaroerende/inviter/tjek";
const verify = (who: CurrentUser, formData = new FormData()) =>
  confirmationHook(who).verify({ request: new Request("http://localhost/x"), formData, user: who, returnTo: CHECK });

describe("the confirmation of a grant", () => {
  it("goes ahead on a MitID from the last five minutes, and sends anyone else to a fresh MitID that comes back here", async () => {
    expect(hasFreshMitId(user("nemlogin", FRESH_MS - 1_000))).toBe(true);
    expect(await verify(user("nemlogin", 60_000))).toBeNull();
    for (const stale of [user("nemlogin", FRESH_MS + 1_000), user("kommune", 0)]) {
      const answer = await verify(stale);
      expect(answer?.status).toBe(302);
      expect(answer?.headers.get("Location")).toBe(`/log-ind/mitid?bekraeft=1&til=${encodeURIComponent(CHECK)}`);
    }
  });

  it("takes the demo's button only for a demo session while the demo is on", async () => {
    process.env.DEMO_LOGIN = "1";
    const yes = new FormData();
    yes.set("confirm", "yes");
    expect(confirmationHook(user("demo", FRESH_MS * 10)).kind).toBe("demo");
    expect(await verify(user("demo", FRESH_MS * 10), yes)).toBeNull();
    expect((await verify(user("demo", 0)))?.headers.get("Location")).toBe(CHECK);
    // A MitID session in the demo still needs a fresh MitID.
    expect(confirmationHook(user("nemlogin", 0)).kind).toBe("mitid");
    process.env.DEMO_LOGIN = "0";
    expect(confirmationHook(user("demo", 0)).kind).toBe("mitid");
  });
});
