import { getFormProps, useForm } from "@conform-to/react";
import type { z } from "~/lib/zod";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { Field, RadioGroup } from "~/components/form/Field";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import {
  CLOSENESS,
  HELP_KINDS,
  isHelpKind,
  LIMITS,
  SECTORS,
  STANCES,
  type NetworkPersonView,
} from "./constants";
import { limitValues, PERSON_FIELDS, personSchema } from "./schema";

export type PersonDefaults = Partial<
  Omit<NetworkPersonView, "id" | "updatedAt" | "version">
>;

/** What was typed, read back from the submission (so nothing typed is lost on an error or conflict). */
export function typedValues(initialValue: unknown): PersonDefaults | null {
  if (!initialValue || typeof initialValue !== "object") return null;
  const v = initialValue as Record<string, unknown>;
  const str = (key: string) =>
    typeof v[key] === "string" ? (v[key] as string) : undefined;
  const kinds = v.helpKinds;
  return {
    name: str("name") ?? "",
    relation: str("relation") ?? null,
    sector: str("sector") as PersonDefaults["sector"],
    closeness: str("closeness") as PersonDefaults["closeness"],
    helpKinds: Array.isArray(kinds)
      ? kinds.filter((k): k is string => typeof k === "string")
      : typeof kinds === "string"
        ? [kinds]
        : [],
    stance: str("stance") as PersonDefaults["stance"],
    contactFrequency: str("contactFrequency") ?? null,
    note: str("note") ?? null,
    wantedAtMeeting: v.wantedAtMeeting === "on" || v.wantedAtMeeting === true,
  };
}

export interface ConflictInfo {
  saved: NetworkPersonView;
  mine: PersonDefaults;
}

