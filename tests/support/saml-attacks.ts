import { randomUUID } from "node:crypto";

// Forged SAML answers for the attack tests: each takes a genuine, signed, unencrypted SAMLResponse
// (base64, as the POST binding carries it) and bends it the way an attacker would.

export const decodeSaml = (response: string) => Buffer.from(response, "base64").toString("utf8");
export const encodeSaml = (xml: string) => Buffer.from(xml, "utf8").toString("base64");

const SIGNATURE = /<ds:Signature[\s\S]*?<\/ds:Signature>/g;
const ASSERTION = /<saml:Assertion[\s\S]*<\/saml:Assertion>/;

/** Every signature taken out. */
export function withoutSignatures(response: string) {
  return encodeSaml(decodeSaml(response).replace(SIGNATURE, ""));
}

/** Signed content changed afterwards: one text replaced by another. */
export function changedAfterSigning(response: string, from: string, to: string) {
  return encodeSaml(decodeSaml(response).replace(from, to));
}

/** A forged copy of the assertion (new id, no signature, another person), with `personUuid` replaced. */
function forgedFrom(signedAssertion: string, personUuid: string) {
  return signedAssertion.replace(SIGNATURE, "").replace(/ID="[^"]+"/, `ID="_${randomUUID()}"`).replace(personUuid, randomUUID());
}

/** Signature wrapping: the signed assertion moved inside a forged one (in its SubjectConfirmationData). */
export function wrappedInForged(response: string, personUuid: string) {
  const xml = decodeSaml(response);
  const signed = ASSERTION.exec(xml)![0];
  const forged = forgedFrom(signed, personUuid).replace(/<saml:SubjectConfirmationData([^>]*)\/>/, `<saml:SubjectConfirmationData$1>${signed}</saml:SubjectConfirmationData>`);
  return encodeSaml(xml.replace(signed, forged));
}

/** Signature wrapping: a forged assertion put before the signed one. */
export function forgedBeside(response: string, personUuid: string) {
  const xml = decodeSaml(response);
  const signed = ASSERTION.exec(xml)![0];
  return encodeSaml(xml.replace(signed, forgedFrom(signed, personUuid) + signed));
}
