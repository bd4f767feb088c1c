import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/relatives-change";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { PageTitle } from "~/components/layout/PageTitle";
import { grantBasis } from "~/features/relatives/commands.server";
import { readDraft, saveDraft } from "~/features/relatives/invite.server";
import { bisidderCandidates, grantForChange } from "~/features/relatives/queries.server";
import { CHANGE_FIELDS, changeSchema } from "~/features/relatives/schema";
import { addMonths, dayParts, MAX_MONTHS } from "~/features/relatives/scopes";
import { TermsFields, type TermsValues } from "~/features/relatives/TermsFields";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { copenhagenDay } from "~/lib/dates";
import { parseSubmission } from "~/components/form/submission.server";

/**
 * "Ret adgangen": change what an open grant allows (parts, comment right, bisidder meetings, end
 * date). Valid input becomes the same signed draft as an invitation and goes to the same check
 * page and confirmation hook. Who the grant is for cannot be changed here.
 */
async function openGrant(request: Request, participantId: string, grantId: string) {
  const grant = await grantForChange(participantId, grantId);
  // Another participant's grant, or no grant: 404. One that ended meanwhile: a calm note on the list.
  if (!grant) throw notFound();
  if (!grant.open) throw redirect(`/paaroerende?besked=kan-ikke-rettes&id=${grant.id}#adgang-${grant.id}`);
  return grant;
}

async function rulesFor(participantId: string, now = new Date()) {
  const today = copenhagenDay(now);
  const appointments = await bisidderCandidates(participantId, now);
  return { today, appointments, rules: { today, appointmentIds: appointments.map((appointment) => appointment.id) } };
}

function typedValues(formData: FormData): TermsValues {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    scopes: formData.getAll("scopes").filter((value): value is string => typeof value === "string"),
    network: formData.getAll("scopes").includes("network"),
    mayComment: formData.get("mayComment") === "yes",
    bisidder: formData.getAll("bisidder").filter((value): value is string => typeof value === "string"),
    validUntil: { day: text("validUntil.day"), month: text("validUntil.month"), year: text("validUntil.year") },
  };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const grant = await openGrant(request, user.participant.id, params.grantId);
  const { today, appointments, rules } = await rulesFor(user.participant.id);
  const draft = await readDraft(request, user.participant.id);
  const source =
    draft && draft.grantId === grant.id
      ? draft
      : {
          scopes: grant.scopes.filter((scope) => scope !== "network"),
          network: grant.scopes.includes("network"),
          mayComment: grant.mayComment,
          // Meetings that are over are not offered again.
          bisidder: grant.bisidderAppointmentIds.filter((id) => rules.appointmentIds.includes(id)),
          validUntil: grant.validUntil,
        };
  const initial: TermsValues = { ...source, validUntil: dayParts(source.validUntil) };
  return {
    grant: { id: grant.id, name: grant.invitedName, email: grant.invitedEmail, relation: grant.relation, active: grant.status === "active" },
    basis: draft && draft.grantId === grant.id && draft.basis ? draft.basis : grantBasis(grant),
    rules,
    appointments,
    initial,
    latest: addMonths(today, MAX_MONTHS),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const grant = await openGrant(request, user.participant.id, params.grantId);
  const formData = await request.formData();
  const { rules } = await rulesFor(user.participant.id);
  const submission = parseSubmission(formData, { schema: changeSchema(rules) });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), values: typedValues(formData) }, { status: 400 });
  }
  const basis = formData.get("basis");
  const cookie = await saveDraft({
    participantId: user.participant.id,
    grantId: grant.id,
    basis: typeof basis === "string" && basis.length < 4000 ? basis : grantBasis(grant),
    name: grant.invitedName,
    email: grant.invitedEmail,
    relation: grant.relation,
    ...submission.value,
  });
  return redirect("/paaroerende/inviter/tjek", { headers: { "Set-Cookie": cookie } });
}

export default function ChangeGrantPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("relatives");
  const navigation = useNavigation();
  const { grant, rules, appointments, latest, basis } = loaderData;
  const [form] = useForm({
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changeSchema(rules) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const translate = (key: string) => t(key, { months: MAX_MONTHS });
  const errors = summaryErrors(form.allErrors, [...CHANGE_FIELDS], translate);
  const error = (name: (typeof CHANGE_FIELDS)[number]) => {
    const key = form.allErrors[name]?.[0];
    return key ? translate(key) : undefined;
  };
  const values = actionData?.values ?? loaderData.initial;
  const title = t("change.title", { name: grant.name });
  return (
    <>
      <PageTitle title={title} hasErrors={errors.length > 0} />
      <p className="back-link">
        <Link to="/paaroerende">{t("backToList")}</Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{grant.active ? t("change.introActive", { name: grant.name }) : t("change.introInvited", { name: grant.name })}</p>
      <dl className="summary-list relatives-check">
        <div className="summary-list__row">
          <dt>{t("check.rows.name")}</dt>
          <dd>{grant.name}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("check.rows.email")}</dt>
          <dd>{grant.email}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("check.rows.relation")}</dt>
          <dd>{grant.relation}</dd>
        </div>
      </dl>
      <p>{t("change.whoStays", { name: grant.name })}</p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="basis" value={basis} />
        <TermsFields values={values} appointments={appointments} latest={latest} error={error} />
        <div className="button-group">
          <button type="submit" className="button">
            {t("form.continue")}
          </button>
          <Link to="/paaroerende" className="button button--secondary">
            {t("form.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
