import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/relatives-invite";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { Field } from "~/components/form/Field";
import { PageTitle } from "~/components/layout/PageTitle";
import { readDraft, saveDraft, type InviteDraft } from "~/features/relatives/invite.server";
import { bisidderCandidates, hasOpenGrantFor, participantEmail } from "~/features/relatives/queries.server";
import { INVITE_FIELDS, inviteSchema, NAME_MAX, RELATION_MAX } from "~/features/relatives/schema";
import { addMonths, dayParts, DEFAULT_MONTHS, MAX_MONTHS } from "~/features/relatives/scopes";
import { TermsFields } from "~/features/relatives/TermsFields";
import { requireParticipant } from "~/lib/auth.server";
import { copenhagenDay } from "~/lib/dates";
import { parseSubmission } from "~/components/form/submission.server";

interface FormValues {
  name: string;
  email: string;
  relation: string;
  scopes: string[];
  network: boolean;
  mayComment: boolean;
  bisidder: string[];
  validUntil: { day: string; month: string; year: string };
}

function fromDraft(draft: InviteDraft): FormValues {
  return { ...draft, validUntil: dayParts(draft.validUntil) };
}

/** What the person typed, to put back in the form after an error (also without JavaScript). */
function typedValues(formData: FormData): FormValues {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    name: text("name"),
    email: text("email"),
    relation: text("relation"),
    scopes: formData.getAll("scopes").filter((value): value is string => typeof value === "string"),
    network: formData.getAll("scopes").includes("network"),
    mayComment: formData.get("mayComment") === "yes",
    bisidder: formData.getAll("bisidder").filter((value): value is string => typeof value === "string"),
    validUntil: { day: text("validUntil.day"), month: text("validUntil.month"), year: text("validUntil.year") },
  };
}

async function rulesFor(participantId: string, now = new Date()) {
  const today = copenhagenDay(now);
  const appointments = await bisidderCandidates(participantId, now);
  return { today, appointments, rules: { today, appointmentIds: appointments.map((appointment) => appointment.id) } };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const { today, appointments, rules } = await rulesFor(user.participant.id);
  const draft = await readDraft(request, user.participant.id);
  // A draft that changes an existing grant belongs to "Ret adgangen", not to a new invitation.
  const initial: FormValues =
    draft && !draft.grantId
      ? fromDraft(draft)
      : {
          name: "",
          email: "",
          relation: "",
          scopes: [],
          network: false,
          mayComment: false,
          bisidder: [],
          validUntil: dayParts(addMonths(today, DEFAULT_MONTHS)),
        };
  return { rules, appointments, initial, latest: addMonths(today, MAX_MONTHS) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const formData = await request.formData();
  const { rules } = await rulesFor(user.participant.id);
  const submission = parseSubmission(formData, { schema: inviteSchema(rules) });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), values: typedValues(formData) }, { status: 400 });
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
    return data({ result: submission.reply({ fieldErrors: { email: [emailError] } }), values: typedValues(formData) }, { status: 400 });
  }
  const cookie = await saveDraft({ participantId: user.participant.id, ...value });
  return redirect("/paaroerende/inviter/tjek", { headers: { "Set-Cookie": cookie } });
}

export default function InvitePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("relatives");
  const navigation = useNavigation();
  const { rules, appointments, latest } = loaderData;
  const [form] = useForm({
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema(rules) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const translate = (key: string) => t(key, { max: key.includes("name") ? NAME_MAX : RELATION_MAX, months: MAX_MONTHS });
  const errors = summaryErrors(form.allErrors, [...INVITE_FIELDS], translate);
  const error = (name: (typeof INVITE_FIELDS)[number]) => {
    const key = form.allErrors[name]?.[0];
    return key ? translate(key) : undefined;
  };
  const values = actionData?.values ?? loaderData.initial;

  return (
    <>
      <PageTitle title={t("form.title")} hasErrors={errors.length > 0} />
      <p className="back-link">
        <Link to="/paaroerende">{t("backToList")}</Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{t("form.title")}</h1>
      <p className="lead">{t("form.intro")}</p>
      <p>{t("form.intro2")}</p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <Field id="name" label={t("form.name")} hint={t("form.nameHint", { max: NAME_MAX })} error={error("name")}>
          {(ids) => (
            <input
              id={ids.id}
              name="name"
              className="input relatives-input"
              autoComplete="off"
              defaultValue={values.name}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
            />
          )}
        </Field>
        <Field id="email" label={t("form.email")} hint={t("form.emailHint")} error={error("email")}>
          {(ids) => (
            <input
              id={ids.id}
              name="email"
              type="email"
              className="input relatives-input"
              autoComplete="off"
              spellCheck={false}
              defaultValue={values.email}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
            />
          )}
        </Field>
        <Field id="relation" label={t("form.relation")} hint={t("form.relationHint")} error={error("relation")}>
          {(ids) => (
            <input
              id={ids.id}
              name="relation"
              className="input relatives-input relatives-input--short"
              autoComplete="off"
              defaultValue={values.relation}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
            />
          )}
        </Field>

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
