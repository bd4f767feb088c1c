import { redirect } from "react-router";
import type { Route } from "./+types/preparation-remark";
import { participantActor } from "~/lib/actor.server";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { CHECK_SLUG, partBySlug } from "../parts";
import { setRemarkIncluded } from "../remarks.server";
import { remarkChoiceSchema } from "../schema";

/** Only a POST: whether a relative's remark goes along when sharing. A GET has nothing to show. */
export async function loader({ context }: Route.LoaderArgs) {
  await requireParticipant(context);
  throw notFound();
}

/**
 * The participant's choice for one remark ("include" yes/no). The remark is looked up by id AND
 * the session's participant: anyone else's remark, or a relative posting here, is 404.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const choice = remarkChoiceSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!choice.success) return new Response("Bad Request", { status: 400 });
  const { include, back } = choice.data;
  const result = await setRemarkIncluded(participantActor(context, user), params.commentId, include === "yes");
  if (result.status === "not_found") throw notFound();
  // Back to where the choice was made: "Tjek og del" or the part's own page (never an outside address).
  const part = back ? partBySlug(back) : null;
  const to = part ? `/forberedelse/${part.slug}` : `/forberedelse/${CHECK_SLUG}`;
  return redirect(`${to}?bemaerkning=${include === "yes" ? "med" : "ikke-med"}#bemaerkninger-${result.partKey}`);
}
