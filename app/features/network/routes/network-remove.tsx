import { redirect } from "react-router";
import type { Route } from "./+types/network-remove";
import { removePerson } from "../commands.server";
import { RemovePersonPage } from "../PersonPages";
import { getPerson } from "../queries.server";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { participantActor } from "~/lib/actor.server";

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const person = await getPerson(user.participant.id, params.id);
  if (!person) throw notFound();
  return {
    person: {
      id: person.id,
      name: person.name,
      wantedAtMeeting: person.wantedAtMeeting,
    },
  };
}

/** Removing is a POST from this page (no JavaScript needed, no mutating GET). */
export async function action({ params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const removed = await removePerson(
    participantActor(context, user),
    params.id,
  );
  if (!removed) throw notFound();
  return redirect("/netvaerk?gemt=fjernet");
}

export default function RemovePersonRoute({ loaderData }: Route.ComponentProps) {
  return <RemovePersonPage loaderData={loaderData} />;
}
