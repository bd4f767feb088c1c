import { createCookie } from "react-router";
import { describe, expect, it } from "vitest";
import { signedCookieValue } from "~/lib/signed-cookie.server";

// The session cookie is written by React Router and read by signedCookieValue: both must agree on
// every cookie, and a cookie whose signature does not hold must read as none.
const secrets = ["new-secret-of-enough-length", "old-secret-of-enough-length"];
const cookie = createCookie("minvej_session", { path: "/", httpOnly: true, sameSite: "lax", secrets });
const headerOf = (setCookie: string, others = "") => `${others}${setCookie.split(";")[0]}`;

describe("signedCookieValue", () => {
  it("reads what React Router signed, beside other cookies, as React Router reads it", async () => {
    for (const value of ["Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg", "a token with æøå and 💙", { id: 1 }]) {
      const header = headerOf(await cookie.serialize(value), "minvej_lng=da; other=1; ");
      expect(signedCookieValue(header, "minvej_session", secrets)).toEqual(value);
      expect(signedCookieValue(header, "minvej_session", secrets)).toEqual(await cookie.parse(header));
    }
  });

  it("reads a cookie signed with an older secret that is still listed", async () => {
    const old = createCookie("minvej_session", { secrets: [secrets[1]!] });
    const header = headerOf(await old.serialize("signed-with-the-old-secret-000"));
    expect(signedCookieValue(header, "minvej_session", secrets)).toBe("signed-with-the-old-secret-000");
  });

  it("refuses a changed value, a changed or missing signature, and a secret not listed", async () => {
    const header = headerOf(await cookie.serialize("the-real-token-0123456789abcdef"));
    const [name, signed] = header.split("=") as [string, string];
    const [value, signature] = decodeURIComponent(signed).split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify("someone-elses-token-0123456789ab")).toString("base64");
    expect(signedCookieValue(`${name}=${encodeURIComponent(`${forged}.${signature}`)}`, name, secrets)).toBeNull();
    expect(signedCookieValue(`${name}=${encodeURIComponent(`${value}.${signature.slice(1)}`)}`, name, secrets)).toBeNull();
    expect(signedCookieValue(`${name}=${encodeURIComponent(value)}`, name, secrets)).toBeNull();
    expect(signedCookieValue(header, name, ["a-secret-nobody-signed-with-0000"])).toBeNull();
    expect(await cookie.parse(`${name}=${encodeURIComponent(`${forged}.${signature}`)}`)).toBeNull();
  });

  it("keeps a signature that held only for the secrets it held under", async () => {
    const header = headerOf(await cookie.serialize("a-session-token-read-twice-0000"));
    expect(signedCookieValue(header, "minvej_session", secrets)).toBe("a-session-token-read-twice-0000");
    expect(signedCookieValue(header, "minvej_session", secrets)).toBe("a-session-token-read-twice-0000");
    // The same cookie under secrets that do not sign it (another list, or the old one taken out).
    expect(signedCookieValue(header, "minvej_session", ["a-secret-nobody-signed-with-0000"])).toBeNull();
    expect(signedCookieValue(header, "minvej_session", [secrets[1]!])).toBeNull();
  });

  it("has nothing to read without the cookie, and an empty one is empty", () => {
    expect(signedCookieValue(null, "minvej_session", secrets)).toBeNull();
    expect(signedCookieValue("minvej_lng=da", "minvej_session", secrets)).toBeNull();
    expect(signedCookieValue("minvej_session=", "minvej_session", secrets)).toBe("");
  });
});
