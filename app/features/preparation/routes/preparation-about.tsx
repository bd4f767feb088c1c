import { redirect } from "react-router";
import type { Route } from "./+types/preparation-about";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";
import { AboutPage } from "../AboutPage";
import { markAboutMeetingRead } from "../commands.server";
import { nextPath, partByKey } from "../parts";
import { getPart } from "../queries.server";
import { getMeetingFor } from "../setting.server";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const [meeting, state] = await Promise.all([getMeetingFor(user.participant), getPart(user.participant.id, "about_meeting")]);
  return { meeting, status: state.status };
}

/** "Fortsæt": records that the participant has read about the meeting, then goes on to part 2. */
export async function action({ context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  await markAboutMeetingRead(participantActor(context, user));
  return redirect(nextPath(partByKey("about_meeting")));
}

export default function PreparationAboutPage(props: Route.ComponentProps) {
  return <AboutPage {...props} />;
}
