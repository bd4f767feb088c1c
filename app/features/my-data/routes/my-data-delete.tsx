import { data, redirect } from "react-router";
import type { Route } from "./+types/my-data-delete";
import { parseSubmission } from "~/components/form/submission.server";
import { requireParticipant } from "~/lib/auth.server";
import { ChoosePage, type ChoosePageData } from "../DeletePages";
import { paths } from "../MyDataPage";
import { DELETABLE, parseDeletables } from "../parts";
import { deletableCounts } from "../queries.server";
import { chooseSchema } from "../schema";
import stylesheet from "../my-data.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** /mine-data/slet: her private things that hold something now. Reading this page deletes nothing. */
export async function loader({ request, context }: Route.LoaderArgs): Promise<ChoosePageData> {
  const user = await requireParticipant(context);
  const counts = await deletableCounts(user.participant.id, user.personId);
  return {
    choices: DELETABLE.filter((key) => counts[key] > 0).map((key) => ({ key, count: counts[key] })),
    chosen: parseDeletables(new URL(request.url).searchParams.get("dele")),
  };
}

/** Checks the choice and goes to the page that asks first: this POST deletes nothing either. */
export async function action({ request, context }: Route.ActionArgs) {
  await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: chooseSchema });
  if (submission.status !== "success") return data({ error: "delete.errors.none" }, { status: 400 });
  return redirect(`${paths.confirm}?dele=${submission.value.dele.join(",")}`);
}

export default function MyDataDeleteRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <ChoosePage page={loaderData} error={actionData?.error} />;
}
