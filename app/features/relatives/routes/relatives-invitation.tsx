import { data, redirect } from "react-router";
import type { Route } from "./+types/relatives-invitation";
import { getCurrentUser, requireUser } from "~/lib/auth.server";
import { copenhagenDay } from "~/lib/dates";
import { requestIdOf } from "~/lib/request.server";
import { answerInvitation, refusedAnswerer } from "../commands.server";
import { InvitationPage } from "../InvitationPage";
import { forgetInvitation, rememberInvitation } from "../invite.server";
import { findInvitation } from "../queries.server";
import { formFields, invitationAnswerSchema } from "../schema";
import type { Calm } from "../status";

/**
 * The link from the e-mail. It grants nothing by itself: a signed-out visitor is told to sign in
 * (and comes back here after), a signed-in person sees what is offered and answers. Links that
 * no longer work get a calm page that says why and what to do.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const token = params.token;
  const found = await findInvitation(token);
  const { user } = await getCurrentUser(context);
  if (!user) {
    if (found.state !== "open") {
      return data({ view: "calm" as const, calm: found.state as Calm, participantName: "participantName" in found ? found.participantName : null }, { status: found.state === "unknown" ? 404 : 410 });
    }
    return data({ view: "signIn" as const }, { headers: { "Set-Cookie": await rememberInvitation(token) } });
  }
  const headers = { "Set-Cookie": await forgetInvitation() };
  if (found.state !== "open") {
    return data(
      { view: "calm" as const, calm: found.state as Calm, participantName: "participantName" in found ? found.participantName : null },
      { status: found.state === "unknown" ? 404 : 410, headers },
    );
  }
  // The participant herself, anyone in a programme themselves, caseworkers, anyone under 15 (or of
  // unknown age) and, for an invitation bound to a birth date, anyone else never get the offer.
  const refused = refusedAnswerer(
    { participantId: user.participant?.id ?? null, isCaseworker: user.isCaseworker, birthDate: user.birthDate },
    found,
    copenhagenDay(new Date()),
  );
  if (refused) {
    return data({ view: "calm" as const, calm: refused as Calm, participantName: found.participantName }, { status: refused === "own" ? 200 : 403, headers });
  }
  const { participantName, participantFirstName, invitedName, relation, scopes, mayComment, mayWriteMessages, bisidderCount, validUntil } = found;
  return data(
    {
      view: "answer" as const,
      signedInAs: `${user.firstName} ${user.lastName}`,
      invitation: { participantName, participantFirstName, invitedName, relation, scopes, mayComment, mayWriteMessages, bisidderCount, validUntil },
    },
    { headers },
  );
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireUser(context);
  const parsed = invitationAnswerSchema.safeParse(formFields(await request.formData()));
  if (!parsed.success) return redirect(`/invitation/${params.token}`);
  const result = await answerInvitation(
    {
      personId: user.personId,
      participantId: user.participant?.id ?? null,
      isCaseworker: user.isCaseworker,
      birthDate: user.birthDate,
      requestId: requestIdOf(context),
    },
    params.token,
    parsed.data.answer,
  );
  switch (result.status) {
    case "awaiting":
      // Nothing is granted yet: the participant first confirms that this account is the right person.
      return redirect("/hjaelper?afventer=1");
    case "declined":
      return data({ done: "declined" as const, calm: null, participantName: null }, { status: 200 });
    case "already":
      return data({ done: null, calm: result.status as Calm, participantName: null }, { status: 409 });
    case "own":
      return data({ done: null, calm: result.status as Calm, participantName: result.participantName }, { status: 409 });
    case "participant":
    case "caseworker":
    case "noBirthDate":
    case "tooYoung":
    case "otherPerson":
      // Nothing was written: the link still works for the right person.
      return data({ done: null, calm: result.status as Calm, participantName: result.participantName }, { status: 403 });
    default:
      return redirect(`/invitation/${params.token}`);
  }
}

export default function InvitationRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <InvitationPage loaderData={loaderData} actionData={actionData} />;
}
