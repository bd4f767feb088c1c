import { sql } from "drizzle-orm";
import { db, rowsOf } from "../../../../db/client";
import { signInRequests, usedAssertions } from "../../../../db/schema/account";
import { safeLocalPath } from "~/lib/safe-path";
import { ACCEPTED_ASSURANCE, ATTRIBUTE, birthDateFromCpr, fillTemplate, redirectRequest, samlId, samlify } from "./saml.server";
import type { NemLogInSetup } from "./setup.server";
import { takeSignInRequest } from "../sign-in-requests.server";

const ENCRYPTED_ASSERTION = /<(\w+:)?EncryptedAssertion[\s>]/;

/** How long a sign-in may take at NemLog-in before its answer is refused. */
const REQUEST_LIFETIME_MS = 15 * 60_000;

export type SignInPurpose = "sign_in" | "confirm";

/** Why an answer from NemLog-in signs nobody in. Logged as is: none of these says who. */
export type Refusal =
  | "malformed"
  | "unknown_idp"
  | "signature"
  | "wrapping"
  | "not_encrypted"
  | "expired"
  | "audience"
  | "recipient"
  | "unsolicited"
  | "replayed"
  | "assurance"
  | "cancelled"
  | "other_browser"
  | "not_fresh"
  | "unregistered";

export type ConsumeResult =
  | {
      ok: true;
      personId: string;
      assuranceLevel: string;
      /** When the person used MitID (the assertion's AuthnInstant), not when the answer came. */
      authenticatedAt: Date;
      returnTo: string | null;
      providerSession: { nameId: string; sessionIndex: string };
    }
  | { ok: false; reason: Refusal };

/**
 * Starts a sign-in: remembers the request's id (the answer must name it, once, in the same
 * browser: `browserBinding`) and returns the address of NemLog-in with the signed AuthnRequest.
 * `confirm` asks for a fresh MitID even when NemLog-in still has a session (ForceAuthn).
 * `invitationTokenHash`: she came from an invitation link (only its hash is kept).
 */
export async function startSignIn(
  setup: NemLogInSetup,
  args: { purpose: SignInPurpose; returnTo: string | null; browserBinding: string; invitationTokenHash?: string | null; now?: Date },
) {
  const now = args.now ?? new Date();
  const forceAuthn = args.purpose === "confirm";
  const { id, context } = setup.sp.createLoginRequest(setup.idp.plain, "redirect", (template: string) => {
    const requestId = samlId();
    return {
      id: requestId,
      context: fillTemplate(template, {
        ID: requestId,
        IssueInstant: now.toISOString(),
        Destination: setup.idp.plain.entityMeta.getSingleSignOnService("redirect") as string,
        ForceAuthn: String(forceAuthn),
        AssertionConsumerServiceURL: setup.settings.acsUrl,
        Issuer: setup.settings.entityId,
      }),
    };
  });
  const database = await db();
  await database.insert(signInRequests).values({
    id,
    provider: "nemlogin",
    purpose: args.purpose,
    returnTo: args.returnTo ? safeLocalPath(args.returnTo) : null,
    browserBinding: args.browserBinding,
    invitationTokenHash: args.invitationTokenHash ?? null,
    expiresAt: new Date(now.getTime() + REQUEST_LIFETIME_MS),
  });
  return context as string;
}

const SAMLIFY_REFUSALS: Record<string, Refusal> = {
  ERR_INVALID_XML: "malformed",
  ERR_UNMATCH_ISSUER: "unknown_idp",
  FAILED_TO_VERIFY_SIGNATURE: "signature",
  ERROR_UNMATCH_CERTIFICATE_DECLARATION_IN_METADATA: "signature",
  ERR_POTENTIAL_WRAPPING_ATTACK: "wrapping",
  ERR_SUBJECT_UNCONFIRMED: "expired",
  ERR_EXPIRED_SESSION: "expired",
};

function refusalOf(error: unknown): Refusal {
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith("ERR_FAILED_STATUS")) return "cancelled";
  return SAMLIFY_REFUSALS[message] ?? "signature";
}

function firstValue(value: unknown): string | null {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === "string" && one.trim() ? one.trim() : null;
}

/**
 * The answer NemLog-in posted to /saml/acs. samlify checks the schema, the signature (RSASSA-PSS
 * included), decrypts, refuses signature wrapping and an assertion outside its time window; this
 * adds what it leaves to the service provider, in this order: one assertion only, encrypted when
 * NemLog-in must encrypt, meant for us (audience) and sent to us (recipient, destination),
 * not seen before (assertion id), in answer to a request we made and have not seen answered
 * (InResponseTo), at assurance level Substantial or High, for a person the municipality knows.
 */
