import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { aParticipant } from "../../../db/builders";
import { consumeLoginResponse, startSignIn, type ConsumeResult } from "~/features/account/nemlogin/sign-in.server";
import { serviceProvider } from "~/features/account/nemlogin/saml.server";
import { hashInvitationToken } from "~/features/relatives/index.server";
import { setupFrom, type NemLogInSetup } from "~/features/account/nemlogin/setup.server";
import { createTestIdentityProvider, type TestCitizen, type TestIdentityProvider } from "~/features/account/nemlogin/test-idp.server";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { anOpenInvitation } from "../../support/invitations";
import { changedAfterSigning, decodeSaml, encodeSaml, forgedBeside, withoutSignatures, wrappedInForged } from "../../support/saml-attacks";
import { aKeyPair } from "../../support/test-certificates";

// Issue 17: MitID through NemLog-in (OIOSAML 3). The service provider's rules, against a test
// identity provider that signs with RSASSA-PSS as NemLog-in's OCES3 certificates do. Every attack
// the issue lists is refused here, each by its own test: no person comes back, only a reason.

const ORIGIN = "https://minvej.test";
const IDP_ENTITY = "https://saml.test-nemlog-in.dk";

let database: TestDatabase;
let idp: TestIdentityProvider;
let otherIdp: TestIdentityProvider;
let impostor: TestIdentityProvider;
let setup: NemLogInSetup;
let mette: TestCitizen & { personId: string };

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  const [spKeys, idpKeys, otherKeys] = await Promise.all([aKeyPair("Min Vej test SP"), aKeyPair("Test NemLog-in"), aKeyPair("Another IdP")]);
  const idpUrls = { ssoUrl: `${IDP_ENTITY}/sso`, sloUrl: `${IDP_ENTITY}/slo` };
  idp = createTestIdentityProvider({ entityId: IDP_ENTITY, ...idpUrls, ...idpKeys });
  // Same name as NemLog-in, another key: a forged signature.
  impostor = createTestIdentityProvider({ entityId: IDP_ENTITY, ...idpUrls, ...otherKeys });
  // Another identity provider altogether.
  otherIdp = createTestIdentityProvider({ entityId: "https://idp.elsewhere.example", ssoUrl: "https://idp.elsewhere.example/sso", sloUrl: "https://idp.elsewhere.example/slo", ...otherKeys });
  setup = setupFrom({ origin: ORIGIN, ...spKeys, idpMetadata: idp.metadata, requireEncryptedAssertions: false });
  const cpr = "1203859991";
  const built = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen", cpr } }).build(database.db);
  mette = { personId: built.personId, personUuid: randomUUID(), cpr, firstName: "Mette", lastName: "Hansen" };
}, 60_000);
afterAll(async () => {
  await database.dispose();
});

/** The browser's own binding (the cookie's hash); the tests' one browser unless said otherwise. */
const BROWSER = "a-browser-binding-hash";
const consume = (response: string, browserBinding: string | null = BROWSER) => consumeLoginResponse(setup, response, { browserBinding });

/** What the browser would bring back from NemLog-in: our request read by the IdP, its answer. */
async function signInAt(
  options: Parameters<TestIdentityProvider["loginResponse"]>[3] = {},
  args: { citizen?: TestCitizen; from?: TestIdentityProvider; returnTo?: string; invitationTokenHash?: string; purpose?: "sign_in" | "confirm" } = {},
) {
  const url = new URL(
    await startSignIn(setup, { purpose: args.purpose ?? "sign_in", returnTo: args.returnTo ?? null, browserBinding: BROWSER, invitationTokenHash: args.invitationTokenHash }),
  );
  const request = await idp.readAuthnRequest(setup.sp, url);
  const response = await (args.from ?? idp).loginResponse(setup.sp, request, args.citizen ?? mette, options);
  return { request, response };
}

