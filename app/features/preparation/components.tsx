import { useTranslation } from "~/lib/i18n/react";
import { ABILITY_AREAS, hoursInWords, partByKey, type Answers, type PartKey, type PartStatus } from "./parts";
import { DocumentLinks } from "~/components/ui/DocumentLinks";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { Tag } from "~/components/ui/Tag";
import { withContext, type PreparationContext, type Translate } from "./setting";

export type { Translate } from "./setting";

export type ShareKind = "not_shared" | "shared" | "changed";

/** The label of one answer, as the form shows it (abilities: "area, how it goes"). */
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
    <Tag id={id} tone={status === "done" ? "green" : status === "in_progress" ? "blue" : "grey"}>
      {t(`status.${status}`)}
    </Tag>
  );
}

export function ShareTag({ kind, id }: { kind: ShareKind; id?: string }) {
  const { t } = useTranslation("preparation");
  return (
    <Tag id={id} tone={kind === "shared" ? "green" : kind === "changed" ? "blue" : "grey"}>
      {t(`shareState.${kind}`)}
    </Tag>
  );
}

/**
 * One part of the preparation as a section: its title and status (and `shareTag` where the reader
 * sees the sharing), then what follows. "Tjek og del", its review and a relative's view use it.
 * `context`: the participant's setting (setting.ts); without it the base wording (no team).
 */
export function PartSection({
  part,
  headingId,
  shareTag,
  context,
  children,
}: {
  part: { key: PartKey; status: PartStatus };
  headingId: string;
  shareTag?: React.ReactNode;
  context?: PreparationContext;
  children: React.ReactNode;
}) {
  const { t: plain } = useTranslation("preparation");
  const t = withContext(plain as Translate, context);
  return (
    <section className="prep-check-part" aria-labelledby={headingId}>
      <div className="prep-check-part__header">
        <h2 id={headingId}>{t(`parts.${part.key}.title`)}</h2>
        <p className="prep-check-part__tags">
          <StatusTag status={part.status} />
          {shareTag}
        </p>
      </div>
      {children}
    </section>
  );
}

/** "Tag det med til mødet": print or download the preparation. */
export function BringSection({ context }: { context?: PreparationContext }) {
  const { t: plain } = useTranslation("preparation");
  const t = withContext(plain as Translate, context);
  return (
    <section aria-labelledby="bring-heading">
      <h2 id="bring-heading">{t("taskList.bringHeading")}</h2>
      <DocumentLinks
        print={{ to: "/forberedelse/udskriv", label: t("taskList.printLink") }}
        pdf={{ href: "/forberedelse/forberedelse.pdf", label: t("taskList.pdfLink") }}
      />
    </section>
  );
}

/** A part's questions in the order they are asked (the wishes part asks for hours second). */
export function questionNames(partKey: PartKey): string[] {
  const names = partByKey(partKey).fields.map((field) => field.name);
  if (partKey === "wishes") names.splice(1, 0, "hoursPerWeek");
  return names;
}

/**
 * A part's answers as a summary list: every question, and the person's own words as text (markup
 * stays text), or `emptyText` (Tjek og del: she sees what is missing). A document (`forDocument`,
 * the print view) lists only what is answered, then the unanswered questions once.
 */
export function PartAnswers({
  partKey,
  answers,
  tasks,
  emptyText,
  forDocument = false,
  context,
}: {
  partKey: PartKey;
  answers: Answers;
  tasks?: string[];
  emptyText: string;
  forDocument?: boolean;
  /** The participant's setting (setting.ts); without it the base wording (no team). */
  context?: PreparationContext;
}) {
  const { t: plain } = useTranslation("preparation");
  const t = withContext(plain as Translate, context);
  const allNames = questionNames(partKey);
  const isEmpty = (name: string) => (answers[name]?.trim() ?? "") === "";
  const names = forDocument ? allNames.filter((name) => !isEmpty(name)) : allNames;
  const noTasks = partKey === "wishes" && !(tasks && tasks.length > 0);
  if (forDocument) {
    const unanswered = [
      ...allNames.filter(isEmpty).map((name) => fieldLabel(t, partKey, name)),
      ...(noTasks ? [t("parts.wishes.tasksLegend")] : []),
    ];
    if (names.length === 0 && (partKey !== "wishes" || noTasks)) return <p className="meta">{t("print.partEmpty")}</p>;
    return (
      <>
        <PartAnswerList partKey={partKey} answers={answers} names={names} tasks={noTasks ? undefined : tasks} emptyText={emptyText} t={t} />
        {unanswered.length > 0 ? (
          <div className="meta">
            <p>{t("print.emptyList")}</p>
            <ul>
              {unanswered.map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </>
    );
  }
  return <PartAnswerList partKey={partKey} answers={answers} names={names} tasks={tasks} emptyText={emptyText} t={t} />;
}

function PartAnswerList({
  partKey,
  answers,
  names,
  tasks,
  emptyText,
  t,
}: {
  partKey: PartKey;
  answers: Answers;
  names: string[];
  tasks?: string[];
  emptyText: string;
  t: Translate;
}) {
  const { i18n } = useTranslation("preparation");
  if (names.length === 0 && !(partKey === "wishes" && tasks)) return null;
  return (
    <SummaryList className="prep-answers">
      {names.map((name) => {
        const value = answers[name]?.trim() ?? "";
        return (
          <SummaryRow key={name} label={fieldLabel(t, partKey, name)} valueClassName="pre-wrap-text">
            {value === "" ? (
              <span className="meta">{emptyText}</span>
            ) : name === "hoursPerWeek" ? (
              t("parts.wishes.hoursValue", { hours: hoursInWords(value, i18n.language) })
            ) : (
              value
            )}
          </SummaryRow>
        );
      })}
      {partKey === "wishes" ? (
        <SummaryRow label={t("parts.wishes.tasksLegend")}>
          {tasks && tasks.length > 0 ? (
            <ul className="prep-task-list">
              {tasks.map((task, index) => (
                <li key={`${index}-${task}`}>{task}</li>
              ))}
            </ul>
          ) : (
            <span className="meta">{emptyText}</span>
          )}
        </SummaryRow>
      ) : null}
    </SummaryList>
  );
}
