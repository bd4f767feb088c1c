import { useTranslation } from "~/lib/i18n/react";
import { formatMonth, formatShortMonth } from "./calendar";
import { LEVELS, type Level } from "./levels";

/**
 * A calm line over the months for one factor: the five steps are named in words on the left, one
 * colour, no red or green, no numbers. An image for screen readers (`role="img"` with a title and
 * a description that points to the table under it, which has everything, with her own words).
 */

const LABEL_WIDTH = 118;
const COLUMN = 52;
const TOP = 14;
const ROW = 32;
const BOTTOM = 32;

export interface ChartPoint {
  month: string;
  level: Level | null;
}

export function LevelChart({ points, factorName, idPrefix }: { points: ChartPoint[]; factorName: string; idPrefix: string }) {
  const { t, i18n } = useTranslation("progress");
  const language = i18n.language;
  const width = LABEL_WIDTH + points.length * COLUMN + 8;
  const height = TOP + (LEVELS.length - 1) * ROW + BOTTOM;
  const x = (index: number) => LABEL_WIDTH + index * COLUMN + COLUMN / 2;
  const y = (level: Level) => TOP + (LEVELS.length - 1 - LEVELS.indexOf(level)) * ROW;

  // The line breaks where a month was left out: nothing is drawn that she did not say.
  const segments: string[] = [];
  let current = "";
  points.forEach((point, index) => {
    if (point.level === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? " L" : "M"} ${x(index)} ${y(point.level)}`;
  });
  if (current) segments.push(current);

  const first = points[0]!;
  const last = points[points.length - 1]!;
  return (
    <svg
      className="progress-chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`}
    >
      <title id={`${idPrefix}-title`}>{t("chart.title", { factor: factorName })}</title>
      <desc id={`${idPrefix}-desc`}>
        {t("chart.desc", { from: formatMonth(first.month, language), to: formatMonth(last.month, language) })}
      </desc>
      {LEVELS.map((level) => (
        <g key={level}>
          <line className="progress-chart__grid" x1={LABEL_WIDTH - 4} x2={width - 4} y1={y(level)} y2={y(level)} />
          <text className="progress-chart__label" x={LABEL_WIDTH - 10} y={y(level)} dy="0.35em" textAnchor="end">
            {t(`levels.${level}`)}
          </text>
        </g>
      ))}
      {points.map((point, index) => (
        <text key={point.month} className="progress-chart__label" x={x(index)} y={height - 8} textAnchor="middle">
          {formatShortMonth(point.month, language)}
        </text>
      ))}
      {segments.map((path) => (
        <path key={path} className="progress-chart__line" d={path} />
      ))}
      {points.map((point, index) =>
        point.level ? (
          <circle key={point.month} className="progress-chart__point" cx={x(index)} cy={y(point.level)} r={5}>
            <title>{`${formatMonth(point.month, language)}: ${t(`levels.${point.level}`)}`}</title>
          </circle>
        ) : null,
      )}
    </svg>
  );
}
