import { redirect } from "react-router";
import type { Route } from "./+types/relatives-resend";
import { resendInvitation } from "~/features/relatives/commands.server";
import { invitationMailer } from "~/features/relatives/terms.server";
import { participantActor } from "~/lib/actor.server";
import { wakeWorker } from "~/features/jobs/index.server";
import { afterCommit } from "../../../../db/client";
import { grantForChange } from "~/features/relatives/queries.server";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { limitPage, participantOf, refuseWhenLimited } from "~/lib/rate-limit.server";
import { ErrorContent } from "~/components/layout/ErrorContent";

/** At most RATE_LIMIT_INVITATIONS invitations (new, changed or sent again) per participant. */
export const middleware = limitPage("invitations", participantOf, { methods: ["POST"] });

/**
 * The app's error page inside the shell, with the root's data (language, menu), for what the
 * action refuses (the rate limit's 429, an unknown grant): without it this module would be a
 * resource route, answered without the page around it.
 */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorContent error={error} />;
}

/** Only a POST (the button on /paaroerende): a GET goes back to the list. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  if (!(await grantForChange(user.participant.id, params.grantId))) throw notFound();
  throw redirect(`/paaroerende#adgang-${params.grantId}`);
}

/**
 * "Send invitationen igen": a new single-use link for an invitation that has not been answered
 * (its link ran out, or the e-mail could not be sent). The old link stops working at once.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  refuseWhenLimited(context);
  const user = await requireParticipant(context);
  const grant = await grantForChange(user.participant.id, params.grantId);
  if (!grant) throw notFound();
  // Queued with the new link in its transaction; the job worker sends it after the commit.
  const result =
    grant.open && grant.status === "invited"
      ? await resendInvitation(participantActor(context, user), grant.id, new Date(), invitationMailer(context, request, user))
      : ({ status: "not_found" } as const);
  if (result.status !== "resent") {
    // Answered, withdrawn or expired meanwhile: nothing is sent, and the list says why.
    return redirect(`/paaroerende?besked=kan-ikke-sendes&id=${grant.id}#adgang-${grant.id}`);
  }
  afterCommit(wakeWorker);
  return redirect(`/paaroerende?besked=sendt-igen&id=${grant.id}#adgang-${grant.id}`);
}
