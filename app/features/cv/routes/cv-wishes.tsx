import { data, redirect } from "react-router";
import type { Route } from "./+types/cv-wishes";
import { parseSubmission } from "~/components/form/submission.server";
import { saveWishes } from "~/features/cv/commands.server";
import { getCv } from "~/features/cv/queries.server";
import { toWishesInput, wishesSchema } from "~/features/cv/schema";
import { WishesPage } from "~/features/cv/WishesPage";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const cv = await getCv(user.participant.id);
  return { wishes: cv.wishes, saved: new URL(request.url).searchParams.has("gemt") };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: wishesSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const result = await saveWishes(participantActor(context, user), toWishesInput(submission.value), submission.value.version);
  if (result.status === "conflict") {
    return data({ result: submission.reply(), conflict: { saved: result.saved, savedVersion: result.savedVersion } }, { status: 409 });
  }
  return redirect("/cv/jobonsker?gemt=1#cv-status");
}

export default function CvWishesRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <WishesPage loaderData={loaderData} actionData={actionData} />;
}
