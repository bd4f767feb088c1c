import { data, redirect } from "react-router";
import type { Route } from "./+types/caseworker-summary";
import { requireCaseworkerStrict } from "../access.server";
import stylesheet from "../caseworker.css?url";
import { myPastMeeting } from "../summaries.server";
import { notFound } from "~/lib/auth.server";
import { requestIdOf } from "~/lib/request.server";
import { CaseworkerSummaryPage, type CaseworkerSummaryAnswer } from "~/features/summaries";
import { getSummaryForCaseworker, parseSummaryForm, publishSummary, saveSummaryDraft } from "~/features/summaries/index.server";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/**
 * `/sagsbehandler/:participantId/referater/:appointmentId`: "Det aftalte vi" for one of her
 * participant's past meetings (404 for anyone who does not coordinate her, a meeting not yet held,
 * a cancelled one or someone else's).
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireCaseworkerStrict(context);
  const found = await myPastMeeting(user.personId, params.participantId, params.appointmentId);
  if (!found) throw notFound();
  const summary = await getSummaryForCaseworker(found.participant.id, found.meeting.id);
  const rows = Number(new URL(request.url).searchParams.get("rader"));
  return { ...found, ...summary, rows: Number.isInteger(rows) && rows > 0 ? rows : 0 };
}

/** "Gem som kladde", "Tilføj et punkt" and "Offentliggør": each checks access itself. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireCaseworkerStrict(context);
  const found = await myPastMeeting(user.personId, params.participantId, params.appointmentId);
  if (!found) throw notFound();
  const here = `/sagsbehandler/${found.participant.id}/referater/${found.meeting.id}`;
  const form = parseSummaryForm(await request.formData());
  const answer = (conflict: CaseworkerSummaryAnswer["conflict"] = null): CaseworkerSummaryAnswer => ({
    errors: form.errors,
    rows: form.rows,
    correctionNote: form.correctionNote,
    conflict,
  });
  if (form.errors.length > 0) return data(answer(), { status: 400 });
  const writer = {
    kind: "caseworker" as const,
    personId: user.personId,
    participantId: found.participant.id,
    name: `${user.firstName} ${user.lastName}`.trim(),
    requestId: requestIdOf(context),
  };
  if (form.intent === "publish") {
    const result = await publishSummary(writer, found.meeting.id, {
      meetingTitle: found.meeting.title,
      points: form.points,
      correctionNote: form.correctionNote,
      expectedVersion: form.publishedVersion,
    });
    if (result.status === "not_found") throw notFound();
    if (result.status === "stale") return data(answer("published"), { status: 409 });
    if (result.status === "unknown-item") return data({ ...answer(), errors: [{ fieldId: "point-1", key: "write.errors.unknownItem" }] }, { status: 400 });
    return redirect(`${here}?gemt=${result.status === "corrected" ? "rettet" : "offentliggjort"}`);
  }
  const saved = await saveSummaryDraft(writer, found.meeting.id, form.points, form.draftVersion);
  if (saved.status === "not_found") throw notFound();
  if (saved.status === "conflict") return data(answer("draft"), { status: 409 });
  if (saved.status === "unknown-item") return data({ ...answer(), errors: [{ fieldId: "point-1", key: "write.errors.unknownItem" }] }, { status: 400 });
  if (form.intent === "add") return redirect(`${here}?rader=${form.rows.length}#point-${form.rows.length}`);
  return redirect(`${here}?gemt=kladde`);
}

export default function CaseworkerSummaryRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <CaseworkerSummaryPage data={loaderData} answer={actionData} />;
}
