import { getFormProps, useForm } from "@conform-to/react";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import type { SubmissionResult } from "@conform-to/react";
import { summaryErrors } from "~/components/form/errors";
import { TermsFields, type TermsValues } from "./TermsFields";

/**
 * The form state of "Inviter" and "Ret adgangen": Conform with the action's result, the error
 * summary's list in field order, and one field's message, translated by the page.
 */
export function useGrantForm<Name extends string>({
  fields,
  result,
  translate,
}: {
  fields: readonly Name[];
  result: SubmissionResult<string[]> | null | undefined;
  translate: (key: string) => string;
}) {
  const [form] = useForm({
    lastResult: result,
  });
  const errors = summaryErrors(form.allErrors, [...fields], translate);
  const error = (name: Name) => {
    const key = form.allErrors[name]?.[0];
    return key ? translate(key) : undefined;
  };
  return { form, errors, error };
}

/**
 * The grant form of "Inviter" and "Ret adgangen": the page's own fields first (`children`: who is
 * invited, or the hidden basis of a change), then the terms (TermsFields), then "Fortsæt" and
 * "Annuller". A field only one form asks for goes in that page's `children`.
 */
export function GrantForm({
  form,
  values,
  appointments,
  latest,
  error,
  children,
}: {
  form: ReturnType<typeof useGrantForm>["form"];
  values: TermsValues;
  appointments: React.ComponentProps<typeof TermsFields>["appointments"];
  latest: string;
  error: React.ComponentProps<typeof TermsFields>["error"];
  children: React.ReactNode;
}) {
  const { t } = useTranslation("relatives");
  return (
    <Form method="post" {...getFormProps(form)} noValidate>
      {children}
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
  );
}
