import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart } from "recharts";

export interface RadarSeries {
  key: string;
  label: string;
  /** One value per axis, in axis order; null where there is no figure. */
  values: (number | null)[];
}

// Okabe–Ito colours (distinguishable with colour-blindness) plus a dash pattern and marker
// shape per series, so greyscale print tells them apart too.
const STYLES = [
  { stroke: "#0072B2", dash: undefined, fill: "#0072B2", fillOpacity: 0.15 },
  { stroke: "#D55E00", dash: "6 4", fill: "none", fillOpacity: 0 },
  { stroke: "#009E73", dash: "2 3", fill: "none", fillOpacity: 0 },
  { stroke: "#CC79A7", dash: "10 3 2 3", fill: "none", fillOpacity: 0 },
  { stroke: "#000000", dash: "1 3", fill: "none", fillOpacity: 0 },
  { stroke: "#56B4E9", dash: "12 4", fill: "none", fillOpacity: 0 },
];

export function seriesStyle(index: number) {
  return STYLES[index % STYLES.length]!;
}

const TICK_LINE_LENGTH = 14;

/** Splits a label into lines of about TICK_LINE_LENGTH characters, at spaces. */
export function wrapLabel(label: string, lineLength = TICK_LINE_LENGTH): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= lineLength) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines;
}

interface TickProps {
  x?: number;
  y?: number;
  cx?: number;
  cy?: number;
  textAnchor?: "start" | "middle" | "end" | "inherit";
  payload?: { value?: string };
}

/**
 * An axis label in larger type, wrapped over lines, so it stays readable when the chart is
 * scaled down to a phone's width.
 */
function WrappedTick({ x = 0, y = 0, cy = 0, textAnchor = "middle", payload }: TickProps) {
  const lines = wrapLabel(String(payload?.value ?? ""));
  const lineHeight = 17;
  // Labels above the centre grow upwards, below it downwards.
  const firstLineOffset = y < cy - 1 ? -(lines.length - 1) * lineHeight : 4;
  return (
    <text x={x} y={y + firstLineOffset} textAnchor={textAnchor} fill="#1b1f24" fontSize={15}>
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? 0 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * A radar of competencies, rendered on the server as plain SVG (complete without
 * JavaScript). A series is drawn only where it has a value on every axis; the table next to
 * the chart carries every number.
 */
export function CompetencyRadar({
  axes,
  series,
  min,
  max,
  title,
  tableOnlyNote,
}: {
  axes: string[];
  series: RadarSeries[];
  min: number;
  max: number;
  title: string;
  /** Said of a series that misses a value somewhere and so is only in the table. */
  tableOnlyNote: string;
}) {
  const drawable = series.filter((s) => s.values.every((value) => value !== null));
  const data = axes.map((axis, index) => {
    const point: Record<string, string | number> = { axis };
    for (const s of drawable) point[s.key] = s.values[index] as number;
    return point;
  });
  return (
    <figure className="radar">
      <RadarChart
        width={680}
        height={500}
        data={data}
        outerRadius={150}
        title={title}
        desc={title}
        accessibilityLayer={false}
      >
        <PolarGrid stroke="#8a959f" />
        <PolarAngleAxis dataKey="axis" tick={WrappedTick} />
        <PolarRadiusAxis
          domain={[min, max]}
          tickCount={max - min + 1}
          angle={90}
          tick={{ fill: "#4a5560", fontSize: 12 }}
          axisLine={false}
        />
        {drawable.map((s) => {
          const style = seriesStyle(series.indexOf(s));
          return (
            <Radar
              key={s.key}
              name={s.label}
              dataKey={s.key}
              stroke={style.stroke}
              strokeWidth={2.5}
              strokeDasharray={style.dash}
              fill={style.fill}
              fillOpacity={style.fillOpacity}
              dot={{ r: 3.5, fill: style.stroke, stroke: style.stroke }}
              isAnimationActive={false}
            />
          );
        })}
      </RadarChart>
      <figcaption>
        <ul className="radar__legend">
          {series.map((s, index) => {
            const style = seriesStyle(index);
            const drawn = drawable.includes(s);
            return (
              <li key={s.key}>
                {drawn ? (
                  <svg width="36" height="12" aria-hidden="true" focusable="false">
                    <line
                      x1="0"
                      y1="6"
                      x2="36"
                      y2="6"
                      stroke={style.stroke}
                      strokeWidth="3"
                      strokeDasharray={style.dash}
                    />
                  </svg>
                ) : null}{" "}
                {s.label}
                {drawn ? null : <span className="muted"> ({tableOnlyNote})</span>}
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  );
}
