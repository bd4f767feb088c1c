import { createCookie, redirect } from "react-router";
import type { CurrentUser } from "~/lib/auth.server";
import { env } from "~/lib/env.server";
import { escapeMarkup } from "~/lib/escape";
import type { Mail } from "./mail.server";
import { confirmYesSchema, formFields } from "./schema";
import { INVITATION_DAYS } from "./scopes";

// ---------------------------------------------------------------------------------------------
// The draft between "Inviter en pårørende" and "Tjek og bekræft": a signed, HttpOnly cookie, so
// the steps work without JavaScript and survive a round trip to MitID (see the hook below).
// ---------------------------------------------------------------------------------------------

export interface InviteDraft {
  participantId: string;
  name: string;
  email: string;
  relation: string;
  /** "Fødselsdato (valgfri)": only the person born that day may accept (checked against MitID). */
  birthDate?: string | null;
  scopes: string[];
  network: boolean;
  mayComment: boolean;
  /** With the messages scope: may also write in her conversations (a draft from before it: undefined, read as no). */
  mayWriteMessages: boolean;
  bisidder: string[];
  validUntil: string;
  /** Set when the draft changes an existing grant ("Ret adgangen") instead of inviting someone. */
  grantId?: string;
  /** The grant as it was when the change form was opened (see `grantBasis`): a stale change is refused. */
  basis?: string;
}

const draftCookie = createCookie(env.secureCookies ? "__Host-minvej_invite_draft" : "minvej_invite_draft", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: env.secureCookies,
  secrets: env.sessionSecrets,
  maxAge: 60 * 60,
});

export async function readDraft(request: Request, participantId: string): Promise<InviteDraft | null> {
  const value: unknown = await draftCookie.parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return null;
  const draft = value as InviteDraft;
  // A draft belongs to the participant who wrote it, never to whoever uses the browser next.
  return draft.participantId === participantId ? draft : null;
}

export function saveDraft(draft: InviteDraft): Promise<string> {
  return draftCookie.serialize(draft);
}

export function clearDraft(): Promise<string> {
  return draftCookie.serialize("", { maxAge: 0 });
}

// ---------------------------------------------------------------------------------------------
// The re-confirmation hook. Creating or changing a grant hands out access to someone else, so it
// is confirmed by the participant at that moment, not just by an old session.
// ---------------------------------------------------------------------------------------------

/**
 * How a grant change is confirmed.
 *
 * - `demo` (a demo session, while DEMO=1): the "Bekræft" button on the check page posts `confirm=yes`.
 * - `mitid` (a MitID session): only a MitID authentication of this person made within
 *   `FRESH_MS` confirms. Older: the button sends her to NemLog-in for a fresh MitID
 *   (`ForceAuthn`, assurance level Substantial), back to the check page, where she presses it
 *   again. A MitID for someone else starts that person's own session, whose draft this is not.
 */
export interface ConfirmationHook {
  kind: "demo" | "mitid";
  /** null: confirmed, go ahead. A Response: send it instead (a redirect to MitID, or a refusal). */
  verify(args: { request: Request; formData: FormData; user: CurrentUser; returnTo: string }): Promise<Response | null>;
}

export const FRESH_MS = 5 * 60 * 1000;

const demoConfirmation: ConfirmationHook = {
  kind: "demo",
  async verify({ formData, returnTo }) {
    return confirmYesSchema.safeParse(formFields(formData)).success ? null : redirect(returnTo);
  },
};

/** Has this person proved who she is with MitID in the last five minutes? */
export function hasFreshMitId(user: Pick<CurrentUser, "provider" | "authenticatedAt">, now = new Date()) {
  return user.provider === "nemlogin" && now.getTime() - user.authenticatedAt.getTime() <= FRESH_MS;
}

const mitidConfirmation: ConfirmationHook = {
  kind: "mitid",
  async verify({ user, returnTo }) {
    if (hasFreshMitId(user)) return null;
    return redirect(`/log-ind/mitid?bekraeft=1&til=${encodeURIComponent(returnTo)}`);
  },
};

/** The demo's button for a demo session, a fresh MitID for everyone else. */
export function confirmationHook(user: Pick<CurrentUser, "provider">): ConfirmationHook {
  return user.provider === "demo" && env.demoLogin ? demoConfirmation : mitidConfirmation;
}

// ---------------------------------------------------------------------------------------------
// The invitation link, before sign-in: remembered in a short-lived cookie, so that after the
// sign-in (which lands on the overview) the relative comes straight back to the invitation.
// ---------------------------------------------------------------------------------------------

const pendingCookie = createCookie(env.secureCookies ? "__Host-minvej_invitation" : "minvej_invitation", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: env.secureCookies,
  secrets: env.sessionSecrets,
  maxAge: 30 * 60,
});

export function rememberInvitation(token: string): Promise<string> {
  return pendingCookie.serialize(token);
}

export function forgetInvitation(): Promise<string> {
  return pendingCookie.serialize("", { maxAge: 0 });
}

/** The invitation the person opened before signing in (its path), or null. */
export async function pendingInvitationPath(request: Request): Promise<string | null> {
  const value: unknown = await pendingCookie.parse(request.headers.get("Cookie"));
  if (typeof value !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(value)) return null;
  return `/invitation/${value}`;
}

/** For the overview: a redirect back to the invitation the person opened before signing in. */
export async function pendingInvitationRedirect(request: Request): Promise<Response | null> {
  const path = await pendingInvitationPath(request);
  return path ? redirect(path) : null;
}

// ---------------------------------------------------------------------------------------------
// The e-mail
// ---------------------------------------------------------------------------------------------

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * The invitation e-mail says only who invites and where to sign in (issue 14, point 5): an e-mail
 * passes through other people's servers and inboxes, so no jobcentre, no programme, no meeting and
 * nothing about health; what the relative may see is shown after signing in. Names are the
 * participant's and the one she typed: in the HTML part they are escaped, so "<b>" in a name
 * arrives as text.
 */
export function invitationMail(args: {
  t: T;
  language: string;
  to: string;
  invitedName: string;
  participantName: string;
  /** The portal's address, e.g. https://minvej.example.dk */
  origin: string;
  link: string;
}): Mail {
  const { t } = args;
  const paragraphs = [
    t("mail.greeting", { name: args.invitedName }),
    t("mail.intro", { participant: args.participantName }),
    t("mail.howTo", { days: INVITATION_DAYS }),
  ];
  const after = [t("mail.address", { origin: args.origin }), t("mail.notYou")];
  const subject = t("mail.subject", { participant: args.participantName });
  const text = [...paragraphs, args.link, ...after, "", t("mail.signature")].join("\n\n");
  const html = [
    ...paragraphs.map((paragraph) => `<p>${escapeMarkup(paragraph)}</p>`),
    `<p><a href="${escapeMarkup(args.link)}">${escapeMarkup(t("mail.linkText"))}</a></p>`,
    ...after.map((paragraph) => `<p>${escapeMarkup(paragraph)}</p>`),
    `<p>${escapeMarkup(t("mail.signature"))}</p>`,
  ].join("\n");
  return { to: args.to, subject, text, html: `<!doctype html><html lang="${args.language}"><body>${html}</body></html>` };
}
