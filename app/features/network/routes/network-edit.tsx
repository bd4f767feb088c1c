import { data, redirect } from "react-router";
import type { Route } from "./+types/network-edit";
import { updatePerson } from "../commands.server";
import { EditPersonPage } from "../PersonPages";
import { getPerson } from "../queries.server";
import { keepSavedSchema, personFields, personSchema } from "../schema";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { parseSubmission } from "~/components/form/submission.server";
import { participantActor } from "~/lib/actor.server";

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const person = await getPerson(user.participant.id, params.id);
  if (!person) throw notFound();
  return { person };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  // Checked before anything is read from the form: someone else's id is simply not found.
  const existing = await getPerson(user.participant.id, params.id);
  if (!existing) throw notFound();
  const formData = await request.formData();
  // "Behold det gemte" in the conflict panel: nothing is written.
  if (parseSubmission(formData, { schema: keepSavedSchema }).status === "success")
    return redirect("/netvaerk?gemt=uaendret");
  const submission = parseSubmission(formData, { schema: personSchema });
  if (submission.status !== "success")
    return data(
      { result: submission.reply(), conflict: null },
      { status: 400 },
    );
  const fields = personFields(submission.value);
  const version = submission.value.version;
  const result = await updatePerson(
    participantActor(context, user),
    params.id,
    fields,
    version,
  );
  if (result.status === "not_found") throw notFound();
  if (result.status === "conflict") {
    // Nothing typed is lost: both versions go back to the page.
    return data(
      {
        result: submission.reply(),
        conflict: { saved: result.saved, mine: fields },
      },
      { status: 409 },
    );
  }
  return redirect(`/netvaerk?gemt=rettet#sektor-${fields.sector}`);
}

export default function EditPersonRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <EditPersonPage loaderData={loaderData} actionData={actionData} />;
}
