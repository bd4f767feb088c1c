import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/cv-contact";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { Field } from "~/components/form/Field";
import { PageTitle } from "~/components/layout/PageTitle";
import { saveContact } from "~/features/cv/commands.server";
import { Checkbox, StatusNotice } from "~/features/cv/components";
import { getCv } from "~/features/cv/queries.server";
import { contactSchema } from "~/features/cv/schema";
import { ADDRESS_MAX } from "~/features/cv/sections";
import { requireParticipant } from "~/lib/auth.server";
import { parseSubmission } from "~/components/form/submission.server";
import { useFocusAfterFrame } from "~/components/ui/focus";
import { participantActor } from "~/lib/actor.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const cv = await getCv(user.participant.id);
  return {
    name: cv.name,
    contact: cv.contact,
    visibility: cv.visibility,
    version: cv.profileVersion,
    saved: new URL(request.url).searchParams.has("gemt"),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: contactSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const { version, ...input } = submission.value;
  const result = await saveContact(
    participantActor(context, user),
    input,
    version,
  );
  if (result.status === "conflict") {
    // Nothing is overwritten: the saved choices are shown, and what the person chose stays in the form.
    return data({ result: submission.reply(), conflict: { saved: result.saved, savedVersion: result.savedVersion } }, { status: 409 });
  }
  return redirect("/cv/kontakt?gemt=1#cv-status");
}

export default function CvContactPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("cv");
  const navigation = useNavigation();
  const conflict = navigation.state === "idle" ? (actionData?.conflict ?? null) : null;
  const [form, fields] = useForm({
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: contactSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const translate = (key: string) => t(key, { max: ADDRESS_MAX });
  const errors = summaryErrors(form.allErrors, ["address"], translate);
  const addressError = fields.address.errors?.[0];
  const submitted = Boolean(actionData);
  const typed = (name: "address" | "showEmail" | "showPhone" | "showAddress") => fields[name].initialValue;
  const { contact, visibility } = loaderData;
  const conflictRef = useRef<HTMLDivElement>(null);
  useFocusAfterFrame(conflict ? conflictRef : null, conflict);
  const shownOrNot = (shown: boolean) => t(shown ? "contact.conflictShown" : "contact.conflictHidden");

  return (
    <>
      <PageTitle title={conflict ? t("contact.conflictTitle") : t("contact.title")} hasErrors={errors.length > 0} />
      <p>
        <Link to="/cv" className="plan-back">
          {t("backToCv")}
        </Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{t("contact.title")}</h1>
      <p className="lead">{t("contact.intro")}</p>
      {loaderData.saved && !actionData ? (
        <StatusNotice>
          <p>{t("contact.saved")}</p>
        </StatusNotice>
      ) : null}
      <p>
        <strong>{loaderData.name}</strong>
      </p>
      <p className="meta">{t("contact.fromJobcentre")}</p>
      {conflict ? (
        <div ref={conflictRef} tabIndex={-1} className="notice notice--warning plan-conflict" role="group" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t("contact.conflictTitle")}</h2>
          <p>{t("contact.conflictText")}</p>
          <dl className="summary-list">
            {contact.email ? (
              <div className="summary-list__row">
                <dt>{t("doc.email")}</dt>
                <dd>{shownOrNot(conflict.saved.showEmail)}</dd>
              </div>
            ) : null}
            {contact.phone ? (
              <div className="summary-list__row">
                <dt>{t("doc.phone")}</dt>
                <dd>{shownOrNot(conflict.saved.showPhone)}</dd>
              </div>
            ) : null}
            <div className="summary-list__row">
              <dt>{t("doc.address")}</dt>
              <dd>
                {shownOrNot(conflict.saved.showAddress)}
                {conflict.saved.address ? `: ${conflict.saved.address}` : ""}
              </dd>
            </div>
          </dl>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={conflict ? conflict.savedVersion : loaderData.version} />
        <fieldset className="field fieldset">
          <legend className="fieldset__legend">{t("contact.legend")}</legend>
          {contact.email ? (
            <Checkbox
              name="showEmail"
              label={t("contact.showEmail", { email: contact.email })}
              defaultChecked={submitted ? typed("showEmail") === "on" : visibility.email}
            />
          ) : (
            <p>{t("contact.noEmail")}</p>
          )}
          {contact.phone ? (
            <Checkbox
              name="showPhone"
              label={t("contact.showPhone", { phone: contact.phone })}
              defaultChecked={submitted ? typed("showPhone") === "on" : visibility.phone}
            />
          ) : (
            <p>{t("contact.noPhone")}</p>
          )}
          <Checkbox
            name="showAddress"
            label={t("contact.showAddress")}
            defaultChecked={submitted ? typed("showAddress") === "on" : visibility.address}
          />
        </fieldset>
        <Field
          id="address"
          label={t("contact.addressLabel")}
          hint={t("contact.addressHint")}
          error={addressError ? translate(addressError) : undefined}
          optional
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="address"
              className="input"
              autoComplete="street-address"
              defaultValue={submitted && typeof typed("address") === "string" ? (typed("address") as string) : (contact.address ?? "")}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
          )}
        </Field>
        <div className="button-group">
          <button type="submit" className="button">
            {t("contact.submit")}
          </button>
          <Link to="/cv" className="button button--secondary">
            {t("cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
