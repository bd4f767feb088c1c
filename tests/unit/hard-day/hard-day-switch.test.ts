import { describe, expect, it } from "vitest";
import { action, loader } from "~/features/hard-day/routes/hard-day-switch";
import { hardDayApplies, hardDayMode, showAllHref } from "~/features/hard-day";
import { isHardDay } from "~/features/hard-day/cookie.server";

type Args = Parameters<typeof action>[0];

async function flip(form: Record<string, string>) {
  const request = new Request("http://localhost:3000/hard-dag", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  return action({ request, params: {}, context: {} } as unknown as Args);
}

function withCookie(setCookie: string | null) {
  return new Request("http://localhost:3000/", { headers: { Cookie: (setCookie ?? "").split(";")[0]! } });
}

describe("the hard-day switch (POST /hard-dag)", () => {
  it("turns a hard day on in a cookie on this device only, for a year, and returns to the page", async () => {
    const response = await flip({ hardDay: "on", returnTo: "/min-plan?x=1" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/min-plan?x=1");
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^minvej_hard_dag=/);
    expect(cookie).toMatch(/; Max-Age=31536000/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(await isHardDay(withCookie(cookie))).toBe(true);
  });

  it("turns it off by removing the cookie, and shows the page in full again (no ?vis=alt)", async () => {
    const response = await flip({ hardDay: "off", returnTo: "/moeder?vis=alt&side=2" });
    expect(response.headers.get("Location")).toBe("/moeder?side=2");
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect(await isHardDay(withCookie(cookie))).toBe(false);
  });

  it("changes nothing for anything but on or off, and never sends people to another site", async () => {
    const unknown = await flip({ hardDay: "maybe", returnTo: "/" });
    expect(unknown.headers.get("Set-Cookie")).toBeNull();
    for (const returnTo of ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"]) {
      expect((await flip({ hardDay: "on", returnTo })).headers.get("Location"), returnTo).toBe("/");
    }
  });

  it("changes nothing by a GET", async () => {
    const response = loader();
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });

  it("a cookie the server did not make is not a hard day", async () => {
    expect(await isHardDay(withCookie("minvej_hard_dag=yes"))).toBe(false);
    expect(await isHardDay(withCookie(null))).toBe(false);
  });
});

describe("which pages a hard day changes", () => {
  it("every participant page, but not writing to the caseworker, help, reading, relatives' or caseworkers' pages", () => {
    for (const path of ["/", "/min-plan", "/moeder/123", "/beskeder", "/beskeder/abc", "/cv/om-mig", "/saadan-gaar-det"]) {
      expect(hardDayApplies(path), path).toBe(true);
    }
    for (const path of ["/beskeder/ny", "/beskeder/ring-mig-op", "/hjaelp", "/om", "/om/mentor", "/ordliste", "/hjaelper/1/min-plan", "/sagsbehandler", "/log-ind"]) {
      expect(hardDayApplies(path), path).toBe(false);
    }
  });

  it("shows the calm page, or the whole page when asked with ?vis=alt", () => {
    const plan = { pathname: "/min-plan", search: "" };
    expect(hardDayMode(null, plan)).toBeNull();
    expect(hardDayMode({ on: false }, plan)).toBe("off");
    expect(hardDayMode({ on: true }, plan)).toBe("calm");
    expect(hardDayMode({ on: true }, { pathname: "/min-plan", search: "?vis=alt" })).toBe("all");
    expect(hardDayMode({ on: true }, { pathname: "/hjaelper/1", search: "" })).toBeNull();
    expect(showAllHref({ pathname: "/moeder", search: "?side=2" })).toBe("/moeder?side=2&vis=alt");
  });
});
