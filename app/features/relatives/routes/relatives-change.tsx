import { data, redirect } from "react-router";
import type { Route } from "./+types/relatives-change";
import { parseSubmission } from "~/components/form/submission.server";
import { requireParticipant } from "~/lib/auth.server";
import { ChangeGrantPage } from "../ChangeGrantPage";
import { grantBasis } from "../commands.server";
import { readDraft, saveDraft } from "../invite.server";
import { changeBasisSchema, changeSchema, formFields, typedTerms } from "../schema";
import { addMonths, dayParts, MAX_MONTHS } from "../scopes";
import type { TermsValues } from "../TermsFields";
import { openGrant, termsRules } from "../terms.server";

/**
 * "Ret adgangen": change what an open grant allows (parts, comment right, bisidder meetings, end
 * date). Valid input becomes the same signed draft as an invitation and goes to the same check
 * page and confirmation hook. Who the grant is for cannot be changed here.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const grant = await openGrant(user.participant.id, params.grantId);
  const { today, appointments, rules } = await termsRules(user.participant.id);
  const draft = await readDraft(request, user.participant.id);
  const source =
    draft && draft.grantId === grant.id
      ? draft
      : {
          scopes: grant.scopes.filter((scope) => scope !== "network"),
          network: grant.scopes.includes("network"),
          mayComment: grant.mayComment,
          mayWriteMessages: grant.mayWriteMessages,
          // Meetings that are over are not offered again.
          bisidder: grant.bisidderAppointmentIds.filter((id) => rules.appointmentIds.includes(id)),
          validUntil: grant.validUntil,
        };
  const initial: TermsValues = { ...source, validUntil: dayParts(source.validUntil) };
  return {
    grant: { id: grant.id, name: grant.invitedName, email: grant.invitedEmail, relation: grant.relation, active: grant.status === "active" },
    basis: draft && draft.grantId === grant.id && draft.basis ? draft.basis : grantBasis(grant),
    appointments,
    initial,
    latest: addMonths(today, MAX_MONTHS),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const grant = await openGrant(user.participant.id, params.grantId);
  const formData = await request.formData();
  const { rules } = await termsRules(user.participant.id);
  const submission = parseSubmission(formData, { schema: changeSchema(rules) });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), values: typedTerms(formData) }, { status: 400 });
  }
  const cookie = await saveDraft({
    participantId: user.participant.id,
    grantId: grant.id,
    basis: changeBasisSchema.safeParse(formFields(formData)).data?.basis ?? grantBasis(grant),
    name: grant.invitedName,
    email: grant.invitedEmail,
    relation: grant.relation,
    ...submission.value,
  });
  return redirect("/paaroerende/inviter/tjek", { headers: { "Set-Cookie": cookie } });
}

export default function ChangeGrantRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <ChangeGrantPage loaderData={loaderData} actionData={actionData} />;
}
