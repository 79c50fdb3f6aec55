import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PcStatsEvent } from '../../../../sandbox/log/events.ts';
import { candidatePairs, latestPairTables } from '../../../../site/src/inspector/ice/pairs.ts';
import { pairPriority } from '../../../../site/src/inspector/ice/priority.ts';

// getStats() reports Chromium gave for two connected peers in one page (see ../stats/fixtures).
const reports = JSON.parse(readFileSync(new URL('../stats/fixtures/stats-media.json', import.meta.url), 'utf8')) as PcStatsEvent[];

describe('candidate pairs from getStats', () => {
  it('joins pairs with their candidates and marks the selected one first', () => {
    const last = reports.filter((r) => r.pc === 1).at(-1)!;
    const table = candidatePairs(last);
    expect(table.role).toBe('controlling');
    expect(table.pairs.length).toBeGreaterThan(0);
    const selected = table.pairs.filter((p) => p.selected);
    expect(selected).toHaveLength(1);
    expect(table.pairs[0]!.selected).toBe(true);
    const pair = table.pairs[0]!;
    expect(pair.state).toBe('succeeded');
    expect(pair.nominated).toBe(true);
    expect(pair.local?.type).toBe('host');
    expect(pair.remote?.type).toBe('host');
    expect(pair.currentRoundTripTime).toBeGreaterThanOrEqual(0);
    expect(pair.prioritySource).toBe('computed');
    expect(pair.priority).toBe(pairPriority(pair.local!.priority!, pair.remote!.priority!));
    // The browser's own field, a double, agrees once rounded.
    const reported = Object.values(last.report).find((s) => (s as { id?: string }).id === pair.id) as { priority: number };
    expect(Number(pair.priority)).toBe(reported.priority);
  });

  it('uses the controlled side\'s formula on the answerer', () => {
    const last = reports.filter((r) => r.pc === 2).at(-1)!;
    const table = candidatePairs(last);
    expect(table.role).toBe('controlled');
    for (const pair of table.pairs) {
      expect(pair.priority).toBe(pairPriority(pair.remote!.priority!, pair.local!.priority!));
    }
  });

  it('falls back to the stats priority, and the offerer\'s role, when the report lacks them', () => {
    const report = {
      CP1: { id: 'CP1', type: 'candidate-pair', state: 'in-progress', nominated: false, priority: 123456, localCandidateId: 'L', remoteCandidateId: 'R' },
      L: { id: 'L', type: 'local-candidate', candidateType: 'srflx', address: '198.51.100.1', port: 1 },
      R: { id: 'R', type: 'remote-candidate', candidateType: 'host', address: '192.0.2.1', port: 2, priority: 5 },
    };
    const table = candidatePairs({ type: 'pc.stats', pc: 1, report, seq: 0, t: 0 });
    expect(table.pairs[0]!.priority).toBe(123456n);
    expect(table.pairs[0]!.prioritySource).toBe('stats');
    expect(table.pairs[0]!.selected).toBe(false);
    const byPc = latestPairTables([
      { type: 'pc.result', pc: 1, call: 1, method: 'setLocalDescription', ok: true, value: { type: 'offer', sdp: '' }, seq: 0, t: 0 },
      { type: 'pc.stats', pc: 1, report: { CP1: { ...report.CP1, priority: null }, L: { ...report.L, priority: 10 }, R: report.R }, seq: 1, t: 1 },
    ]);
    expect(byPc.get(1)!.role).toBe('controlling');
    expect(byPc.get(1)!.pairs[0]!.priority).toBe(pairPriority(10, 5));
  });
});
