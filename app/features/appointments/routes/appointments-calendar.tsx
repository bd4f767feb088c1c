import { data, redirect } from "react-router";
import type { Route } from "./+types/appointments-calendar";
import { parseSubmission } from "~/components/form/submission.server";
import { newFeedTokenCookie } from "../calendar.server";
import { CalendarFeedPage } from "../CalendarFeedPage";
import { createCalendarFeed, revokeCalendarFeed } from "../commands.server";
import { calendarFeedPage } from "../pages.server";
import { feedActionSchema } from "../schema";
import { requireParticipant } from "~/lib/auth.server";
import { participantActor } from "~/lib/actor.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return calendarFeedPage(user.participant.id, request);
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: feedActionSchema });
  if (submission.status !== "success") return data(null, { status: 400 });
  const actor = participantActor(context, user);
  if (submission.value.intent === "create") {
    const token = await createCalendarFeed(actor);
    return redirect("/moeder/kalender#adresse", {
      headers: { "Set-Cookie": await newFeedTokenCookie.serialize(token) },
    });
  }
  await revokeCalendarFeed(actor);
  return redirect("/moeder/kalender?stoppet=1", {
    headers: { "Set-Cookie": await newFeedTokenCookie.serialize("", { maxAge: 0 }) },
  });
}

export default function CalendarFeedRoute({ loaderData }: Route.ComponentProps) {
  return <CalendarFeedPage loaderData={loaderData} />;
}
