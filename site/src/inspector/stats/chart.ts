/**
 * The geometry of a small line chart: points in data units → an SVG path in
 * a box, with "nice" y ticks (1, 2, 5 × 10ⁿ) from zero up. No DOM here, so
 * the arithmetic is unit-tested; the view turns it into <svg> elements.
 */
import type { Point } from './series.ts';

export interface ChartBox {
  width: number;
  height: number;
  /** Room left for the y labels and below for the x labels. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

export interface Tick {
  value: number;
  /** Position in the SVG (y for y ticks, x for x ticks). */
  at: number;
}

export interface ChartGeometry {
  /** The line's `d` attribute; empty for no points. */
  path: string;
  yTicks: Tick[];
  xTicks: Tick[];
  /** The data ranges the box shows. */
  yMax: number;
  tMin: number;
  tMax: number;
}

export const DEFAULT_BOX: ChartBox = { width: 320, height: 120, left: 44, bottom: 20, top: 8, right: 8 };

export function chartGeometry(points: readonly Point[], box: ChartBox = DEFAULT_BOX): ChartGeometry {
  const finite = points.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.value));
  const tMin = finite.length ? Math.min(...finite.map((p) => p.t)) : 0;
  const tMaxRaw = finite.length ? Math.max(...finite.map((p) => p.t)) : 0;
  const tMax = tMaxRaw > tMin ? tMaxRaw : tMin + 1000;
  const yMax = niceCeiling(Math.max(0, ...finite.map((p) => p.value)));
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const x = (t: number) => box.left + ((t - tMin) / (tMax - tMin)) * plotW;
  const y = (v: number) => box.top + plotH - (Math.max(0, v) / yMax) * plotH;

  const path = finite.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(x(p.t))},${round(y(p.value))}`).join(' ');
  const step = yMax / 2;
  const yTicks = [0, step, yMax].map((value) => ({ value, at: round(y(value)) }));
  const xTicks = [tMin, tMax].map((value) => ({ value, at: round(x(value)) }));
  return { path, yTicks, xTicks, yMax, tMin, tMax };
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (1 for nothing to show, so an idle chart still has a scale). */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 5, 10]) {
    const candidate = factor * magnitude;
    if (candidate >= value * (1 - 1e-9)) return candidate;
  }
  return 10 * magnitude;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
