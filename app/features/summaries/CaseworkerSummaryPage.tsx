import { useTranslation } from "~/lib/i18n/react";
import { Form, useSearchParams } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { Tag } from "~/components/ui/Tag";
import { formatDate, formatTime } from "~/lib/dates";
import { LIMITS, MIN_ROWS, type FormError, type SummaryPointInput } from "./schema";

type When = Date | string;

export interface CaseworkerSummaryData {
  participant: { id: string; firstName: string; name: string };
  meeting: { id: string; title: string; kind: string; startsAt: When; endsAt: When };
  published: {
    version: number;
    firstPublishedAt: When;
    correctedAt: When | null;
    points: { id: string; position: number; lineageId: string; text: string; links: { kind: "subGoal" | "activity"; id: string; title: string }[] }[];
    recollections: { id: string; lineageId: string; conversationId: string | null; authorName: string; authorRole: string; createdAt: When }[];
  } | null;
  versions: { version: number; publishedAt: When; publishedByName: string; source: "caseworker" | "case_system"; correctionNote: string | null }[];
  draft: { points: SummaryPointInput[]; version: number; updatedAt: When } | null;
  planItems: { kind: "subGoal" | "activity"; id: string; title: string }[];
  /** Rows asked for with "Tilføj et punkt" (no JavaScript needed). */
  rows: number;
}

export interface CaseworkerSummaryAnswer {
  errors: FormError[];
  rows: SummaryPointInput[];
  correctionNote: string;
  /** The draft or the summary changed in another window since the form was loaded. */
  conflict: "draft" | "published" | null;
}

/**
 * `/sagsbehandler/:participantId/referater/:appointmentId`: "Det aftalte vi" for one past meeting.
 * She writes a few numbered points, each optionally linked to the plan items it changed, keeps a
 * draft (never shown to the participant) and publishes; once published, a correction is a new
 * version the participant sees as "Rettet den …". Works without JavaScript.
 */
