import * as samlify from "samlify";
import { validateXML } from "xmllint-wasm";
import { escapeMarkup } from "~/lib/escape";
import assertionXsd from "./xsd/saml-schema-assertion-2.0.xsd?raw";
import protocolXsd from "./xsd/saml-schema-protocol-2.0.xsd?raw";
import xencXsd from "./xsd/xenc-schema.xsd?raw";
import xmldsigXsd from "./xsd/xmldsig-core-schema.xsd?raw";

// samlify for NemLog-in (OIOSAML 3): it verifies RSASSA-PSS signatures (OCES3), decrypts
// assertions, rejects signature wrapping and checks the assertion's time window. What it leaves to
// us (audience, recipient, InResponseTo, replay, assurance level) is in sign-in.server.ts.
// Decision record: docs/decisions/0020-nemlogin-with-samlify.md.

/** Every message is checked against the SAML 2.0 schemas (libxml2 in WebAssembly) before anything else reads it. */
samlify.setSchemaValidator({
  async validate(xml: string) {
    const result = await validateXML({
      xml: [{ fileName: "message.xml", contents: xml }],
      schema: [{ fileName: "saml-schema-protocol-2.0.xsd", contents: protocolXsd }],
      preload: [
        { fileName: "saml-schema-assertion-2.0.xsd", contents: assertionXsd },
        { fileName: "xmldsig-core-schema.xsd", contents: xmldsigXsd },
        { fileName: "xenc-schema.xsd", contents: xencXsd },
      ],
    });
    if (!result.valid) throw new Error("ERR_INVALID_XML");
    return "valid";
  },
});

export { samlify };

export const RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
/** RSASSA-PSS with SHA-256: how NemLog-in's OCES3 certificates sign. */
export const RSA_PSS_SHA256 = "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1";

const BINDING = samlify.Constants.namespace.binding;
export const POST_BINDING = BINDING.post;
export const REDIRECT_BINDING = BINDING.redirect;

/** The OIOSAML 3 attributes Min Vej reads. */
export const ATTRIBUTE = {
  specVersion: "https://data.gov.dk/model/core/specVersion",
  assuranceLevel: "https://data.gov.dk/concept/core/nsis/loa",
  cprNumber: "https://data.gov.dk/model/core/eid/cprNumber",
  firstName: "https://data.gov.dk/model/core/eid/firstName",
  lastName: "https://data.gov.dk/model/core/eid/lastName",
  age: "https://data.gov.dk/model/core/eid/age",
  personUuid: "https://data.gov.dk/model/core/eid/person/uuid",
} as const;

export const SUBSTANTIAL_CONTEXT = "https://data.gov.dk/concept/core/nsis/loa/Substantial";

/** The NSIS levels Min Vej accepts: Substantial (betydelig) or High (høj), never Low. */
export const ACCEPTED_ASSURANCE = new Map([
  ["Substantial", "substantial"],
  ["High", "high"],
]);

export interface ServiceProviderSettings {
  entityId: string;
  acsUrl: string;
  sloUrl: string;
  key: string;
  certificate: string;
}

/**
 * Our side, as NemLog-in sees it: signed AuthnRequests (and logout messages), signed assertions
 * wanted, encrypted assertions decrypted with the same key.
 */
export function serviceProvider(settings: ServiceProviderSettings) {
  return samlify.ServiceProvider({
    entityID: settings.entityId,
    authnRequestsSigned: true,
    wantAssertionsSigned: true,
    wantLogoutRequestSigned: true,
    wantLogoutResponseSigned: true,
    signingCert: settings.certificate,
    privateKey: settings.key,
    encryptCert: settings.certificate,
    encPrivateKey: settings.key,
    requestSignatureAlgorithm: RSA_SHA256,
    nameIDFormat: ["urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"],
    assertionConsumerService: [{ Binding: POST_BINDING, Location: settings.acsUrl }],
    singleLogoutService: [{ Binding: REDIRECT_BINDING, Location: settings.sloUrl }],
    // Assertions are checked against the clock with a minute's leeway either way.
    clockDrifts: [-60_000, 60_000],
    loginRequestTemplate: { context: AUTHN_REQUEST_TEMPLATE },
  });
}

/**
 * NemLog-in (or the test identity provider), from its metadata. Which algorithm a signature uses
 * is read from the signature itself (its SignatureMethod: RSASSA-PSS from NemLog-in); the
 * certificate must be the one in the metadata.
 */
export function identityProvider(metadata: string) {
  return samlify.IdentityProvider({ metadata, wantAuthnRequestsSigned: true });
}

/**
 * OIOSAML 3's AuthnRequest: assurance level Substantial at least, and ForceAuthn when a fresh
 * MitID is needed (a participant confirming who may see her data).
 */
const AUTHN_REQUEST_TEMPLATE =
  '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ' +
  'ID="{ID}" Version="2.0" IssueInstant="{IssueInstant}" Destination="{Destination}" ForceAuthn="{ForceAuthn}" ' +
  'ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" AssertionConsumerServiceURL="{AssertionConsumerServiceURL}">' +
  "<saml:Issuer>{Issuer}</saml:Issuer>" +
  '<samlp:RequestedAuthnContext Comparison="minimum"><saml:AuthnContextClassRef>' +
  SUBSTANTIAL_CONTEXT +
  "</saml:AuthnContextClassRef></samlp:RequestedAuthnContext></samlp:AuthnRequest>";

export function fillTemplate(template: string, values: Record<string, string>) {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? escapeMarkup(values[name]!) : whole));
}

export function samlId() {
  return `_${crypto.randomUUID()}`;
}

/** The birth date a CPR number holds (yyyy-mm-dd), or null when it is not one. */
export function birthDateFromCpr(cpr: string): string | null {
  const match = /^(\d{2})(\d{2})(\d{2})(\d)\d{3}$/.exec(cpr);
  if (!match) return null;
  const [, dd, mm, yy, seventh] = match as unknown as [string, string, string, string, string];
  const year2 = Number(yy);
  const digit = Number(seventh);
  // The CPR office's table: which century a 2-digit year is in, by the 7th digit.
  const century = digit <= 3 ? 1900 : digit === 4 || digit === 9 ? (year2 <= 36 ? 2000 : 1900) : year2 <= 57 ? 2000 : 1800;
  const date = new Date(Date.UTC(century + year2, Number(mm) - 1, Number(dd)));
  if (date.getUTCDate() !== Number(dd) || date.getUTCMonth() !== Number(mm) - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** samlify's redirect-binding input: the query, and the signed part of it exactly as sent. */
export function redirectRequest(url: URL) {
  const saml = ["SAMLRequest", "SAMLResponse", "RelayState", "SigAlg", "Signature"];
  const query = Object.fromEntries([...url.searchParams].filter(([name]) => saml.includes(name)));
  // Only the binding's own parameters, in the order sent (a framework may add its own to the URL).
  const octetString = url.search
    .slice(1)
    .split("&")
    .filter((part) => saml.includes(part.split("=")[0]!) && !part.startsWith("Signature="))
    .join("&");
  return { query, octetString };
}
