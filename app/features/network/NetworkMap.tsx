import { useTranslation } from "~/lib/i18n/react";
import { CLOSENESS, SECTORS, type Stance } from "./constants";
import {
  FONT_SIZE,
  layoutNetwork,
  MARKER_RADIUS,
  type LayoutInput,
  type LayoutWords,
} from "./layout";

/**
 * The network drawn as rings and quarters, rendered on the server (no JavaScript needed).
 * It is one image (`role="img"`) with a title and a description; the list next to it carries
 * every detail, so screen readers read the list instead of each marker.
 */
export function NetworkMap(props: {
  people: LayoutInput[];
  centreName: string;
  idPrefix?: string;
  showStance: boolean;
  /** The image's title; a relative reads "Kort over Mettes netværk", not "dit netværk". */
  title?: string;
}) {
  const { t } = useTranslation("network");
  const prefix = props.idPrefix ?? "network-map";
  const words: LayoutWords = {
    sectors: Object.fromEntries(
      SECTORS.map((s) => [s, t(`sectors.${s}`)]),
    ) as LayoutWords["sectors"],
    rings: Object.fromEntries(
      CLOSENESS.map((c) => [c, t(`closeness.${c}`)]),
    ) as LayoutWords["rings"],
  };
  const layout = layoutNetwork(props.people, words);
  const { centre, radii, size } = layout;
  const counts = CLOSENESS.map((c) =>
    t(`map.descRing`, {
      ring: words.rings[c],
      count: props.people.filter((p) => p.closeness === c).length,
    }),
  );
  const hidden = layout.overflows.reduce((sum, o) => sum + o.count, 0);
  const description = [
    props.people.length === 0
      ? t("map.descEmpty")
      : t("map.descCount", { count: props.people.length }),
    props.people.length > 0 ? counts.join(" ") : "",
    hidden > 0 ? t("map.descHidden", { count: hidden }) : "",
    t("map.descList"),
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <svg
      className="network-map"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-labelledby={`${prefix}-title ${prefix}-desc`}
      data-testid="network-map"
      focusable="false"
    >
      <title id={`${prefix}-title`}>{props.title ?? t("map.title")}</title>
      <desc id={`${prefix}-desc`}>{description}</desc>
      <HatchPattern id={`${prefix}-hatch`} />
      <rect
        x="0"
        y="0"
        width={size}
        height={size}
        className="network-map__bg"
      />
      {[radii.further, radii.middle, radii.close].map((r, index) => (
        <circle
          key={r}
          cx={centre}
          cy={centre}
          r={r}
          className={`network-map__ring network-map__ring--${index}`}
        />
      ))}
      <line
        x1={centre}
        y1={centre - radii.further}
        x2={centre}
        y2={centre + radii.further}
        className="network-map__axis"
      />
      <line
        x1={centre - radii.further}
        y1={centre}
        x2={centre + radii.further}
        y2={centre}
        className="network-map__axis"
      />
      <circle
        cx={centre}
        cy={centre}
        r={radii.centre}
        className="network-map__centre"
      />
      <text
        x={centre}
        y={centre + FONT_SIZE / 2 - 2}
        textAnchor="middle"
        className="network-map__centre-text"
        fontSize={FONT_SIZE}
      >
        {props.centreName}
      </text>
      {layout.ringLabels.map((label) => (
        <g key={label.key}>
          <rect
            x={label.box.x1}
            y={label.box.y1}
            width={label.box.x2 - label.box.x1}
            height={label.box.y2 - label.box.y1}
            rx="4"
            className="network-map__plate"
          />
          <text
            x={label.x}
            y={label.y}
            textAnchor={label.anchor}
            fontSize={FONT_SIZE}
            className="network-map__ring-label"
          >
            {words.rings[label.closeness]}
          </text>
        </g>
      ))}
      {layout.sectorLabels.map((label) => (
        <text
          key={label.key}
          x={label.x}
          y={label.y}
          textAnchor={label.anchor}
          fontSize={FONT_SIZE + 2}
          className="network-map__sector-label"
        >
          {words.sectors[label.sector]}
        </text>
      ))}
      {layout.people.map((person) => (
        <g
          key={person.id}
          className="network-map__person"
          data-person-id={person.id}
          data-name={person.name}
          data-sector={person.sector}
          data-closeness={person.closeness}
          data-stance={person.stance ?? undefined}
        >
          {person.label !== person.name ? <title>{person.name}</title> : null}
          {person.wantedAtMeeting ? (
            <circle
              cx={person.x}
              cy={person.y}
              r={MARKER_RADIUS + 5}
              className="network-map__wanted"
            />
          ) : null}
          <Marker
            x={person.x}
            y={person.y}
            stance={props.showStance ? person.stance : null}
            hatch={`url(#${prefix}-hatch)`}
          />
          <text
            x={person.x}
            y={person.labelY}
            textAnchor="middle"
            fontSize={FONT_SIZE}
            className="network-map__label"
          >
            {person.label}
          </text>
        </g>
      ))}
      {layout.overflows.map((overflow) => (
        <g
          key={`${overflow.sector}-${overflow.closeness}`}
          className="network-map__overflow"
          data-count={overflow.count}
        >
          <rect
            x={overflow.x - 14}
            y={overflow.y - MARKER_RADIUS}
            width="28"
            height={MARKER_RADIUS * 2}
            rx="4"
            className="network-map__overflow-box"
          />
          <text
            x={overflow.x}
            y={overflow.y + 5}
            textAnchor="middle"
            fontSize={FONT_SIZE - 2}
            className="network-map__overflow-count"
          >
            +{overflow.count}
          </text>
          <text
            x={overflow.x}
            y={overflow.labelY}
            textAnchor="middle"
            fontSize={FONT_SIZE}
            className="network-map__label"
          >
            {t("map.more", { count: overflow.count })}
          </text>
        </g>
      ))}
    </svg>
  );
}

