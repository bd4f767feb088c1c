import { escapeMarkup } from "~/lib/escape";
import { ATTRIBUTE, birthDateFromCpr, fillTemplate, redirectRequest, REDIRECT_BINDING, RSA_PSS_SHA256, samlId, samlify } from "./saml.server";

// A SAML identity provider that plays NemLog-in: the same library, its own self-signed key, and
// RSASSA-PSS signatures as OCES3 makes them. The integration and browser tests sign in through it,
// the attack tests bend its answers, and `npm run demo` offers it as "Test-MitID". It is never
// NemLog-in: production refuses NEMLOGIN_TEST_IDP without DEMO=1 (server/config.js).

type ServiceProvider = ReturnType<typeof samlify.ServiceProvider>;

export interface TestIdentityProviderSettings {
  entityId: string;
  ssoUrl: string;
  sloUrl: string;
  key: string;
  certificate: string;
}

/** A person as the test IdP vouches for them: fictitious, as in MitID's own test environment. */
export interface TestCitizen {
  personUuid: string;
  cpr: string;
  firstName: string;
  lastName: string;
}

/** A CPR number for someone born on this date, with a test sequence number (never a real person's). */
function fictitiousCprBornOn(date: Date, serial: string) {
  const dd = String(date.getUTCDate()).padStart(2, "0");
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
  const yy = String(date.getUTCFullYear() % 100).padStart(2, "0");
  // 7th digit 4: born 2000-2036.
  return `${dd}${mm}${yy}4${serial}`;
}

/**
 * The people Test-MitID offers: the demo's own citizens (their fictitious CPR numbers, so the
 * municipality knows them), and three it does not know, to try what happens then. The demo's
 * caseworkers (Sara, Anders) are not here: they sign in with the municipality's own login.
 */
export function testCitizens(now = new Date()) {
  const fourteen = new Date(Date.UTC(now.getUTCFullYear() - 14, now.getUTCMonth(), 1));
  return [
    { key: "mette", role: "participantShe", personUuid: "5f1d4d0e-4b8e-4f3a-9a51-0c6a3b1e9d01", cpr: "1203859991", firstName: "Mette", lastName: "Hansen" },
    { key: "ali", role: "participantHe", personUuid: "5f1d4d0e-4b8e-4f3a-9a51-0c6a3b1e9d02", cpr: "0507829992", firstName: "Ali", lastName: "Hassan" },
    { key: "nanna", role: "participantShe", personUuid: "5f1d4d0e-4b8e-4f3a-9a51-0c6a3b1e9d07", cpr: "1809949997", firstName: "Nanna", lastName: "Holm" },
    { key: "jonas", role: "relative", personUuid: "5f1d4d0e-4b8e-4f3a-9a51-0c6a3b1e9d03", cpr: "2011879993", firstName: "Jonas", lastName: "Hansen" },
    { key: "lone", role: "newRelative", personUuid: "5f1d4d0e-4b8e-4f3a-9a51-0c6a3b1e9d04", cpr: "1508729995", firstName: "Lone", lastName: "Berg" },
    { key: "emil", role: "child", personUuid: "5f1d4d0e-4b8e-4f3a-9a51-0c6a3b1e9d05", cpr: fictitiousCprBornOn(fourteen, "995"), firstName: "Emil", lastName: "Berg" },
    { key: "kim", role: "unknown", personUuid: "5f1d4d0e-4b8e-4f3a-9a51-0c6a3b1e9d06", cpr: "0101809996", firstName: "Kim", lastName: "Nielsen" },
  ] as const satisfies readonly (TestCitizen & { key: string; role: string })[];
}

/** What a test may bend in an answer; every default is what NemLog-in would send. */
export interface ResponseOptions {
  /** NSIS level: "Substantial", "High" or "Low". */
  assuranceLevel?: string;
  audience?: string;
  recipient?: string;
  destination?: string;
  inResponseTo?: string;
  assertionId?: string;
  issuer?: string;
  notBefore?: Date;
  notOnOrAfter?: Date;
  sessionIndex?: string;
  /** When the person used MitID; NemLog-in may answer with an earlier one it remembers. */
  authnInstant?: Date;
  encrypt?: boolean;
  /** The SAML status; anything but Success is a refusal at the IdP (the person cancelled). */
  status?: string;
  now?: Date;
}

