import { redirect } from "react-router";
import type { CurrentUser } from "~/lib/auth.server";
import { notFound } from "~/lib/auth.server";
import { copenhagenDay } from "~/lib/dates";
import { publicOrigin } from "~/lib/env.server";
import { languageOf, translatorOf } from "~/lib/i18n/i18n.server";
import type { RequestContext } from "~/lib/request.server";
import { invitationMail, readDraft } from "./invite.server";
import { bisidderCandidates, grantForChange } from "./queries.server";
import { changeSchema, inviteSchema } from "./schema";
import { dayParts } from "./scopes";

/** Today's rules for the terms of a grant: the end date, and the meetings a bisidder may be chosen for. */
export async function termsRules(participantId: string, now = new Date()) {
  const today = copenhagenDay(now);
  const appointments = await bisidderCandidates(participantId, now);
  return { today, appointments, rules: { today, appointmentIds: appointments.map((appointment) => appointment.id) } };
}

/**
 * "Ret adgangen": one of the participant's own open grants. Another participant's grant, or no
 * grant: 404. One that ended meanwhile: a calm note on the list.
 */
export async function openGrant(participantId: string, grantId: string) {
  const grant = await grantForChange(participantId, grantId);
  if (!grant) throw notFound();
  if (!grant.open) throw redirect(`/paaroerende?besked=kan-ikke-rettes&id=${grant.id}#adgang-${grant.id}`);
  return grant;
}

/** The draft, checked again against today's rules (a meeting may have passed since). */
export async function validDraft(request: Request, participantId: string, now = new Date()) {
  const draft = await readDraft(request, participantId);
  if (!draft) return null;
  const { appointments, rules } = await termsRules(participantId, now);
  const raw = {
    ...draft,
    scopes: [...draft.scopes, ...(draft.network ? ["network"] : [])],
    mayComment: draft.mayComment ? "yes" : undefined,
    mayWriteMessages: draft.mayWriteMessages ? "yes" : undefined,
    validUntil: dayParts(draft.validUntil),
    birthDate: draft.birthDate ? dayParts(draft.birthDate) : undefined,
  };
  if (draft.grantId) {
    // "Ret adgangen": the same draft and page, for a grant that exists. Who it is comes from the grant.
    const grant = await grantForChange(participantId, draft.grantId, now);
    if (!grant) return null;
    if (!grant.open) return { gone: true as const, grantId: grant.id };
    const parsed = changeSchema(rules).safeParse(raw);
    if (!parsed.success) return null;
    return {
      gone: false as const,
      change: { grantId: grant.id, basis: draft.basis ?? "", active: grant.status === "active" },
      input: { ...parsed.data, name: grant.invitedName, email: grant.invitedEmail, relation: grant.relation, birthDate: grant.boundBirthDate },
      appointments: appointments.filter((appointment) => parsed.data.bisidder.includes(appointment.id)),
    };
  }
  const parsed = inviteSchema(rules).safeParse(raw);
  if (!parsed.success) return null;
  return {
    gone: false as const,
    change: null,
    input: parsed.data,
    appointments: appointments.filter((appointment) => parsed.data.bisidder.includes(appointment.id)),
  };
}

/** Builds the invitation e-mail for a new link, in the participant's language, from this request. */
export function invitationMailer(context: RequestContext, request: Request, user: CurrentUser) {
  const t = translatorOf(context, "relatives");
  const language = languageOf(context);
  const origin = publicOrigin(request);
  return (invited: { email: string; name: string; token: string }) =>
    invitationMail({
      t: (key, options) => t(key, options ?? {}) as string,
      language,
      to: invited.email,
      invitedName: invited.name,
      participantName: `${user.firstName} ${user.lastName}`,
      origin,
      link: `${origin}/invitation/${invited.token}`,
    });
}
