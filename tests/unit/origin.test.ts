import { describe, expect, it } from "vitest";
import { checkOrigin } from "../../server/origin.js";

const base = { host: "localhost:3000", protocol: "http" };

describe("origin check on non-GET requests", () => {
  it("lets reads through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(checkOrigin({ ...base, method, origin: "https://evil.example" }).ok).toBe(true);
    }
  });

  it("accepts a form posted from the portal itself", () => {
    expect(checkOrigin({ ...base, method: "POST", origin: "http://localhost:3000", secFetchSite: "same-origin" })).toEqual({
      ok: true,
    });
  });

  it("refuses a foreign Origin", () => {
    expect(checkOrigin({ ...base, method: "POST", origin: "https://evil.example" })).toEqual({
      ok: false,
      reason: "foreign origin",
    });
    expect(checkOrigin({ ...base, method: "DELETE", origin: "http://localhost:3001" }).ok).toBe(false);
  });

  it("refuses a cross-site request even when Origin looks right", () => {
    expect(checkOrigin({ ...base, method: "POST", origin: "http://localhost:3000", secFetchSite: "cross-site" }).ok).toBe(
      false,
    );
  });

  it("falls back to Referer when Origin is missing or null, and refuses when both are missing", () => {
    expect(checkOrigin({ ...base, method: "POST", referer: "http://localhost:3000/log-ind" }).ok).toBe(true);
    expect(checkOrigin({ ...base, method: "POST", origin: "null", referer: "https://evil.example/x" }).ok).toBe(false);
    expect(checkOrigin({ ...base, method: "POST" })).toEqual({ ok: false, reason: "origin missing" });
  });

  it("uses PUBLIC_ORIGIN behind a proxy instead of trusting the Host header", () => {
    const behindProxy = { method: "POST", host: "10.0.0.5:3000", protocol: "http", publicOrigin: "https://minvej.example.dk" };
    expect(checkOrigin({ ...behindProxy, origin: "https://minvej.example.dk" }).ok).toBe(true);
    expect(checkOrigin({ ...behindProxy, origin: "http://10.0.0.5:3000" }).ok).toBe(false);
  });

  it("lets NemLog-in's page post its answer to /saml/acs, and nothing else from another site", () => {
    const fromNemLogIn = { ...base, method: "POST", origin: "https://nemlog-in.mitid.dk", secFetchSite: "cross-site" };
    expect(checkOrigin({ ...fromNemLogIn, path: "/saml/acs" })).toEqual({ ok: true, crossSiteByDesign: true });
    expect(checkOrigin({ ...fromNemLogIn, path: "/saml/acs/" }).ok).toBe(false);
    expect(checkOrigin({ ...fromNemLogIn, path: "/saml/slo" }).ok).toBe(false);
    expect(checkOrigin({ ...fromNemLogIn, path: "/log-ud" }).ok).toBe(false);
    expect(checkOrigin({ ...fromNemLogIn, method: "PUT", path: "/saml/acs" }).ok).toBe(false);
  });

  it("lets a case system's request to /api/v1/ through with a bearer token only, and only there (issue 20)", () => {
    const system = { ...base, method: "POST", authorization: "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln" };
    expect(checkOrigin({ ...system, path: "/api/v1/participants" })).toEqual({ ok: true, bearer: true });
    // Without a token the usual check applies: no Origin, no entry.
    expect(checkOrigin({ ...system, authorization: undefined, path: "/api/v1/participants" })).toEqual({ ok: false, reason: "origin missing" });
    expect(checkOrigin({ ...system, authorization: "Basic dXNlcjpwYXNz", path: "/api/v1/participants" }).ok).toBe(false);
    expect(checkOrigin({ ...system, authorization: "Bearer ", path: "/api/v1/participants" }).ok).toBe(false);
    // A token opens nothing outside the API, however the path is written.
    expect(checkOrigin({ ...system, path: "/log-ud" }).ok).toBe(false);
    expect(checkOrigin({ ...system, path: "/api/v1/../log-ud" }).ok).toBe(false);
    expect(checkOrigin({ ...system, path: "/api/v1/%2e%2e/log-ud" }).ok).toBe(false);
    expect(checkOrigin({ ...system, path: "/api/v1" }).ok).toBe(false);
  });
});
