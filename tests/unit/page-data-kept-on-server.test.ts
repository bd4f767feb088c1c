import { data, redirect, RouterContextProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { renderingPage, withPageDataKeptOnServer } from "../../server/request-handler.js";

// server/request-handler.js keeps a page's loader and action data out of React Router's hydration
// encoding (decision 27): the page's components read every field, an encoder that lists the
// fields finds none. A route's data asked as data (`….data`) and a resource route are untouched.

const planPage = {
  default: () => null,
  loader: async () => ({ goal: "Arbejde med dyr", steps: [{ title: "Praktik" }] }),
  action: async () => data({ errors: ["Skriv et mål"] }, { status: 400 }),
};
const calendarFeed = { loader: async () => ({ feed: "BEGIN:VCALENDAR" }) };
const signOut = { default: () => null, loader: async () => redirect("/log-ind") };
const keptAnswer = data({ notice: "Gemt" }, { status: 200 });
const keptPage = { default: () => null, loader: async () => keptAnswer };

const build = withPageDataKeptOnServer({
  routes: {
    plan: { id: "plan", path: "min-plan", module: planPage },
    feed: { id: "feed", path: "kalender", module: calendarFeed },
    out: { id: "out", path: "log-ud", module: signOut },
    kept: { id: "kept", path: "gemt", module: keptPage },
  },
} as unknown as Parameters<typeof withPageDataKeptOnServer>[0]);

type Handler = (args: { context: RouterContextProvider }) => Promise<unknown>;
const moduleOf = (id: string) => build.routes[id]!.module as unknown as { loader: Handler; action?: Handler };

function requestFor(page: boolean) {
  const context = new RouterContextProvider();
  context.set(renderingPage, page);
  return { context };
}

describe("a page's data stays on the server", () => {
  it("gives a rendered page every field, and an encoder none", async () => {
    const loaded = (await moduleOf("plan").loader(requestFor(true))) as { goal: string; steps: { title: string }[] };
    expect(loaded.goal).toBe("Arbejde med dyr");
    expect(loaded.steps[0]!.title).toBe("Praktik");
    const { goal } = loaded;
    expect(goal).toBe("Arbejde med dyr");
    expect(Object.keys(loaded)).toEqual([]);
    expect(JSON.stringify(loaded)).toBe("{}");
  });

  it("keeps an action's data() the same way, with its status", async () => {
    const answered = (await moduleOf("plan").action!(requestFor(true))) as { data: { errors: string[] }; init: { status: number } };
    expect(answered.init.status).toBe(400);
    expect(answered.data.errors).toEqual(["Skriv et mål"]);
    expect(Object.keys(answered.data)).toEqual([]);
  });

  it("leaves a data() answer the app keeps and answers again as it was", async () => {
    const first = (await moduleOf("kept").loader(requestFor(true))) as { data: object };
    expect(Object.keys(first.data)).toEqual([]);
    expect(first).not.toBe(keptAnswer);
    expect(Object.keys(keptAnswer.data)).toEqual(["notice"]);
    const asData = (await moduleOf("kept").loader(requestFor(false))) as { data: object };
    expect(Object.keys(asData.data)).toEqual(["notice"]);
  });

  it("answers a route's data asked as data with every field listed", async () => {
    const loaded = await moduleOf("plan").loader(requestFor(false));
    expect(JSON.parse(JSON.stringify(loaded))).toEqual({ goal: "Arbejde med dyr", steps: [{ title: "Praktik" }] });
    // A request React Router did not mark counts as data, never as a page.
    expect(Object.keys((await moduleOf("plan").loader({ context: new RouterContextProvider() })) as object)).toEqual(["goal", "steps"]);
  });

  it("leaves a resource route and a redirect alone", async () => {
    expect(moduleOf("feed").loader).toBe(calendarFeed.loader);
    const answer = await moduleOf("out").loader(requestFor(true));
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).headers.get("Location")).toBe("/log-ind");
  });
});
