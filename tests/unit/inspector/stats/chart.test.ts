import { describe, expect, it } from 'vitest';
import { chartGeometry, niceCeiling, type ChartBox } from '../../../../site/src/inspector/stats/chart.ts';

const box: ChartBox = { width: 110, height: 60, left: 10, right: 0, top: 0, bottom: 10 };

describe('chart geometry', () => {
  it('rounds the y range up to 1, 2 or 5 × 10ⁿ', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(0.7)).toBe(1);
    expect(niceCeiling(1)).toBe(1);
    expect(niceCeiling(1.2)).toBe(2);
    expect(niceCeiling(3)).toBe(5);
    expect(niceCeiling(480)).toBe(500);
    expect(niceCeiling(501)).toBe(1000);
    expect(niceCeiling(Number.NaN)).toBe(1);
  });

  it('maps time to x and value to y inside the plot area', () => {
    const g = chartGeometry([{ t: 1000, value: 0 }, { t: 2000, value: 50 }, { t: 3000, value: 100 }], box);
    expect(g.yMax).toBe(100);
    // Plot area: x 10..110, y 0..50 (bottom 10 reserved).
    expect(g.path).toBe('M10,50 L60,25 L110,0');
    expect(g.yTicks).toEqual([{ value: 0, at: 50 }, { value: 50, at: 25 }, { value: 100, at: 0 }]);
    expect(g.xTicks).toEqual([{ value: 1000, at: 10 }, { value: 3000, at: 110 }]);
  });

  it('draws nothing for no points and a single point at the left', () => {
    expect(chartGeometry([], box).path).toBe('');
    expect(chartGeometry([{ t: 5, value: 1 }], box).path).toBe('M10,0');
  });

  it('ignores non-finite values and clamps negatives to the axis', () => {
    const g = chartGeometry([{ t: 0, value: Number.NaN }, { t: 0, value: -5 }, { t: 1000, value: 2 }], box);
    expect(g.path).toBe('M10,50 L110,0');
  });
});