export async function consumeLoginResponse(
  setup: NemLogInSetup,
  samlResponse: string,
  args: { browserBinding: string | null; now?: Date },
): Promise<ConsumeResult> {
  const now = args.now ?? new Date();
  const xml = Buffer.from(samlResponse, "base64").toString("utf8");
  const encrypted = ENCRYPTED_ASSERTION.test(xml);
  if (setup.requireEncryptedAssertions && !encrypted) return { ok: false, reason: "not_encrypted" };
  // Which IdP it claims to be (not yet trusted): another than ours is refused before any key is tried.
  const claimed = samlify.Extractor.extract(xml, [{ key: "issuer", localPath: ["Response", "Issuer"], attributes: [] }]) as { issuer?: string };
  if (claimed.issuer && claimed.issuer !== setup.idp.entityId) return { ok: false, reason: "unknown_idp" };

  const idp = encrypted ? setup.idp.encrypted : setup.idp.plain;
  let parsed: { samlContent: string; extract: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    parsed = await setup.sp.parseLoginResponse(idp, "post", { body: { SAMLResponse: samlResponse } });
  } catch (error) {
    return { ok: false, reason: refusalOf(error) };
  }
  // The assertion whose signature verified, read again from what was verified (never from the
  // unsigned envelope around it), and no second assertion beside it. (samlify hands back an
  // encrypted assertion as it came unless the Response itself was signed: decrypt it here then.)
  let content = parsed.samlContent;
  if (ENCRYPTED_ASSERTION.test(content)) {
    try {
      [content] = (await samlify.SamlLib.decryptAssertion(setup.sp, content)) as [string, string];
    } catch {
      return { ok: false, reason: "malformed" };
    }
  }
  const assertionCount = (content.match(/<(\w+:)?(Encrypted)?Assertion[\s>]/g) ?? []).length;
  const [verified, assertion] = samlify.SamlLib.verifySignature(content, {
    metadata: idp.entityMeta,
    signatureAlgorithm: idp.entitySetting.requestSignatureAlgorithm,
  }) as [boolean, string | null];
  if (!verified || !assertion || assertionCount !== 1) return { ok: false, reason: "wrapping" };
  const signed = samlify.Extractor.extract(assertion, [
    { key: "assertion", localPath: ["Assertion"], attributes: ["ID"] },
    { key: "confirmation", localPath: ["Assertion", "Subject", "SubjectConfirmation", "SubjectConfirmationData"], attributes: ["Recipient", "InResponseTo", "NotOnOrAfter"] },
  ]) as { assertion?: string; confirmation?: { recipient?: string; inResponseTo?: string; notOnOrAfter?: string } };
  const { extract } = parsed;

  if (extract.audience !== setup.settings.entityId) return { ok: false, reason: "audience" };
  const destination = extract.response?.destination as string | undefined;
  if (signed.confirmation?.recipient !== setup.settings.acsUrl || (destination && destination !== setup.settings.acsUrl)) {
    return { ok: false, reason: "recipient" };
  }
  const confirmationEnds = Date.parse(signed.confirmation?.notOnOrAfter ?? "");
  if (!(confirmationEnds > now.getTime() - 60_000)) return { ok: false, reason: "expired" };

  // One attribute asked for: samlify gives its value, not an object.
  const assertionId = signed.assertion;
  if (!assertionId) return { ok: false, reason: "malformed" };
  const database = await db();
  const firstTime = await database
    .insert(usedAssertions)
    .values({ id: assertionId, expiresAt: new Date(Math.max(confirmationEnds, Date.parse(extract.conditions?.notOnOrAfter ?? "") || 0, now.getTime()) + 60_000) })
    .onConflictDoNothing()
    .returning({ id: usedAssertions.id });
  if (firstTime.length === 0) return { ok: false, reason: "replayed" };

  const inResponseTo = signed.confirmation?.inResponseTo;
  const envelopeInResponseTo = extract.response?.inResponseTo as string | undefined;
  if (!inResponseTo || (envelopeInResponseTo && envelopeInResponseTo !== inResponseTo)) return { ok: false, reason: "unsolicited" };
  const request = await takeSignInRequest("nemlogin", inResponseTo, now);
  if (!request) return { ok: false, reason: "unsolicited" };
  // Started in another browser: someone's own sign-in sent to someone else (login CSRF).
  if (!args.browserBinding || request.browserBinding !== args.browserBinding) return { ok: false, reason: "other_browser" };
  // When she used MitID. Confirming a grant needs a MitID made for this request (ForceAuthn),
  // not NemLog-in remembering an earlier one.
  const authenticatedAt = new Date(Date.parse(extract.sessionIndex?.authnInstant ?? "") || now.getTime());
  const requestedAt = request.expiresAt.getTime() - REQUEST_LIFETIME_MS;
  if (request.purpose === "confirm" && authenticatedAt.getTime() < requestedAt - 60_000) return { ok: false, reason: "not_fresh" };

  const attributes = (extract.attributes ?? {}) as Record<string, unknown>;
  const assuranceLevel = ACCEPTED_ASSURANCE.get(firstValue(attributes[ATTRIBUTE.assuranceLevel]) ?? "");
  if (!assuranceLevel) return { ok: false, reason: "assurance" };

  const nameId = firstValue(extract.nameID) ?? "";
  const personUuid = /^https:\/\/data\.gov\.dk\/model\/core\/eid\/person\/uuid\/([0-9a-f-]{36})$/i.exec(nameId)?.[1] ?? firstValue(attributes[ATTRIBUTE.personUuid]);
  if (!personUuid) return { ok: false, reason: "malformed" };
  const cpr = firstValue(attributes[ATTRIBUTE.cprNumber]);
  const birthDate = cpr ? birthDateFromCpr(cpr) : null;
  const returnTo = request.returnTo ? safeLocalPath(request.returnTo) : null;

  let personId = await personForNemLogIn(personUuid, cpr, birthDate);
  // A relative the jobcentre never registered: only when she came from an open invitation.
  if (!personId && request.invitationTokenHash && request.purpose === "sign_in") {
    personId = await registerInvitedRelative({
      personUuid,
      firstName: firstValue(attributes[ATTRIBUTE.firstName]) ?? "",
      lastName: firstValue(attributes[ATTRIBUTE.lastName]) ?? "",
      birthDate,
      invitationTokenHash: request.invitationTokenHash,
      now,
    });
  }
  if (!personId) return { ok: false, reason: "unregistered" };
  const sessionIndex = firstValue(extract.sessionIndex?.sessionIndex) ?? "";
  return {
    ok: true,
    personId,
    assuranceLevel,
    authenticatedAt,
    returnTo,
    providerSession: { nameId, sessionIndex },
  };
}

