import { data, redirect } from "react-router";
import type { Route } from "./+types/relatives-check";
import { ErrorContent } from "~/components/layout/ErrorContent";
import { wakeWorker } from "~/features/jobs/index.server";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";
import { limitPage, participantOf, refuseWhenLimited } from "~/lib/rate-limit.server";
import { afterCommit } from "../../../../db/client";
import { CheckPage } from "../CheckPage";
import { changeGrant, createInvitation, scopesOf } from "../commands.server";
import { clearDraft, confirmationHook, hasFreshMitId } from "../invite.server";
import { checkIntentSchema, formFields } from "../schema";
import { invitationMailer, validDraft } from "../terms.server";

/** At most RATE_LIMIT_INVITATIONS invitations (new, changed or sent again) per participant. */
export const middleware = limitPage("invitations", participantOf, { methods: ["POST"] });

const CHECK = "/paaroerende/inviter/tjek";

/** Back to the list, at the grant, with a notice; the draft is used up. */
async function toList(notice: string, grantId: string) {
  return redirect(`/paaroerende?besked=${notice}&id=${grantId}#adgang-${grantId}`, { headers: { "Set-Cookie": await clearDraft() } });
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const draft = await validDraft(request, user.participant.id);
  if (!draft) throw redirect("/paaroerende/inviter");
  if (draft.gone) throw await toList("kan-ikke-rettes", draft.grantId);
  return {
    draft: draft.input,
    change: draft.change ? { grantId: draft.change.grantId, active: draft.change.active } : null,
    scopes: scopesOf(draft.input),
    bisidder: draft.appointments,
    // "mitidFresh": she has just confirmed with MitID; one more press sends it.
    confirmation: confirmationHook(user).kind === "mitid" && hasFreshMitId(user) ? ("mitidFresh" as const) : confirmationHook(user).kind,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  refuseWhenLimited(context);
  const user = await requireParticipant(context);
  const formData = await request.formData();
  if (checkIntentSchema.parse(formFields(formData)).intent === "cancel") {
    return redirect("/paaroerende", { headers: { "Set-Cookie": await clearDraft() } });
  }
  const draft = await validDraft(request, user.participant.id);
  if (!draft) return redirect("/paaroerende/inviter");
  if (draft.gone)
    return data({ problem: "gone" as const, grantId: draft.grantId }, { status: 409, headers: { "Set-Cookie": await clearDraft() } });
  // The re-confirmation hook: "Bekræft" in the demo, a fresh MitID sign-in in production.
  const refused = await confirmationHook(user).verify({ request, formData, user, returnTo: CHECK });
  if (refused) return refused;

  const actor = participantActor(context, user);
  if (draft.change) {
    const changed = await changeGrant(actor, draft.change.grantId, draft.input, draft.change.basis);
    if (changed.status === "stale" || changed.status === "gone") {
      // Changed or ended meanwhile (another tab, the relative, the date): nothing is changed.
      return data(
        { problem: changed.status, grantId: draft.change.grantId },
        { status: 409, headers: { "Set-Cookie": await clearDraft() } },
      );
    }
    return toList(changed.status === "changed" ? "aendret" : "uaendret", draft.change.grantId);
  }

  // The mail is queued with the grant, in its transaction, and sent by the job worker after the
  // commit: the redirect never waits for an SMTP server, and a rolled-back grant sends nothing.
  const mail = invitationMailer(context, request, user);
  const { email, name } = draft.input;
  const result = await createInvitation(actor, draft.input, new Date(), (token) => mail({ email, name, token }));
  if (result.status !== "created") {
    // Someone (or another tab) got there first: back to the form, which says what is wrong.
    return data({ problem: result.status, grantId: null }, { status: 409 });
  }
  afterCommit(wakeWorker);
  return toList("sendt", result.grantId);
}

/**
 * The app's error page inside the shell, so that the root's data (language, menu) is there: a
 * refusal from the action, such as the rate limit's 429, lands here rather than at the root.
 */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorContent error={error} />;
}

export default function CheckRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <CheckPage loaderData={loaderData} actionData={actionData} />;
}
