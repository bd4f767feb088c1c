import { useTranslation } from "react-i18next";
import { ABILITY_AREAS, partByKey, type Answers, type PartKey, type PartStatus } from "./parts";

export type ShareKind = "not_shared" | "shared" | "changed";

/** The label of one answer, as the form shows it (abilities: "area, how it goes"). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function fieldLabel(t: Translate, key: PartKey, name: string): string {
  if (key === "abilities") {
    const area = ABILITY_AREAS.find((candidate) => name.startsWith(candidate));
    if (area) {
      const which = name.endsWith("Helps") ? t("parts.abilities.helps") : t("parts.abilities.how");
      return t("form.errorLabel", { group: t(`parts.abilities.areas.${area}.legend`), field: which });
    }
  }
  if (key === "wishes" && name === "hoursPerWeek") return t("parts.wishes.hoursLabel");
  return t(`parts.${key}.fields.${name}.label`);
}

/** GOV.UK task-list status: grey "Ikke startet", blue "I gang", plain "Færdig". */
export function StatusTag({ status, id }: { status: PartStatus; id?: string }) {
  const { t } = useTranslation("preparation");
  return (
    <strong id={id} className={`prep-tag prep-tag--${status}`}>
      {t(`status.${status}`)}
    </strong>
  );
}

export function ShareTag({ kind, id }: { kind: ShareKind; id?: string }) {
  const { t } = useTranslation("preparation");
  return (
    <strong id={id} className={`prep-tag prep-tag--share-${kind}`}>
      {t(`shareState.${kind}`)}
    </strong>
  );
}

/**
 * A part's answers as a summary list (Tjek og del, print): every question, and the person's own
 * words as text (markup stays text), or "Ikke udfyldt".
 */
export function PartAnswers({
  partKey,
  answers,
  tasks,
  emptyText,
}: {
  partKey: PartKey;
  answers: Answers;
  tasks?: string[];
  emptyText: string;
}) {
  const { t } = useTranslation("preparation");
  const part = partByKey(partKey);
  const names = part.fields.map((field) => field.name);
  if (partKey === "wishes") names.splice(1, 0, "hoursPerWeek");
  return (
    <dl className="summary-list prep-answers">
      {names.map((name) => {
        const value = answers[name]?.trim() ?? "";
        return (
          <div className="summary-list__row" key={name}>
            <dt>{fieldLabel(t, partKey, name)}</dt>
            <dd className="pre-wrap-text">
              {value === "" ? (
                <span className="meta">{emptyText}</span>
              ) : name === "hoursPerWeek" ? (
                t("parts.wishes.hoursValue", { hours: value })
              ) : (
                value
              )}
            </dd>
          </div>
        );
      })}
      {partKey === "wishes" ? (
        <div className="summary-list__row">
          <dt>{t("parts.wishes.tasksLegend")}</dt>
          <dd>
            {tasks && tasks.length > 0 ? (
              <ul className="prep-task-list">
                {tasks.map((task, index) => (
                  <li key={`${index}-${task}`}>{task}</li>
                ))}
              </ul>
            ) : (
              <span className="meta">{emptyText}</span>
            )}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