export interface ParsedAuthnRequest {
  id: string;
  acsUrl: string;
  forceAuthn: boolean;
  issuer: string;
}

const RESPONSE_TEMPLATE =
  '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ' +
  'ID="{ID}" Version="2.0" IssueInstant="{IssueInstant}" Destination="{Destination}" InResponseTo="{InResponseTo}">' +
  "<saml:Issuer>{Issuer}</saml:Issuer>" +
  '<samlp:Status><samlp:StatusCode Value="{StatusCode}"/></samlp:Status>' +
  '<saml:Assertion ID="{AssertionID}" Version="2.0" IssueInstant="{IssueInstant}">' +
  "<saml:Issuer>{Issuer}</saml:Issuer>" +
  '<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">{NameID}</saml:NameID>' +
  '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">' +
  '<saml:SubjectConfirmationData NotOnOrAfter="{NotOnOrAfter}" Recipient="{Recipient}" InResponseTo="{InResponseTo}"/>' +
  "</saml:SubjectConfirmation></saml:Subject>" +
  '<saml:Conditions NotBefore="{NotBefore}" NotOnOrAfter="{NotOnOrAfter}"><saml:AudienceRestriction><saml:Audience>{Audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions>' +
  '<saml:AuthnStatement AuthnInstant="{AuthnInstant}" SessionIndex="{SessionIndex}"><saml:AuthnContext>' +
  "<saml:AuthnContextClassRef>https://data.gov.dk/concept/core/nsis/loa/{AssuranceLevel}</saml:AuthnContextClassRef>" +
  "</saml:AuthnContext></saml:AuthnStatement>" +
  "<saml:AttributeStatement>{Attributes}</saml:AttributeStatement>" +
  "</saml:Assertion></samlp:Response>";

function attribute(name: string, value: string) {
  return `<saml:Attribute Name="${escapeMarkup(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue>${escapeMarkup(value)}</saml:AttributeValue></saml:Attribute>`;
}

