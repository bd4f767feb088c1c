import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { z } from "~/lib/zod";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { TextareaField } from "~/components/form/TextareaField";
import { useFormatWhen } from "./components";
import { LIMITS, limitValues, preparationSchema } from "./schema";

export interface PreparationConflict {
  saved: { notes: string; questions: string; version: number; updatedAt: Date };
  mine: { notes: string; questions: string };
}


/** The form's state; the page holds it, so the error summary and the title can sit at the top. */
export function usePreparationForm(result: SubmissionResult<string[]> | null | undefined) {
  return useForm<z.input<typeof preparationSchema>>({
    id: "preparation",
    lastResult: result,
  });
}

export type PreparationFormState = ReturnType<typeof usePreparationForm>;

/**
 * The participant's notes and "spørgsmål jeg vil stille" for one meeting, saved on submit
 * (works without JavaScript). When another window saved in between, both versions are
 * shown and the person chooses; nothing they typed is lost.
 */
export function PreparationForm(props: {
  preparation: { notes: string; questions: string; version: number; updatedAt: Date } | null;
  state: PreparationFormState;
  conflict: PreparationConflict | null | undefined;
  justSaved: boolean;
}) {
  const { t } = useTranslation("appointments");
  const formatWhen = useFormatWhen();
  const [form, fields] = props.state;
  const translate = (key?: string) => (key ? t(key, limitValues) : undefined);
  const conflict = props.conflict;
  const version = conflict ? conflict.saved.version : (props.preparation?.version ?? 0);
  const typed = (name: "notes" | "questions") =>
    typeof fields[name].initialValue === "string" ? fields[name].initialValue : undefined;

  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="version" value={String(version)} />
      {conflict ? (
        <div className="conflict" role="group" aria-labelledby="preparation-conflict-title">
          <h3 id="preparation-conflict-title">{t("prep.conflictTitle")}</h3>
          <p>{t("prep.conflictText", { when: formatWhen(conflict.saved.updatedAt) })}</p>
          {(["notes", "questions"] as const).map((name) => {
            const field = t(`prep.${name}Label`);
            return (
              <div key={name} className="conflict__field">
                <h4>{field}</h4>
                <p className="card__label" id={`${name}-saved-label`}>
                  {t("prep.conflictSavedOf", { field })}
                </p>
                <blockquote className="own-words pre-wrap" aria-labelledby={`${name}-saved-label`}>
                  <p>{conflict.saved[name] || t("prep.empty")}</p>
                </blockquote>
                <TextareaField
                  id={name}
                  name={name}
                  label={t("prep.conflictMineOf", { field })}
                  maxLength={LIMITS[name]}
                  defaultValue={conflict.mine[name]}
                  error={translate(fields[name].errors?.[0])}
                />
              </div>
            );
          })}
          <div className="button-group">
            <button type="submit" name="intent" value="save" className="button">
              {t("prep.keepMine")}
            </button>
            <button type="submit" name="intent" value="keep-saved" className="button button--secondary" formNoValidate>
              {t("prep.keepSaved")}
            </button>
          </div>
        </div>
      ) : (
        <>
          {props.justSaved ? (
            <div className="notice" role="status">
              <p>{t("prep.saved")}</p>
            </div>
          ) : null}
          <TextareaField
            id="notes"
            name="notes"
            label={t("prep.notesLabel")}
            hint={t("prep.notesHint")}
            maxLength={LIMITS.notes}
            defaultValue={typed("notes") ?? props.preparation?.notes ?? ""}
            error={translate(fields.notes.errors?.[0])}
          />
          <TextareaField
            id="questions"
            name="questions"
            label={t("prep.questionsLabel")}
            hint={t("prep.questionsHint")}
            maxLength={LIMITS.questions}
            defaultValue={typed("questions") ?? props.preparation?.questions ?? ""}
            error={translate(fields.questions.errors?.[0])}
          />
          {props.preparation ? (
            <p className="meta">{t("prep.lastSaved", { when: formatWhen(props.preparation.updatedAt) })}</p>
          ) : null}
          <button type="submit" name="intent" value="save" className="button">
            {t("prep.save")}
          </button>
        </>
      )}
    </Form>
  );
}
