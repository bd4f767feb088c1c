import { describe, expect, it } from "vitest";
import { detectLanguage, languageCookie } from "~/lib/i18n/i18n.server";

const request = (headers: Record<string, string>) => new Request("http://localhost/", { headers });

describe("the request's language", () => {
  it("is the one chosen with the footer switch, whatever the browser says", async () => {
    const cookie = (await languageCookie.serialize("en")).split(";")[0]!;
    expect(await detectLanguage(request({ Cookie: cookie, "Accept-Language": "da-DK,da;q=0.9" }))).toBe("en");
  });

  it("is otherwise the browser's first language, by its weights, when it is Danish or English", async () => {
    expect(await detectLanguage(request({ "Accept-Language": "en-GB,en;q=0.9" }))).toBe("en");
    expect(await detectLanguage(request({ "Accept-Language": "da;q=0.5, EN-us;q=0.9" }))).toBe("en");
    expect(await detectLanguage(request({ "Accept-Language": "da-DK" }))).toBe("da");
  });

  it("is Danish when the browser's first language is not ours, or it says nothing usable", async () => {
    expect(await detectLanguage(request({ "Accept-Language": "de-DE,en;q=0.8" }))).toBe("da");
    expect(await detectLanguage(request({ "Accept-Language": "*" }))).toBe("da");
    expect(await detectLanguage(request({ "Accept-Language": "en;q=0" }))).toBe("da");
    expect(await detectLanguage(request({ "Accept-Language": "not a language!" }))).toBe("da");
    expect(await detectLanguage(request({}))).toBe("da");
  });

  it("does not take a cookie's value that is not one of ours", async () => {
    const cookie = (await languageCookie.serialize("fr")).split(";")[0]!;
    expect(await detectLanguage(request({ Cookie: cookie, "Accept-Language": "en" }))).toBe("en");
  });
});
