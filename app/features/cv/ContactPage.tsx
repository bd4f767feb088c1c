import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { z } from "~/lib/zod";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { summaryErrors } from "~/components/form/errors";
import { Field } from "~/components/form/Field";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import type { ContactInput } from "./commands.server";
import { Checkbox, CvFormButtons, CvFormHead } from "./components";
import type { CvData } from "./queries.server";
import { contactSchema } from "./schema";
import { ADDRESS_MAX } from "./sections";

/** "Kontaktoplysninger" (/cv/kontakt): which contact details show, and the address in own words. */
export function ContactPage({
  loaderData,
  actionData,
}: {
  loaderData: { name: string; contact: CvData["contact"]; visibility: CvData["visibility"]; version: number; saved: boolean };
  actionData?: { result: SubmissionResult<string[]>; conflict: { saved: ContactInput; savedVersion: number } | null };
}) {
  const { t } = useTranslation("cv");
  const conflict = actionData?.conflict ?? null;
  const [form, fields] = useForm<z.input<typeof contactSchema>>({
    lastResult: actionData?.result,
  });
  const translate = (key: string) => t(key, { max: ADDRESS_MAX });
  const errors = summaryErrors(form.allErrors, ["address"], translate);
  const addressError = fields.address.errors?.[0];
  const submitted = Boolean(actionData);
  const typed = (name: "address" | "showEmail" | "showPhone" | "showAddress") => fields[name].initialValue;
  const { contact, visibility } = loaderData;
  const shownOrNot = (shown: boolean) => t(shown ? "contact.conflictShown" : "contact.conflictHidden");

  return (
    <>
      <CvFormHead page="contact" conflict={Boolean(conflict)} errors={errors} saved={Boolean(loaderData.saved && !actionData)} />
      <p>
        <strong>{loaderData.name}</strong>
      </p>
      <p className="meta">{t("contact.fromJobcentre")}</p>
      {conflict ? (
        <div data-focus-on-load="" tabIndex={-1} className="notice notice--warning plan-conflict" role="group" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t("contact.conflictTitle")}</h2>
          <p>{t("contact.conflictText")}</p>
          <SummaryList>
            {contact.email ? <SummaryRow label={t("doc.email")}>{shownOrNot(conflict.saved.showEmail)}</SummaryRow> : null}
            {contact.phone ? <SummaryRow label={t("doc.phone")}>{shownOrNot(conflict.saved.showPhone)}</SummaryRow> : null}
            <SummaryRow label={t("doc.address")}>
              {shownOrNot(conflict.saved.showAddress)}
              {conflict.saved.address ? `: ${conflict.saved.address}` : ""}
            </SummaryRow>
          </SummaryList>
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
        <CvFormButtons submit={t("contact.submit")} cancel={t("cancel")} />
      </Form>
    </>
  );
}
