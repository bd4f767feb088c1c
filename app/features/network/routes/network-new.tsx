import { useTranslation } from "react-i18next";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/network-new";
import { addPerson } from "../commands.server";
import { PersonForm } from "../PersonForm";
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

export default function NewPersonPage({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation("network");
  return (
    <>
      <p className="back-link">
        <Link to="/netvaerk">{t("back")}</Link>
      </p>
      <PersonForm
        formId="network-person"
        title={t("new.title")}
        defaults={{}}
        version={0}
        lastResult={actionData?.result}
        conflict={null}
        submitLabel={t("new.submit")}
        cancelTo="/netvaerk"
      >
        <h1 tabIndex={-1}>{t("new.title")}</h1>
        <p className="lead">{t("new.intro")}</p>
      </PersonForm>
    </>
  );
}
