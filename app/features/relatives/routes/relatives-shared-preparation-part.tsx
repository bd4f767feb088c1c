import { data, redirect } from "react-router";
import type { Route } from "./+types/relatives-shared-preparation-part";
import { parseSubmission } from "~/components/form/submission.server";
import { remarkSchema } from "~/features/preparation";
import { addRemark, deleteRemark, getPart, listOwnRemarks } from "~/features/preparation/index.server";
import { notFound } from "~/lib/auth.server";
import { requestIdOf } from "~/lib/request.server";
import { openSharedView } from "../access.server";
import { participantName } from "../queries.server";
import { deleteRemarkSchema, formFields } from "../schema";
import { writablePart } from "../shared.server";
import { SharedPreparationPartPage } from "../SharedPreparationPartPage";

/**
 * One part of the participant's preparation, read-only, with the relative's own remarks
 * ("Jonas' bemærkninger"). With the comment right the relative can add a remark and delete their
 * own; that is the only thing a relative can ever write. The participant decides whether a remark
 * goes along to the caseworker.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const part = writablePart(params.part);
  const { user, grant, participantId, viewed } = await openSharedView(request, params.participantId, "preparation", "preparation", context);
  const person = await participantName(participantId);
  if (!person) throw notFound();
  const [state, remarks] = await Promise.all([getPart(participantId, part.key), listOwnRemarks(participantId, user.personId)]);
  await viewed();
  const notice = new URL(request.url).searchParams.get("besked");
  return {
    participantId,
    firstName: person.firstName,
    key: part.key,
    slug: part.slug,
    status: state.status,
    answers: state.status === "not_started" ? {} : state.answers,
    tasks: state.status === "not_started" ? [] : state.tasks,
    mayComment: grant.mayComment,
    remarks: remarks
      .filter((remark) => remark.partKey === part.key)
      .map((remark) => ({ id: remark.id, body: remark.body, createdAt: remark.createdAt })),
    notice: notice === "gemt" || notice === "slettet" ? notice : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const part = writablePart(params.part);
  // Access again, on this request: an active grant with the preparation scope AND the comment right.
  const { user, grant, participantId } = await openSharedView(request, params.participantId, "preparation", "preparation", context);
  if (!grant.mayComment) throw notFound();
  const actor = {
    personId: user.personId,
    participantId,
    grantId: grant.id,
    requestId: requestIdOf(context),
  };
  const here = `/hjaelper/${participantId}/forberedelse/${part.slug}`;
  const formData = await request.formData();
  const deleting = deleteRemarkSchema.safeParse(formFields(formData));
  if (deleting.success) {
    const result = await deleteRemark(actor, deleting.data.commentId);
    if (result === "not_found") throw notFound();
    return redirect(`${here}?besked=slettet#bemaerkninger`);
  }
  const submission = parseSubmission(formData, { schema: remarkSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await addRemark(actor, part.key, submission.value.body);
  if (result.status === "not_started") throw notFound();
  if (result.status === "too_many") {
    return data({ result: submission.reply({ fieldErrors: { body: ["remarks.errors.tooMany"] } }) }, { status: 400 });
  }
  return redirect(`${here}?besked=gemt#bemaerkninger`);
}

export default function SharedPreparationPartRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <SharedPreparationPartPage loaderData={loaderData} actionData={actionData} />;
}
