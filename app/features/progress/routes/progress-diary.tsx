import { data, redirect } from "react-router";
import type { Route } from "./+types/progress-diary";
import { parseSubmission } from "~/components/form/submission.server";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";
import { copenhagenDay } from "~/lib/dates";
import { saveDiaryDay } from "../commands.server";
import { paths } from "../components";
import { DiaryPage, type DiaryActionData } from "../DiaryPage";
import { diaryPage, writableDay } from "../pages.server";
import stylesheet from "../progress.css?url";
import { diarySchema } from "../schema";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** Energidagbog: private to her (no caseworker view, no relative, no event). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return diaryPage(user.participant.id, new URL(request.url));
}

/** Saves one day (today or one of the 13 before it), version checked; errors keep what she typed. */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: diarySchema });
  if (submission.status !== "success") {
    return data<DiaryActionData>({ result: submission.reply(), conflict: null }, { status: 400 });
  }
  const { day: asked, version, ...fields } = submission.value;
  const day = writableDay(asked, copenhagenDay(new Date()));
  if (!day) {
    return data<DiaryActionData>(
      { result: submission.reply({ fieldErrors: { day: ["progress:diary.errors.day"] } }), conflict: null },
      { status: 400 },
    );
  }
  const result = await saveDiaryDay(participantActor(context, user), day, fields, version);
  if (result.status === "conflict") {
    return data<DiaryActionData>({ result: submission.reply(), conflict: { saved: result.saved } }, { status: 409 });
  }
  return redirect(`${paths.diary}?gemt=1&uge=${day}#week`);
}

export default function ProgressDiaryRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <DiaryPage page={loaderData} actionData={actionData} />;
}