async function personForNemLogIn(personUuid: string, cpr: string | null, birthDate: string | null) {
  const database = await db();
  const [row] = rowsOf<{ person_id: string | null }>(
    await database.execute(sql`select portal.person_for_nemlogin(${personUuid}, ${cpr}, ${birthDate}::date) as person_id`),
  );
  return row?.person_id ?? null;
}

async function registerInvitedRelative(args: {
  personUuid: string;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  invitationTokenHash: string;
  now: Date;
}) {
  if (!args.firstName || !args.lastName) return null;
  const database = await db();
  const [row] = rowsOf<{ person_id: string | null }>(
    await database.execute(
      sql`select portal.register_invited_relative(${args.personUuid}, ${args.firstName}, ${args.lastName}, ${args.birthDate}::date, ${args.invitationTokenHash}, ${args.now.toISOString()}::timestamptz) as person_id`,
    ),
  );
  return row?.person_id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Single logout: we end NemLog-in's session when the person signs out here (SP-initiated), and
// end ours when NemLog-in asks (IdP-initiated, the person signed out at another service).
// ---------------------------------------------------------------------------------------------

/** The address of NemLog-in with our signed LogoutRequest for this session. */
export function logoutRequestUrl(setup: NemLogInSetup, providerSession: Record<string, string> | null) {
  if (!providerSession?.nameId) return null;
  const { context } = setup.sp.createLogoutRequest(setup.idp.plain, "redirect", {
    logoutNameID: providerSession.nameId,
    sessionIndex: providerSession.sessionIndex ?? "",
  });
  return context as string;
}

export type SloMessage =
  | { kind: "request"; nameId: string; sessionIndex: string | null; answer: () => string }
  | { kind: "response" }
  | { kind: "invalid" };

/** A message NemLog-in sent to /saml/slo by the redirect binding, verified. */
export async function readSloMessage(setup: NemLogInSetup, url: URL): Promise<SloMessage> {
  const input = redirectRequest(url);
  try {
    if (url.searchParams.has("SAMLRequest")) {
      const parsed = await setup.sp.parseLogoutRequest(setup.idp.plain, "redirect", input);
      const nameId = firstValue(parsed.extract.nameID);
      if (!nameId) return { kind: "invalid" };
      return {
        kind: "request",
        nameId,
        sessionIndex: firstValue(parsed.extract.sessionIndex),
        answer: () => setup.sp.createLogoutResponse(setup.idp.plain, parsed as never, "redirect", url.searchParams.get("RelayState") ?? "").context as string,
      };
    }
    if (url.searchParams.has("SAMLResponse")) {
      // samlify refuses a LogoutResponse whose status is not Success.
      await setup.sp.parseLogoutResponse(setup.idp.plain, "redirect", input);
      return { kind: "response" };
    }
  } catch {
    return { kind: "invalid" };
  }
  return { kind: "invalid" };
}