async function refusal(result: Promise<ConsumeResult>) {
  const answer = await result;
  expect(answer.ok).toBe(false);
  return answer.ok ? null : answer.reason;
}

async function rows(query: ReturnType<typeof sql>) {
  const result = await database.db.execute(query);
  return (result as unknown as { rows?: unknown[] }).rows ?? (result as unknown as unknown[]);
}


describe("the AuthnRequest", () => {
  it("is signed, asks for assurance level Substantial at least, names our ACS, and forces a fresh MitID only to confirm", async () => {
    const url = new URL(await startSignIn(setup, { purpose: "sign_in", returnTo: "/min-plan", browserBinding: BROWSER }));
    expect(url.origin + url.pathname).toBe(`${IDP_ENTITY}/sso`);
    expect(url.searchParams.get("Signature")).toBeTruthy();
    const request = await idp.readAuthnRequest(setup.sp, url);
    expect(request).toMatchObject({ acsUrl: `${ORIGIN}/saml/acs`, forceAuthn: false, issuer: `${ORIGIN}/saml/metadata` });
    const confirm = await idp.readAuthnRequest(setup.sp, new URL(await startSignIn(setup, { purpose: "confirm", returnTo: "/paaroerende/inviter/tjek", browserBinding: BROWSER })));
    expect(confirm.forceAuthn).toBe(true);
    // A request whose signature does not verify is not one of ours.
    const tampered = new URL(url);
    tampered.searchParams.set("SigAlg", "http://www.w3.org/2000/09/xmldsig#rsa-sha1");
    await expect(idp.readAuthnRequest(setup.sp, tampered)).rejects.toThrow();
  });

  it("publishes our metadata: signing and encryption certificate, the ACS and single logout", () => {
    const metadata = setup.sp.getMetadata();
    expect(metadata).toContain(`entityID="${ORIGIN}/saml/metadata"`);
    expect(metadata).toContain('AuthnRequestsSigned="true"');
    expect(metadata).toContain('WantAssertionsSigned="true"');
    expect(metadata).toMatch(/use="signing"/);
    expect(metadata).toMatch(/use="encryption"/);
    expect(metadata).toContain(`Location="${ORIGIN}/saml/acs"`);
    expect(metadata).toContain(`Location="${ORIGIN}/saml/slo"`);
  });
});

describe("a MitID sign-in", () => {
  it("signs in the registered person by CPR the first time, by NemLog-in person UUID after that, with the assurance level and what logout needs", async () => {
    const { response } = await signInAt({ assuranceLevel: "Substantial" }, { returnTo: "/min-plan" });
    const first = await consume(response);
    expect(first).toMatchObject({ ok: true, personId: mette.personId, assuranceLevel: "substantial", returnTo: "/min-plan" });
    if (first.ok) {
      expect(first.providerSession.nameId).toBe(`https://data.gov.dk/model/core/eid/person/uuid/${mette.personUuid}`);
      expect(first.providerSession.sessionIndex).toMatch(/^_/);
    }
    // The second time the CPR number is not needed: the person UUID is bound.
    const { response: again } = await signInAt({ assuranceLevel: "High" }, { citizen: { ...mette, cpr: "0000000000" } });
    expect(await consume(again)).toMatchObject({ ok: true, personId: mette.personId, assuranceLevel: "high" });
  });

  it("reads an encrypted assertion (as NemLog-in sends it) signed with RSASSA-PSS", async () => {
    const { response } = await signInAt({ encrypt: true });
    const xml = decodeSaml(response);
    expect(xml).toContain("EncryptedAssertion");
    expect(xml).not.toContain(mette.cpr);
    expect(await consume(response)).toMatchObject({ ok: true, personId: mette.personId });
  });

  it("reads an encrypted assertion inside a Response that is signed as well", async () => {
    const url = new URL(await startSignIn(setup, { purpose: "sign_in", returnTo: null, browserBinding: BROWSER }));
    const request = await idp.readAuthnRequest(setup.sp, url);
    // An SP that asks for signed messages makes the test IdP sign the Response too.
    const wantsSignedMessages = serviceProvider(setup.settings);
    wantsSignedMessages.entitySetting.wantMessageSigned = true;
    const response = await idp.loginResponse(wantsSignedMessages, request, mette, { encrypt: true });
    expect(decodeSaml(response)).toMatch(/<samlp:Response[^>]*>.*<ds:Signature/s);
    expect(await consume(response)).toMatchObject({ ok: true, personId: mette.personId });
  });

  it("refuses a plain assertion where NemLog-in must encrypt", async () => {
    const strict = { ...setup, requireEncryptedAssertions: true };
    const { response } = await signInAt({ encrypt: false });
    expect(await refusal(consumeLoginResponse(strict, response, { browserBinding: BROWSER }))).toBe("not_encrypted");
  });

  it("has nothing for a person the municipality has not registered, and creates no one", async () => {
    const stranger = { personUuid: randomUUID(), cpr: "0101809996", firstName: "Kim", lastName: "Nielsen" };
    const { response } = await signInAt({}, { citizen: stranger });
    expect(await refusal(consume(response))).toBe("unregistered");
    expect(await rows(sql`select count(*)::int as n from portal.persons where first_name = 'Kim'`)).toEqual([{ n: 0 }]);
  });
});

