import { describe, expect, it } from "vitest";
import { action } from "~/features/site/routes/language";

type Args = Parameters<typeof action>[0];

async function choose(form: Record<string, string>) {
  const request = new Request("http://localhost:3000/sprog", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  return action({ request, params: {}, context: {} } as unknown as Args);
}

describe("language switch", () => {
  it("remembers the chosen language in a cookie and returns to the same page", async () => {
    const response = await choose({ lng: "en", returnTo: "/hjaelp?x=1" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/hjaelp?x=1");
    expect(response.headers.get("Set-Cookie")).toMatch(/^minvej_lng=/);
  });

  it("ignores a language it does not have", async () => {
    const response = await choose({ lng: "xx", returnTo: "/" });
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });

  it("never sends people to another site", async () => {
    for (const returnTo of ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"]) {
      const response = await choose({ lng: "da", returnTo });
      expect(response.headers.get("Location"), returnTo).toBe("/");
    }
  });
});
