import { useTranslation } from "~/lib/i18n/react";
import { FACTORS, type Factor } from "~/features/progress";
import { localeFor } from "~/lib/dates";
import { formatLongDate, OwnWords } from "./components";
import { excerpt, firstOf } from "./excerpt";
import type { SharedProgress, SharedProgressMonth } from "./shared-progress";

/**
 * "Sådan går det" in the briefing (issue 22): the months the participant shared (the words per
 * factor over time as one small table, then each month's own words and when she shared it) and her
 * signs and strategies while she shares them. Nothing at all when she shares nothing: the absence
 * of the section says nothing about her. Steps are words, never numbers (`progress:levels`).
 */

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** "november 2026" / "November 2026"; short: "nov. 2026" / "Nov 2026". */
export function formatMonth(month: string, language: string, style: "long" | "short" = "long"): string {
  const key = `${language}:${style}`;
  let format = monthFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeFor(language), { month: style, year: "numeric", timeZone: "UTC" });
    monthFormats.set(key, format);
  }
  return format.format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`));
}

/** Her own words in one month, in the form's order: each factor's note, then the two free texts. */
function ownWords(month: SharedProgressMonth, label: (key: string) => string): [string, string][] {
  const notes = FACTORS.filter((factor) => month.notes[factor]).map((factor): [string, string] => [label(`factors.${factor}.name`), month.notes[factor]!]);
  if (month.whatHelps) notes.push([label("whatHelps.label"), month.whatHelps]);
  if (month.somethingElse) notes.push([label("somethingElse.label"), month.somethingElse]);
  return notes;
}

function useLevel() {
  const { t } = useTranslation(["caseworker", "progress"]);
  return (level: string | null) => (level ? t(`progress:levels.${level}`, { defaultValue: level }) : t("caseworker:briefing.progress.skipped"));
}

function changedAfterSharing(month: { updatedAt: Date | string; sharedAt: Date | string }): boolean {
  return new Date(month.updatedAt).getTime() > new Date(month.sharedAt).getTime();
}

export function ScreenProgress({ progress, name }: { progress: SharedProgress; name: string }) {
  const { t, i18n } = useTranslation(["caseworker", "progress"]);
  const level = useLevel();
  const date = (value: Date | string) => formatLongDate(value, i18n.language);
  const { months, signs } = progress;
  const factorName = (factor: Factor) => t(`progress:factors.${factor}.name`);
  return (
    <section aria-labelledby="cw-progress" className="cw-section">
      <h2 id="cw-progress">{t("caseworker:briefing.progress.heading")}</h2>
      {months.length > 0 ? (
        <>
          <p>{t("caseworker:briefing.progress.intro", { name })}</p>
          <div className="cw-table-wrap" role="region" aria-labelledby="cw-progress-caption" tabIndex={0}>
            <table className="cw-table">
              <caption id="cw-progress-caption">{t("caseworker:briefing.progress.tableCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("caseworker:briefing.progress.month")}</th>
                  {FACTORS.map((factor) => (
                    <th scope="col" key={factor}>
                      {factorName(factor)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {months.map((month) => (
                  <tr key={month.id}>
                    <th scope="row">{formatMonth(month.month, i18n.language)}</th>
                    {FACTORS.map((factor) => (
                      <td key={factor}>{level(month.levels[factor])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {months.map((month) => {
            const words = ownWords(month, (key) => t(`progress:${key}`));
            return (
              <section key={month.id} aria-labelledby={`cw-progress-${month.id}`} className="cw-part">
                <h3 id={`cw-progress-${month.id}`}>{formatMonth(month.month, i18n.language)}</h3>
                <p className="meta">
                  {t("caseworker:briefing.progress.shared", { date: date(month.sharedAt) })}
                  {changedAfterSharing(month) ? ` ${t("caseworker:briefing.progress.corrected", { date: date(month.updatedAt) })}` : null}
                </p>
                {words.length > 0 ? (
                  <dl className="cw-answers">
                    {words.map(([label, text]) => (
                      <div key={label}>
                        <dt>{label}</dt>
                        <dd>
                          <OwnWords text={text} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                ) : (
                  <p>{t("caseworker:briefing.progress.noWords")}</p>
                )}
              </section>
            );
          })}
        </>
      ) : null}
      {signs ? (
        <section aria-labelledby="cw-progress-signs" className="cw-part">
          <h3 id="cw-progress-signs">{t("caseworker:briefing.progress.signsHeading")}</h3>
          <p className="meta">
            {t("caseworker:briefing.progress.signsShared", { date: date(signs.sharedAt) })}
            {changedAfterSharing(signs) ? ` ${t("caseworker:briefing.progress.signsChanged", { date: date(signs.updatedAt) })}` : null}
          </p>
          {(
            [
              ["warningSigns", signs.warningSigns],
              ["strategies", signs.strategies],
            ] as const
          ).map(([key, items]) => (
            <div key={key}>
              <h4 className="cw-label">{t(`caseworker:briefing.progress.${key}`)}</h4>
              {items.length > 0 ? (
                <ul className="cw-compact-list">
                  {items.map((item, index) => (
                    <li key={`${index}-${item}`} className="pre-wrap-text">
                      {item}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t("caseworker:briefing.progress.emptyList")}</p>
              )}
            </div>
          ))}
        </section>
      ) : null}
    </section>
  );
}

/** How many months the whole version prints (the newest), as columns of one small table; the screen has all. */
export const PRINT_MONTHS = 3;
/** The short version: each list's first words, on one line. */
const SHORT_LIST = 32;

/** Lines the whole version of this part takes, counted as PrintBriefing counts (48 characters a line). */
export function progressPrintLines(progress: SharedProgress | undefined, lines: (...texts: (string | null | undefined)[]) => number): number {
  if (!progress || (progress.months.length === 0 && !progress.signs)) return 0;
  const label = "x".repeat(30);
  let total = 2;
  const months = progress.months.slice(0, PRINT_MONTHS);
  // The table: a heading row and a row per factor, a long factor name on two lines.
  if (months.length > 0) total += 1 + FACTORS.length + 2;
  if (progress.months.length > PRINT_MONTHS) total += 1;
  // Her words: a label, and each factor's name (about 16 characters) with her text.
  const name = "x".repeat(16);
  for (const month of months) {
    const words = ownWords(month, () => name);
    if (words.length > 0) total += lines(label, ...words.map(([factor, text]) => `${factor}: »${text}« · `));
  }
  if (progress.signs) total += lines(label, ...progress.signs.warningSigns.map((item) => `${item}; `)) + lines(label, ...progress.signs.strategies.map((item) => `${item}; `));
  return total;
}

/**
 * "Sådan går det" on paper. Whole: the newest months as one small table (factors down, months
 * across, oldest first), her own words of each, and both lists. Short (when the whole briefing
 * does not fit): the newest month's words per factor on one line, the lists' first words, and one
 * line that says the rest is on the screen.
 */
export function PrintProgress({ progress, short }: { progress: SharedProgress | undefined; short: boolean }) {
  const { t, i18n } = useTranslation(["caseworker", "progress"]);
  const level = useLevel();
  if (!progress || (progress.months.length === 0 && !progress.signs)) return null;
  const signs = progress.signs;
  const heading = <h2>{t("caseworker:briefing.progress.heading")}</h2>;
  const label = (text: string) => <strong>{`${text}: `}</strong>;
  if (short) {
    const newest = progress.months[0];
    const list = (items: string[]) => (items.length > 0 ? excerpt(items.join("; "), SHORT_LIST) : t("caseworker:briefing.progress.emptyList"));
    // What is left out is on the screen, as the header says for the whole short version.
    const month = newest ? formatMonth(newest.month, i18n.language) : "";
    return (
      <section className="cw-print__section">
        {heading}
        {newest ? (
          <p>
            {label(progress.months.length > 1 ? t("caseworker:briefing.progress.print.newest", { month, count: progress.months.length }) : month)}
            {FACTORS.map((factor) => `${t(`progress:factors.${factor}.name`)}: ${level(newest.levels[factor])}`).join(" · ")}
          </p>
        ) : null}
        {signs ? (
          <p>
            {label(t("caseworker:briefing.progress.print.signs"))}
            {list(signs.warningSigns)}
            {" · "}
            {label(t("caseworker:briefing.progress.print.strategies"))}
            {list(signs.strategies)}
          </p>
        ) : null}
      </section>
    );
  }
  // Oldest to newest, left to right: "over time".
  const { shown, more } = firstOf(progress.months, PRINT_MONTHS);
  const columns = [...shown].reverse();
  return (
    <section className="cw-print__section">
      {heading}
      {columns.length > 0 ? (
        <table className="cw-print__table">
          <thead>
            <tr>
              <th scope="col">{t("caseworker:briefing.progress.month")}</th>
              {columns.map((month) => (
                <th scope="col" key={month.id}>
                  {formatMonth(month.month, i18n.language, "short")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FACTORS.map((factor) => (
              <tr key={factor}>
                <th scope="row">{t(`progress:factors.${factor}.name`)}</th>
                {columns.map((month) => (
                  <td key={month.id}>{level(month.levels[factor])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {more > 0 ? <p className="cw-print__more">{t("caseworker:briefing.progress.print.moreMonths", { count: more })}</p> : null}
      {shown.map((month) => {
        const words = ownWords(month, (key) => t(`progress:${key}`));
        if (words.length === 0) return null;
        return (
          <p key={month.id}>
            {label(t("caseworker:briefing.progress.print.words", { month: formatMonth(month.month, i18n.language) }))}
            {words.map(([name, text]) => `${name}: »${excerpt(text, Infinity)}«`).join(" · ")}
          </p>
        );
      })}
      {signs ? (
        <>
          <p>
            {label(t("caseworker:briefing.progress.warningSigns"))}
            {signs.warningSigns.length > 0 ? signs.warningSigns.join("; ") : t("caseworker:briefing.progress.emptyList")}
          </p>
          <p>
            {label(t("caseworker:briefing.progress.strategies"))}
            {signs.strategies.length > 0 ? signs.strategies.join("; ") : t("caseworker:briefing.progress.emptyList")}
          </p>
        </>
      ) : null}
    </section>
  );
}