describe("attacks refused", () => {
  it("an unsigned response", async () => {
    const { response } = await signInAt({ encrypt: false });
    const unsigned = withoutSignatures(response);
    expect(decodeSaml(unsigned)).not.toContain("Signature");
    expect(await refusal(consume(unsigned))).toBe("signature");
  });

  it("a response signed with another key in NemLog-in's name", async () => {
    const { response } = await signInAt({}, { from: impostor });
    expect(await refusal(consume(response))).toBe("signature");
  });

  it("a signed assertion whose content was changed afterwards (another CPR number)", async () => {
    const { response } = await signInAt({ encrypt: false });
    expect(await refusal(consume(changedAfterSigning(response, mette.cpr, "2011879993")))).toBe("signature");
  });

  it("signature wrapping: the signed assertion moved inside an unsigned, forged one", async () => {
    const { response } = await signInAt({ encrypt: false });
    expect(await refusal(consume(wrappedInForged(response, mette.personUuid)))).toBe("wrapping");
  });

  it("signature wrapping: a forged assertion beside the signed one", async () => {
    const { response } = await signInAt({ encrypt: false });
    expect(await refusal(consume(forgedBeside(response, mette.personUuid)))).toBe("wrapping");
  });

  it("an assertion for another service (audience)", async () => {
    const { response } = await signInAt({ audience: "https://another-service.example/saml" });
    expect(await refusal(consume(response))).toBe("audience");
  });

  it("an assertion sent to another address (recipient, destination)", async () => {
    const { response } = await signInAt({ recipient: "https://another-service.example/acs" });
    expect(await refusal(consume(response))).toBe("recipient");
    const { response: elsewhere } = await signInAt({ destination: "https://another-service.example/acs" });
    expect(await refusal(consume(elsewhere))).toBe("recipient");
  });

  it("an expired assertion, and one not valid yet", async () => {
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    const { response } = await signInAt({ now: new Date(hourAgo.getTime() - 5 * 60_000), notOnOrAfter: hourAgo });
    expect(await refusal(consume(response))).toBe("expired");
    const inAnHour = new Date(Date.now() + 60 * 60_000);
    const { response: early } = await signInAt({ notBefore: inAnHour, notOnOrAfter: new Date(inAnHour.getTime() + 5 * 60_000) });
    expect(await refusal(consume(early))).toBe("expired");
  });

  it("the same assertion twice (replay)", async () => {
    const { response } = await signInAt();
    expect((await consume(response)).ok).toBe(true);
    expect(await refusal(consume(response))).toBe("replayed");
  });

  it("an answer to a request this service never sent (InResponseTo), or to one already answered", async () => {
    const { response } = await signInAt({ inResponseTo: `_${randomUUID()}` });
    expect(await refusal(consume(response))).toBe("unsolicited");
    // A second, freshly signed assertion for a request that was already used.
    const { request, response: first } = await signInAt();
    expect((await consume(first)).ok).toBe(true);
    const second = await idp.loginResponse(setup.sp, request, mette);
    expect(await refusal(consume(second))).toBe("unsolicited");
  });

  it("assurance level Low", async () => {
    const { response } = await signInAt({ assuranceLevel: "Low" });
    expect(await refusal(consume(response))).toBe("assurance");
  });

  it("an identity provider this service does not know", async () => {
    const { response } = await signInAt({}, { from: otherIdp });
    expect(await refusal(consume(response))).toBe("unknown_idp");
  });

  it("a sign-in the person cancelled at NemLog-in (status not Success)", async () => {
    const { response } = await signInAt({ status: "urn:oasis:names:tc:SAML:2.0:status:Responder", encrypt: false });
    expect(await refusal(consume(response))).toBe("cancelled");
  });

  it("an answer brought to another browser than the one that started the sign-in (login CSRF)", async () => {
    const { response } = await signInAt();
    expect(await refusal(consume(response, "another-browser"))).toBe("other_browser");
    const { response: noCookie } = await signInAt();
    expect(await refusal(consume(noCookie, null))).toBe("other_browser");
    // The request is used up either way: the right browser cannot use it afterwards either.
    expect(await refusal(consume(noCookie))).toBe("replayed");
  });

  it("a confirmation answered with a MitID NemLog-in remembered from before the request (ForceAuthn not honoured)", async () => {
    const { response } = await signInAt({ authnInstant: new Date(Date.now() - 60 * 60_000) }, { purpose: "confirm" });
    expect(await refusal(consume(response))).toBe("not_fresh");
    // An ordinary sign-in may reuse it; the session then says when MitID was used.
    const earlier = new Date(Date.now() - 60 * 60_000);
    const { response: reused } = await signInAt({ authnInstant: earlier });
    const result = await consume(reused);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.authenticatedAt.toISOString()).toBe(earlier.toISOString());
  });

  it("what is not SAML at all", async () => {
    expect(await refusal(consume(encodeSaml("<hello/>")))).toBe("malformed");
    expect(await refusal(consume("not base64 at all!"))).toBe("malformed");
  });
});

