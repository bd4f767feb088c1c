import { data, redirect } from "react-router";
import type { Route } from "./+types/relatives-invite";
import { parseSubmission } from "~/components/form/submission.server";
import { requireParticipant } from "~/lib/auth.server";
import { InvitePage } from "../InvitePage";
import { readDraft, saveDraft } from "../invite.server";
import { hasOpenGrantFor, participantEmail } from "../queries.server";
import { inviteSchema, typedInvite } from "../schema";
import { addMonths, dayParts, DEFAULT_MONTHS, MAX_MONTHS } from "../scopes";
import { termsRules } from "../terms.server";

const NO_DATE = { day: "", month: "", year: "" };

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const { today, appointments } = await termsRules(user.participant.id);
  const draft = await readDraft(request, user.participant.id);
  // A draft that changes an existing grant belongs to "Ret adgangen", not to a new invitation.
  const initial: ReturnType<typeof typedInvite> =
    draft && !draft.grantId
      ? { ...draft, validUntil: dayParts(draft.validUntil), birthDate: draft.birthDate ? dayParts(draft.birthDate) : NO_DATE }
      : {
          name: "",
          email: "",
          relation: "",
          birthDate: NO_DATE,
          scopes: [],
          network: false,
          mayComment: false,
          mayWriteMessages: false,
          bisidder: [],
          validUntil: dayParts(addMonths(today, DEFAULT_MONTHS)),
        };
  return { appointments, initial, latest: addMonths(today, MAX_MONTHS) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const formData = await request.formData();
  const { rules } = await termsRules(user.participant.id);
  const submission = parseSubmission(formData, { schema: inviteSchema(rules) });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), values: typedInvite(formData) }, { status: 400 });
  }
  const value = submission.value;
  const ownEmail = await participantEmail(user.participant.id);
  const emailError =
    ownEmail === value.email
      ? "form.errors.self"
      : (await hasOpenGrantFor(user.participant.id, value.email))
        ? "form.errors.duplicate"
        : null;
  if (emailError) {
    return data({ result: submission.reply({ fieldErrors: { email: [emailError] } }), values: typedInvite(formData) }, { status: 400 });
  }
  const cookie = await saveDraft({ participantId: user.participant.id, ...value });
  return redirect("/paaroerende/inviter/tjek", { headers: { "Set-Cookie": cookie } });
}

export default function InviteRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <InvitePage loaderData={loaderData} actionData={actionData} />;
}
