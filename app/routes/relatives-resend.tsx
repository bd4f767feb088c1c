import { redirect } from "react-router";
import type { Route } from "./+types/relatives-resend";
import { resendInvitation } from "~/features/relatives/commands.server";
import { publicOrigin, sendInvitation } from "~/features/relatives/invite.server";
import { grantForChange } from "~/features/relatives/queries.server";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { i18nServer } from "~/lib/i18n/i18n.server";
import { logError } from "../../server/safe-error.js";

/** Only a POST (the button on /paaroerende): a GET goes back to the list. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireParticipant(request);
  if (!(await grantForChange(user.participant.id, params.grantId))) throw notFound();
  throw redirect(`/paaroerende#adgang-${params.grantId}`);
}

/**
 * "Send invitationen igen": a new single-use link for an invitation that has not been answered
 * (its link ran out, or the e-mail could not be sent). The old link stops working at once.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(request);
  const grant = await grantForChange(user.participant.id, params.grantId);
  if (!grant) throw notFound();
  const requestId = (context as { requestId?: string }).requestId ?? null;
  const result =
    grant.open && grant.status === "invited"
      ? await resendInvitation({ personId: user.personId, participantId: user.participant.id, requestId }, grant.id)
      : ({ status: "not_found" } as const);
  if (result.status !== "resent") {
    // Answered, withdrawn or expired meanwhile: nothing is sent, and the list says why.
    return redirect(`/paaroerende?besked=kan-ikke-sendes&id=${grant.id}#adgang-${grant.id}`);
  }
  const t = await i18nServer.getFixedT(request, "relatives");
  const language = await i18nServer.getLocale(request);
  let notice = "sendt-igen";
  try {
    await sendInvitation({
      t: (key, options) => t(key, options ?? {}) as string,
      language,
      to: result.email,
      invitedName: result.name,
      participantName: `${user.firstName} ${user.lastName}`,
      scopeNames: result.scopes.map((scope) => t(`scopesOther.${scope}`) as string),
      validUntil: result.validUntil,
      link: `${publicOrigin(request)}/invitation/${result.token}`,
    });
  } catch (error) {
    logError("invitation_mail_resend_failed", requestId, error);
    notice = "ikke-sendt";
  }
  return redirect(`/paaroerende?besked=${notice}&id=${grant.id}#adgang-${grant.id}`);
}