export function CaseworkerSummaryPage({ data, answer }: { data: CaseworkerSummaryData; answer: CaseworkerSummaryAnswer | undefined }) {
  const { t, i18n } = useTranslation("summaries");
  const language = i18n.language;
  const [search] = useSearchParams();
  const { participant, meeting, published } = data;
  const name = participant.firstName;
  const source: SummaryPointInput[] =
    answer?.rows ?? data.draft?.points ?? published?.points.map((point) => ({
      text: point.text,
      subGoalIds: point.links.filter((link) => link.kind === "subGoal").map((link) => link.id),
      activityIds: point.links.filter((link) => link.kind === "activity").map((link) => link.id),
    })) ?? [];
  const count = Math.min(LIMITS.points, Math.max(MIN_ROWS, source.length, data.rows));
  const rows = Array.from({ length: count }, (_, index) => source[index] ?? { text: "", subGoalIds: [], activityIds: [] });
  const errors = (answer?.errors ?? []).map((error) => ({ fieldId: error.fieldId, message: t(error.key, { max: LIMITS.point, noteMax: LIMITS.note }) }));
  const conflict = answer?.conflict ?? null;
  const summaryErrors = conflict ? [{ fieldId: "point-1", message: t(`write.conflict.${conflict}`) }, ...errors] : errors;
  const errorFor = (fieldId: string) => errors.find((error) => error.fieldId === fieldId)?.message;
  const title = t("write.title", { title: meeting.title });
  const notice = search.get("gemt");

  return (
    <>
      <PageTitle title={`${title}, ${name}`} hasErrors={summaryErrors.length > 0} />
      <p className="cw-actions">
        <Link to={`/sagsbehandler/${participant.id}/referater`} className="back-link">
          {t("write.back", { name })}
        </Link>
      </p>
      <ErrorSummary errors={summaryErrors} />
      {notice && summaryErrors.length === 0 ? (
        <div className="notice" role="status">
          <p>{notice === "kladde" ? t("write.saved") : notice === "rettet" ? t("write.correctedNotice", { name }) : t("write.publishedNotice", { name })}</p>
        </div>
      ) : null}
      <h1 tabIndex={-1}>{title}</h1>
      <p className="meta">
        {participant.name}, {formatDate(meeting.startsAt, language)} {formatTime(meeting.startsAt, language)}–{formatTime(meeting.endsAt, language)}
      </p>

      {published ? (
        <section aria-labelledby="published-heading" className="cw-section">
          <h2 id="published-heading">{t("write.publishedHeading", { name })}</h2>
          <p>
            <Tag tone="green">{t("write.versionTag", { version: published.version })}</Tag>{" "}
            {published.correctedAt
              ? t("write.correctedOn", { date: formatDate(published.correctedAt, language) })
              : t("write.publishedOn", { date: formatDate(published.firstPublishedAt, language) })}
          </p>
          <ol className="summary__points">
            {published.points.map((point) => {
              const notes = published.recollections.filter((note) => note.lineageId === point.lineageId);
              return (
                <li key={point.id} className="summary__point">
                  <p className="pre-wrap">{point.text}</p>
                  {point.links.length > 0 ? (
                    <p className="meta">
                      {t("write.linked")} {point.links.map((link) => `${t(`meeting.itemKind.${link.kind}`)}: ${link.title}`).join("; ")}
                    </p>
                  ) : null}
                  {notes.map((note) => (
                    <p key={note.id} className="summary__noted">
                      <Tag tone="blue">{t("write.rememberedTag")}</Tag>{" "}
                      {t("write.remembered", { name: note.authorName, date: formatDate(note.createdAt, language) })}{" "}
                      {note.conversationId ? <Link to={`/sagsbehandler/beskeder/${note.conversationId}`}>{t("write.openConversation")}</Link> : null}
                    </p>
                  ))}
                </li>
              );
            })}
          </ol>
          {data.versions.length > 1 ? (
            <details>
              <summary>{t("write.versionsHeading", { count: data.versions.length })}</summary>
              <ul>
                {data.versions.map((version) => (
                  <li key={version.version}>
                    {t("write.versionLine", {
                      version: version.version,
                      date: formatDate(version.publishedAt, language),
                      name: version.publishedByName,
                    })}
                    {version.correctionNote ? `: ${version.correctionNote}` : null}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="write-heading" className="cw-section">
        <h2 id="write-heading">{published ? t("write.correctHeading") : t("write.writeHeading")}</h2>
        <p>{published ? t("write.correctIntro", { name }) : t("write.intro", { name })}</p>
        {data.draft && !answer ? <p className="meta">{t("write.draftFrom", { date: formatDate(data.draft.updatedAt, language), time: formatTime(data.draft.updatedAt, language) })}</p> : null}
        <Form method="post" noValidate>
          <input type="hidden" name="rows" value={count} />
          <input type="hidden" name="draftVersion" value={data.draft?.version ?? ""} />
          <input type="hidden" name="publishedVersion" value={published?.version ?? 0} />
          {rows.map((row, index) => {
            const number = index + 1;
            const linked = new Set([...row.subGoalIds.map((id) => `subGoal:${id}`), ...row.activityIds.map((id) => `activity:${id}`)]);
            return (
              <fieldset key={number} className="fieldset summary__row">
                <legend className="fieldset__legend">{t("write.pointLegend", { number })}</legend>
                <TextareaField
                  id={`point-${number}`}
                  name={`point-${number}`}
                  label={t("write.pointLabel", { number })}
                  hint={number === 1 ? t("write.pointHint") : undefined}
                  error={errorFor(`point-${number}`)}
                  maxLength={LIMITS.point}
                  rows={3}
                  defaultValue={row.text}
                  optional={number > 1}
                />
                {data.planItems.length > 0 ? (
                  <fieldset className="fieldset">
                    <legend className="field__label">{t("write.linksLegend", { number })}</legend>
                    <div className="radios">
                      {data.planItems.map((item) => {
                        const value = `${item.kind}:${item.id}`;
                        const id = `links-${number}-${item.id}`;
                        return (
                          <div className="radios__item" key={value}>
                            <input className="radios__input" type="checkbox" id={id} name={`links-${number}`} value={value} defaultChecked={linked.has(value)} />
                            <label className="radios__label" htmlFor={id}>
                              {t(`meeting.itemKind.${item.kind}`)}: {item.title}
                            </label>
                          </div>
                        );
                      })}
                    </div>
                  </fieldset>
                ) : null}
              </fieldset>
            );
          })}
          {count < LIMITS.points ? (
            <p>
              <button type="submit" name="intent" value="add" className="button button--secondary">
                {t("write.addPoint")}
              </button>
            </p>
          ) : null}
          {published ? (
            <TextareaField
              id="correctionNote"
              name="correctionNote"
              label={t("write.noteLabel")}
              hint={t("write.noteHint", { name })}
              error={errorFor("correctionNote")}
              maxLength={LIMITS.note}
              rows={2}
              defaultValue={answer?.correctionNote ?? ""}
              optional
            />
          ) : null}
          <div className="button-group">
            <button type="submit" name="intent" value="publish" className="button">
              {published ? t("write.publishCorrection", { name }) : t("write.publish", { name })}
            </button>
            <button type="submit" name="intent" value="draft" className="button button--secondary">
              {t("write.saveDraft")}
            </button>
          </div>
          <p className="field__hint">{published ? t("write.correctionPromise", { name }) : t("write.publishPromise", { name })}</p>
        </Form>
      </section>
    </>
  );
}

export interface CaseworkerSummaryListData {
  participant: { id: string; firstName: string; name: string };
  meetings: {
    id: string;
    title: string;
    kind: string;
    startsAt: When;
    summary: { published: number; draft: boolean; publishedAt: When | null; recollections: number } | null;
  }[];
}

/** `/sagsbehandler/:participantId/referater`: her participant's past meetings and each one's summary. */
export function CaseworkerSummaryListPage({ data }: { data: CaseworkerSummaryListData }) {
  const { t, i18n } = useTranslation("summaries");
  const language = i18n.language;
  const { participant } = data;
  const title = t("list.title");
  return (
    <>
      <PageTitle title={`${title}, ${participant.name}`} />
      <p className="cw-actions">
        <Link to={`/sagsbehandler/${participant.id}`} className="back-link">
          {t("list.back", { name: participant.firstName })}
        </Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="meta">{participant.name}</p>
      <p>{t("list.intro", { name: participant.firstName })}</p>
      {data.meetings.length === 0 ? (
        <p>{t("list.none")}</p>
      ) : (
        <ul className="cw-list summary-list">
          {data.meetings.map((meeting) => {
            const summary = meeting.summary;
            const state = !summary || (summary.published === 0 && !summary.draft) ? "none" : summary.published === 0 ? "draft" : "published";
            return (
              <li key={meeting.id} className="cw-card">
                <p className="cw-card__title">
                  <Link to={`/sagsbehandler/${participant.id}/referater/${meeting.id}`}>
                    <span lang="da">{meeting.title}</span>
                    <span className="visually-hidden">, {formatDate(meeting.startsAt, language)}</span>
                  </Link>
                </p>
                <p className="meta">{formatDate(meeting.startsAt, language)}</p>
                <p>
                  <Tag tone={state === "published" ? "green" : state === "draft" ? "blue" : "grey"}>{t(`list.state.${state}`)}</Tag>
                  {summary && summary.published > 1 ? ` ${t("list.corrected", { count: summary.published - 1 })}` : null}
                  {summary && summary.draft && summary.published > 0 ? ` ${t("list.draftToo")}` : null}
                  {summary && summary.recollections > 0 ? (
                    <>
                      {" "}
                      <Tag tone="blue">{t("list.remembered", { count: summary.recollections })}</Tag>
                    </>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
