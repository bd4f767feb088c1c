import { data, redirect } from "react-router";
import type { Route } from "./+types/network-new";
import { addPerson } from "../commands.server";
import { NewPersonPage } from "../PersonPages";
import { personFields, personSchema } from "../schema";
import { requireParticipant } from "~/lib/auth.server";
import { parseSubmission } from "~/components/form/submission.server";
import { participantActor } from "~/lib/actor.server";

export async function loader({ context }: Route.LoaderArgs) {
  await requireParticipant(context);
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), {
    schema: personSchema,
  });
  if (submission.status !== "success")
    return data({ result: submission.reply() }, { status: 400 });
  const fields = personFields(submission.value);
  await addPerson(
    participantActor(context, user),
    fields,
  );
  return redirect("/netvaerk?gemt=tilfoejet");
}

export default function NewPersonRoute({ actionData }: Route.ComponentProps) {
  return <NewPersonPage actionData={actionData} />;
}
