import { useId } from "react";
import type { MessageKey } from "../../lib/i18n.ts";
import { usePreferences } from "../../lib/preferences.tsx";
import { STAGES, type Stage } from "./model.ts";

interface Point {
  x: number;
  y: number;
}

type Place = Exclude<Stage, "sea">;

/**
 * Places on the schematic (viewBox 340 × 300): Lampung top left, Jakarta bottom right. `label` is
 * where the name starts (its first line's baseline) and which way it runs.
 */
const NODES: Record<Place, Point & { name: MessageKey; label: Point & { anchor: "start" | "end" } }> = {
  farm: { x: 64, y: 80, name: "trace.stage.farm", label: { x: 46, y: 50, anchor: "start" } },
  panjang: { x: 148, y: 112, name: "trace.stage.panjang", label: { x: 134, y: 134, anchor: "end" } },
  priok: { x: 214, y: 190, name: "trace.stage.priok", label: { x: 230, y: 188, anchor: "start" } },
  warehouse: { x: 248, y: 232, name: "trace.stage.warehouse", label: { x: 232, y: 232, anchor: "end" } },
  market: { x: 290, y: 266, name: "trace.stage.market", label: { x: 272, y: 275, anchor: "end" } },
};

/** Splits a stage name over two lines at the space nearest its middle. */
function twoLines(text: string): string[] {
  if (text.length <= 12) return [text];
  const middle = text.length / 2;
  let best = -1;
  for (let i = text.indexOf(" "); i >= 0; i = text.indexOf(" ", i + 1)) {
    if (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
  }
  return best < 0 ? [text] : [text.slice(0, best), text.slice(best + 1)];
}

function Node({ stage, reached, furthest }: { stage: Place; reached: boolean; furthest: boolean }) {
  const { t } = usePreferences();
  const node = NODES[stage];
  const { label } = node;
  const lines = twoLines(t(node.name));
  return (
    <g className={reached ? "map-node is-reached" : "map-node"}>
      {furthest ? <circle className="map-node-ring" cx={node.x} cy={node.y} r={14} /> : null}
      <circle className="map-node-dot" cx={node.x} cy={node.y} r={9} />
      {reached ? (
        <path
          className="map-node-check"
          d={`M${node.x - 4.5} ${node.y + 0.5}l3 3 6-6.5`}
          fill="none"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ) : null}
      <text x={label.x} y={label.y} textAnchor={label.anchor}>
        {lines.map((line, index) => (
          <tspan key={line} x={label.x} dy={index === 0 ? 0 : 14}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

function Route({ d, done, sea = false }: { d: string; done: boolean; sea?: boolean }) {
  const classes = ["map-route", sea ? "map-route-sea" : "", done ? "is-done" : ""].filter(Boolean);
  return <path className={classes.join(" ")} d={d} fill="none" />;
}

/**
 * The corridor drawn as a schematic in SVG (no tiles, no network): Lampung farms → Panjang →
 * ro-ro → Tanjung Priok → Jakarta warehouse → market, with the stages the journey reached
 * filled in. Its text alternative lists the same stages in words.
 */
export function CorridorMap({ reached, furthest }: { reached: ReadonlySet<Stage>; furthest: Stage | null }) {
  const { t } = usePreferences();
  const id = useId();
  const has = (stage: Stage) => reached.has(stage);
  const names = (stages: readonly Stage[]) => stages.map((stage) => t(`trace.stage.${stage}`)).join(", ");
  const done = STAGES.filter(has);
  const pending = STAGES.filter((stage) => !has(stage));
  const description = [
    done.length > 0 ? t("trace.map.reached", { list: names(done) }) : t("trace.map.noneReached"),
    pending.length > 0 ? t("trace.map.pending", { list: names(pending) }) : "",
  ]
    .filter(Boolean)
    .join(" ");
  const { farm, panjang, priok, warehouse, market } = NODES;

  return (
    <figure className="corridor">
      <svg
        className="corridor-map"
        viewBox="0 0 340 300"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid="corridor-map"
      >
        <title id={`${id}-title`}>{t("trace.map.alt")}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <rect className="map-sea" x="0" y="0" width="340" height="300" rx="10" />
        <path
          className="map-land"
          d="M0 0H226C216 40 194 74 168 96C146 116 120 130 86 144C56 156 28 166 0 176Z"
        />
        <path
          className="map-land"
          d="M340 132C306 150 278 166 250 174C226 182 212 196 198 214C184 232 160 262 142 300H340Z"
        />
        <text className="map-region" x="14" y="26">
          {t("trace.region.lampung")}
        </text>
        <text className="map-region" x="330" y="292" textAnchor="end">
          {t("trace.region.jakarta")}
        </text>

        <Route d={`M${farm.x} ${farm.y}L${panjang.x} ${panjang.y}`} done={has("farm") && has("panjang")} />
        <Route
          d={`M${panjang.x} ${panjang.y}Q238 104 ${priok.x} ${priok.y}`}
          done={has("sea") || (has("panjang") && has("priok"))}
          sea
        />
        <Route
          d={`M${priok.x} ${priok.y}L${warehouse.x} ${warehouse.y}`}
          done={has("priok") && has("warehouse")}
        />
        <Route
          d={`M${warehouse.x} ${warehouse.y}L${market.x} ${market.y}`}
          done={has("warehouse") && has("market")}
        />
        <text className={has("sea") ? "map-sea-label is-reached" : "map-sea-label"} x="224" y="134">
          {t("trace.stage.sea")}
        </text>

        {(Object.keys(NODES) as Place[]).map((stage) => (
          <Node key={stage} stage={stage} reached={has(stage)} furthest={furthest === stage} />
        ))}
      </svg>
      <figcaption className="corridor-caption">
        <ul className="map-legend" aria-hidden="true">
          <li>
            <span className="legend-dot is-reached" />
            {t("trace.map.legendReached")}
          </li>
          <li>
            <span className="legend-dot" />
            {t("trace.map.legendPending")}
          </li>
          <li>
            <span className="legend-dot is-furthest" />
            {t("trace.map.legendLast")}
          </li>
        </ul>
        <p className="muted small">{t("trace.map.note")}</p>
      </figcaption>
    </figure>
  );
}
