import { redirect } from "react-router";
import type { Route } from "./+types/relatives-confirm";
import { confirmGrant } from "~/features/relatives/commands.server";
import { findOwnGrant } from "~/features/relatives/queries.server";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { participantActor } from "~/lib/actor.server";
import { confirmAnswerSchema, formFields } from "../schema";

/**
 * "Er det den person, du inviterede?": the participant's answer for a grant someone accepted.
 * The question and its two buttons live on the list (/paaroerende), which works without
 * JavaScript; this address only takes the answer. Nothing is granted before "confirm".
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const grant = await findOwnGrant(user.participant.id, params.grantId);
  if (!grant) throw notFound();
  throw redirect(`/paaroerende#adgang-${grant.id}`);
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const parsed = confirmAnswerSchema.safeParse(formFields(await request.formData()));
  if (!parsed.success) return redirect("/paaroerende");
  const result = await confirmGrant(participantActor(context, user), params.grantId, parsed.data.answer);
  if (result === "not_found") {
    // Not hers (404), or answered already / no longer waiting (the list says how it stands).
    const own = await findOwnGrant(user.participant.id, params.grantId);
    if (!own) throw notFound();
    return redirect(`/paaroerende#adgang-${own.id}`);
  }
  const notice = result === "confirmed" ? "bekraeftet" : "afvist";
  return redirect(`/paaroerende?besked=${notice}&id=${params.grantId}#adgang-${params.grantId}`);
}