describe("a relative the municipality never registered", () => {
  it("is created from the verified MitID name only while her invitation is open, once, and never from thin air", async () => {
    const participant = await aParticipant().build(database.db);
    const { token } = await anOpenInvitation(database.db, participant.participantId, { invitedName: "Lone" });
    const tokenHash = hashInvitationToken(token);
    const lone = { personUuid: randomUUID(), cpr: "1508729995", firstName: "Lone", lastName: "Berg" };
    // From a link that is not an open invitation: nothing.
    const { response: fromNowhere } = await signInAt({}, { citizen: lone, invitationTokenHash: hashInvitationToken("x".repeat(43)) });
    expect(await refusal(consume(fromNowhere))).toBe("unregistered");
    // From her invitation: a person with the verified name and birth date, bound to her UUID.
    const { response } = await signInAt({}, { citizen: lone, invitationTokenHash: tokenHash });
    const result = await consume(response);
    expect(result).toMatchObject({ ok: true, returnTo: null });
    expect(await rows(sql`select first_name, last_name, birth_date::text, cpr from portal.persons where id = ${result.ok ? result.personId : null}`)).toEqual([
      { first_name: "Lone", last_name: "Berg", birth_date: "1972-08-15", cpr: null },
    ]);
    // Next time she is known by her UUID, without any invitation.
    const { response: later } = await signInAt({}, { citizen: lone });
    expect(await consume(later)).toMatchObject({ ok: true, personId: result.ok ? result.personId : "" });
  });
});