/** Age in whole years on `now`, from a CPR number's birth date (the 7th digit gives the century). */
export function ageFromCpr(cpr: string, now = new Date()): number | null {
  const birth = birthDateFromCpr(cpr);
  if (!birth) return null;
  const [year, month, day] = birth.split("-").map(Number) as [number, number, number];
  const today = { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
  return today.year - year - (today.month < month || (today.month === month && today.day < day) ? 1 : 0);
}

export function createTestIdentityProvider(settings: TestIdentityProviderSettings) {
  const common = {
    entityID: settings.entityId,
    signingCert: settings.certificate,
    privateKey: settings.key,
    requestSignatureAlgorithm: RSA_PSS_SHA256,
    wantAuthnRequestsSigned: true,
    singleSignOnService: [{ Binding: REDIRECT_BINDING, Location: settings.ssoUrl }],
    singleLogoutService: [{ Binding: REDIRECT_BINDING, Location: settings.sloUrl }],
    dataEncryptionAlgorithm: "http://www.w3.org/2009/xmlenc11#aes256-gcm",
    keyEncryptionAlgorithm: "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p",
    loginResponseTemplate: { context: RESPONSE_TEMPLATE, attributes: [] },
  };
  const plain = samlify.IdentityProvider({ ...common, isAssertionEncrypted: false });
  const encrypting = samlify.IdentityProvider({ ...common, isAssertionEncrypted: true });

  return {
    entityId: settings.entityId,
    metadata: plain.getMetadata(),

    /** Reads and verifies a redirect-bound AuthnRequest (the URL the SP sent the browser to). */
    async readAuthnRequest(sp: ServiceProvider, url: URL): Promise<ParsedAuthnRequest> {
      const parsed = await plain.parseLoginRequest(sp, "redirect", redirectRequest(url));
      const xml = parsed.samlContent;
      return {
        id: String(parsed.extract.request?.id ?? ""),
        acsUrl: /AssertionConsumerServiceURL="([^"]+)"/.exec(xml)?.[1] ?? "",
        forceAuthn: /ForceAuthn="true"/.test(xml),
        issuer: String(parsed.extract.issuer ?? ""),
      };
    },

    /** A signed (by default encrypted) SAMLResponse for this citizen, base64 as the POST binding sends it. */
    async loginResponse(sp: ServiceProvider, request: { id: string; acsUrl: string }, citizen: TestCitizen, options: ResponseOptions = {}) {
      const now = options.now ?? new Date();
      const inFiveMinutes = new Date(now.getTime() + 5 * 60_000);
      const attributes = [
        attribute(ATTRIBUTE.specVersion, "OIO-SAML-3.0"),
        attribute(ATTRIBUTE.assuranceLevel, options.assuranceLevel ?? "Substantial"),
        attribute(ATTRIBUTE.personUuid, citizen.personUuid),
        attribute(ATTRIBUTE.cprNumber, citizen.cpr),
        attribute(ATTRIBUTE.firstName, citizen.firstName),
        attribute(ATTRIBUTE.lastName, citizen.lastName),
        attribute(ATTRIBUTE.age, String(ageFromCpr(citizen.cpr, now) ?? "")),
      ].join("");
      const idp = options.encrypt === false ? plain : encrypting;
      const requestInfo = { extract: { request: { id: options.inResponseTo ?? request.id } } };
      const response = await idp.createLoginResponse(sp, requestInfo, "post", {}, (template: string) => {
        const id = samlId();
        const context = fillTemplate(template, {
          ID: id,
          AssertionID: options.assertionId ?? samlId(),
          IssueInstant: now.toISOString(),
          Destination: options.destination ?? request.acsUrl,
          InResponseTo: options.inResponseTo ?? request.id,
          Issuer: options.issuer ?? settings.entityId,
          StatusCode: options.status ?? "urn:oasis:names:tc:SAML:2.0:status:Success",
          NameID: `https://data.gov.dk/model/core/eid/person/uuid/${citizen.personUuid}`,
          Recipient: options.recipient ?? request.acsUrl,
          NotBefore: (options.notBefore ?? new Date(now.getTime() - 60_000)).toISOString(),
          NotOnOrAfter: (options.notOnOrAfter ?? inFiveMinutes).toISOString(),
          Audience: options.audience ?? sp.entityMeta.getEntityID(),
          SessionIndex: options.sessionIndex ?? samlId(),
          AuthnInstant: (options.authnInstant ?? now).toISOString(),
          AssuranceLevel: options.assuranceLevel ?? "Substantial",
        }).replace("{Attributes}", attributes);
        return { id, context };
      });
      return response.context as string;
    },

    /** The URL of a signed LogoutRequest to the SP (NemLog-in ending the session: IdP-initiated logout). */
    logoutRequestUrl(sp: ServiceProvider, nameId: string, sessionIndex: string) {
      const { context } = plain.createLogoutRequest(sp, "redirect", { logoutNameID: nameId, sessionIndex });
      return context as string;
    },

    /** Reads and verifies an SP's LogoutRequest (SP-initiated logout); answers with the URL of a signed LogoutResponse. */
    async answerLogoutRequest(sp: ServiceProvider, url: URL) {
      const parsed = await plain.parseLogoutRequest(sp, "redirect", redirectRequest(url));
      const { context } = plain.createLogoutResponse(sp, parsed as never, "redirect", url.searchParams.get("RelayState") ?? "");
      return { nameId: String(parsed.extract.nameID ?? ""), sessionIndex: String(parsed.extract.sessionIndex ?? ""), responseUrl: context as string };
    },
  };
}

export type TestIdentityProvider = ReturnType<typeof createTestIdentityProvider>;