/** The add and edit form for one person: ordinary form controls, works without JavaScript. */
export function PersonForm(props: {
  formId: string;
  defaults: PersonDefaults;
  version: number;
  lastResult: SubmissionResult<string[]> | null | undefined;
  conflict: ConflictInfo | null;
  submitLabel: string;
  cancelTo: string;
  /** The page title; prefixed "Fejl: " while the form shows errors. */
  title: string;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation("network");
  const [form, fields] = useForm<z.input<typeof personSchema>>({
    id: props.formId,
    lastResult: props.lastResult,
  });
  const translate = (key?: string) => (key ? t(key, limitValues) : undefined);
  const errors = summaryErrors(form.allErrors, [...PERSON_FIELDS], (key) =>
    t(key, limitValues),
  );
  const typed = typedValues(form.initialValue);
  const values: PersonDefaults = props.conflict
    ? props.conflict.mine
    : (typed ?? props.defaults);

  return (
    <>
      <PageTitle title={props.title} hasErrors={errors.length > 0} />
      <ErrorSummary errors={errors} />
      {props.children}
      {props.conflict ? (
        <ConflictSummary conflict={props.conflict} />
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate>
        <input
          type="hidden"
          name="version"
          value={props.conflict ? props.conflict.saved.version : props.version}
        />
        <Field
          id="name"
          label={t("form.name")}
          hint={t("form.nameHint")}
          error={translate(fields.name.errors?.[0])}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="name"
              className="input network-input"
              defaultValue={values.name ?? ""}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        <Field
          id="relation"
          label={t("form.relation")}
          hint={t("form.relationHint")}
          optional
          error={translate(fields.relation.errors?.[0])}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="relation"
              className="input network-input"
              defaultValue={values.relation ?? ""}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              autoComplete="off"
            />
          )}
        </Field>
        <RadioGroup
          name="sector"
          legend={t("form.sector")}
          hint={t("form.sectorHint")}
          error={translate(fields.sector.errors?.[0])}
          defaultValue={values.sector}
          options={SECTORS.map((s) => ({
            value: s,
            label: t(`sectors.${s}`),
            hint: t(`sectorHints.${s}`),
          }))}
        />
        <RadioGroup
          name="closeness"
          legend={t("form.closeness")}
          hint={t("form.closenessHint")}
          error={translate(fields.closeness.errors?.[0])}
          defaultValue={values.closeness}
          options={CLOSENESS.map((c) => ({
            value: c,
            label: t(`closeness.${c}`),
            hint: t(`closenessHints.${c}`),
          }))}
        />
        <fieldset className="field fieldset" aria-describedby="helpKinds-hint">
          <legend className="fieldset__legend">
            {t("form.helpKinds")} {t("common:form.optional")}
          </legend>
          <div id="helpKinds-hint" className="field__hint">
            {t("form.helpKindsHint")}
          </div>
          <div className="radios">
            {HELP_KINDS.map((kind, index) => {
              const id = index === 0 ? "helpKinds" : `helpKinds-${kind}`;
              return (
                <div className="radios__item" key={kind}>
                  <input
                    className="radios__input"
                    type="checkbox"
                    id={id}
                    name="helpKinds"
                    value={kind}
                    defaultChecked={values.helpKinds?.includes(kind)}
                  />
                  <label className="radios__label" htmlFor={id}>
                    {t(`helpKinds.${kind}`)}
                  </label>
                </div>
              );
            })}
          </div>
          {values.helpKinds?.some((kind) => !isHelpKind(kind)) ? (
            <p className="field__hint">
              {t("form.helpKindsEarlier", {
                text: values.helpKinds
                  .filter((kind) => !isHelpKind(kind))
                  .join(", "),
              })}
            </p>
          ) : null}
        </fieldset>
        <RadioGroup
          name="stance"
          legend={t("form.stance")}
          hint={t("form.stanceHint")}
          error={translate(fields.stance.errors?.[0])}
          defaultValue={values.stance ?? undefined}
          options={STANCES.map((s) => ({
            value: s,
            label: t(`stances.${s}`),
            hint: t(`stanceHints.${s}`),
          }))}
        />
        <Field
          id="contactFrequency"
          label={t("form.contactFrequency")}
          hint={t("form.contactFrequencyHint")}
          optional
          error={translate(fields.contactFrequency.errors?.[0])}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="contactFrequency"
              className="input network-input"
              defaultValue={values.contactFrequency ?? ""}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              autoComplete="off"
            />
          )}
        </Field>
        <TextareaField
          id="note"
          name="note"
          label={t("form.note")}
          hint={t("form.noteHint")}
          optional
          maxLength={LIMITS.note}
          rows={3}
          defaultValue={values.note ?? ""}
          error={translate(fields.note.errors?.[0])}
        />
        <div className="field">
          <div className="radios__item">
            <input
              className="radios__input"
              type="checkbox"
              id="wantedAtMeeting"
              name="wantedAtMeeting"
              defaultChecked={Boolean(values.wantedAtMeeting)}
              aria-describedby="wantedAtMeeting-hint"
            />
            <label className="radios__label" htmlFor="wantedAtMeeting">
              {t("form.wantedAtMeeting")}
            </label>
            <div id="wantedAtMeeting-hint" className="radios__hint">
              {t("form.wantedAtMeetingHint")}
            </div>
          </div>
        </div>
        <div className="button-group">
          <button type="submit" name="intent" value="save" className="button">
            {props.conflict ? t("conflict.keepMine") : props.submitLabel}
          </button>
          {props.conflict ? (
            <button
              type="submit"
              name="intent"
              value="keep-saved"
              className="button button--secondary"
              formNoValidate
            >
              {t("conflict.keepSaved")}
            </button>
          ) : (
            <Link to={props.cancelTo} className="button button--secondary">
              {t("form.cancel")}
            </Link>
          )}
        </div>
      </Form>
    </>
  );
}

/** Both versions side by side, field by field, where they differ. */
function ConflictSummary({ conflict }: { conflict: ConflictInfo }) {
  const { t } = useTranslation("network");
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "–";
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (Array.isArray(value))
      return value.length
        ? value.map((k) => (isHelpKind(k) ? t(`helpKinds.${k}`) : k)).join(", ")
        : "–";
    if (field === "sector") return t(`sectors.${String(value)}`);
    if (field === "closeness") return t(`closeness.${String(value)}`);
    if (field === "stance") return t(`stances.${String(value)}`);
    return String(value);
  };
  const rows = PERSON_FIELDS.filter((field) => {
    const saved = conflict.saved[field];
    const mine = conflict.mine[field];
    return show(field, saved) !== show(field, mine);
  });
  return (
    <div
      data-focus-on-load=""
      tabIndex={-1}
      className="conflict network-conflict"
      role="group"
      aria-labelledby="conflict-title"
    >
      <h2 id="conflict-title">{t("conflict.title")}</h2>
      <p>{t("conflict.text")}</p>
      <table className="network-table">
        <caption className="visually-hidden">{t("conflict.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("conflict.field")}</th>
            <th scope="col">{t("conflict.saved")}</th>
            <th scope="col">{t("conflict.mine")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((field) => (
            <tr key={field}>
              <th scope="row">{t(`conflict.fields.${field}`)}</th>
              <td>{show(field, conflict.saved[field])}</td>
              <td>{show(field, conflict.mine[field])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t("conflict.next")}</p>
    </div>
  );
}