/**
 * One marker per judgement, told apart by shape AND fill, never by colour alone:
 * helps = filled circle, holds back = hatched triangle pointing down, both = half-filled diamond.
 * Without a judgement to show: an open circle.
 */
export function Marker(props: {
  x: number;
  y: number;
  stance: Stance | null;
  hatch: string;
  r?: number;
}) {
  const { x, y } = props;
  const r = props.r ?? MARKER_RADIUS;
  switch (props.stance) {
    case "helps":
      return (
        <circle
          cx={x}
          cy={y}
          r={r}
          className="network-marker network-marker--helps"
        />
      );
    case "holds_back":
      return (
        <polygon
          points={`${x - r * 1.1},${y - r * 0.8} ${x + r * 1.1},${y - r * 0.8} ${x},${y + r * 1.1}`}
          className="network-marker network-marker--holds-back"
          fill={props.hatch}
        />
      );
    case "both":
      return (
        <g className="network-marker network-marker--both">
          <polygon
            points={`${x},${y - r * 1.15} ${x + r * 1.15},${y} ${x},${y + r * 1.15} ${x - r * 1.15},${y}`}
            className="network-marker__outline"
          />
          <polygon
            points={`${x},${y - r * 1.15} ${x},${y + r * 1.15} ${x - r * 1.15},${y}`}
            className="network-marker__half"
          />
        </g>
      );
    default:
      return (
        <circle
          cx={x}
          cy={y}
          r={r}
          className="network-marker network-marker--plain"
        />
      );
  }
}

/** The key to the map's shapes, as text with a small drawing of each shape. */
export function MapLegend({
  showStance,
  idPrefix = "legend",
}: {
  showStance: boolean;
  idPrefix?: string;
}) {
  const { t } = useTranslation("network");
  const hatchId = (key: string) => `${idPrefix}-${key}-hatch`;
  const item = (key: string, drawing: React.ReactNode) => (
    <li key={key} className="network-legend__item">
      <svg
        viewBox="0 0 32 32"
        width="32"
        height="32"
        aria-hidden="true"
        focusable="false"
        className="network-legend__symbol"
      >
        <defs>
          <pattern
            id={hatchId(key)}
            patternUnits="userSpaceOnUse"
            width="5"
            height="5"
            patternTransform="rotate(45)"
          >
            <rect width="5" height="5" className="network-map__hatch-bg" />
            <line
              x1="0"
              y1="0"
              x2="0"
              y2="5"
              className="network-map__hatch-line"
              strokeWidth="2.5"
            />
          </pattern>
        </defs>
        {drawing}
      </svg>
      <span>{t(`legend.${key}`)}</span>
    </li>
  );
  const hatch = (key: string) => `url(#${hatchId(key)})`;
  return (
    <ul className="network-legend" aria-label={t("legend.label")}>
      {showStance ? (
        <>
          {item(
            "helps",
            <Marker x={16} y={16} stance="helps" hatch={hatch("helps")} />,
          )}
          {item(
            "holds_back",
            <Marker
              x={16}
              y={16}
              stance="holds_back"
              hatch={hatch("holds_back")}
            />,
          )}
          {item(
            "both",
            <Marker x={16} y={16} stance="both" hatch={hatch("both")} />,
          )}
        </>
      ) : (
        item(
          "plain",
          <Marker x={16} y={16} stance={null} hatch={hatch("plain")} />,
        )
      )}
      {item(
        "wanted",
        <>
          <circle
            cx="16"
            cy="16"
            r={MARKER_RADIUS + 5}
            className="network-map__wanted"
          />
          <Marker
            x={16}
            y={16}
            stance={null}
            hatch={hatch("wanted")}
            r={MARKER_RADIUS - 3}
          />
        </>,
      )}
    </ul>
  );
}

/** The hatching that marks a person who holds the participant back (shape, not only colour). */
export function HatchPattern({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
        <rect width="5" height="5" className="network-map__hatch-bg" />
        <line x1="0" y1="0" x2="0" y2="5" className="network-map__hatch-line" strokeWidth="2.5" />
      </pattern>
    </defs>
  );
}
