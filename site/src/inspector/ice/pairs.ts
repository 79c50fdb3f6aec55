/**
 * Candidate pairs from a connection's latest getStats() report: the
 * candidate-pair stats joined with their local-candidate and remote-candidate
 * stats, which one the transport selected, and the pair priority. Pure.
 */
import type { Json, PcStatsEvent, PlaygroundEvent } from '../../../../sandbox/log/events.ts';
import { bool, num, statById, statsOfType, str, type Stat } from '../stats/report.ts';
import { pairPriority } from './priority.ts';

export interface PairEnd {
  type: string | null;
  foundation: string | null;
  protocol: string | null;
  /** Null when the report hides it (Chromium reports "" for mDNS host candidates). */
  address: string | null;
  /** Where the address came from: the stats, or the matching candidate of the log (hidden in the stats). */
  addressFrom: 'stats' | 'candidate' | null;
  port: number | null;
  priority: number | null;
  relayProtocol: string | null;
  url: string | null;
}

export interface PairRow {
  id: string;
  /** frozen, waiting, in-progress, succeeded, failed. */
  state: string | null;
  nominated: boolean;
  /** The pair the transport uses now (transport.selectedCandidatePairId, or Firefox's `selected`). */
  selected: boolean;
  /** Seconds; null before a check got an answer. */
  currentRoundTripTime: number | null;
  /** RFC 8445 §6.1.2.3, computed exactly from both candidates when their priorities and the ICE role are known. */
  priority: bigint | null;
  /** Where `priority` came from: computed, or the stats field (a JS number, so rounded above 2^53). */
  prioritySource: 'computed' | 'stats' | null;
  bytesSent: number | null;
  bytesReceived: number | null;
  local: PairEnd | null;
  remote: PairEnd | null;
}

export interface PairTable {
  /** When the report was taken (log time). */
  t: number;
  seq: number;
  /** This connection's ICE role, when the report says. */
  role: 'controlling' | 'controlled' | null;
  pairs: PairRow[];
}

/** The pairs in one report, selected first, then by priority. */
export function candidatePairs(stats: PcStatsEvent, fallbackRole: 'controlling' | 'controlled' | null = null): PairTable {
  const report = stats.report;
  const transports = statsOfType(report, 'transport');
  const selectedIds = new Set(transports.map((t) => str(t, 'selectedCandidatePairId')).filter((id): id is string => id !== null));
  const roleText = transports.map((t) => str(t, 'iceRole')).find((r) => r === 'controlling' || r === 'controlled');
  const role = (roleText as 'controlling' | 'controlled' | undefined) ?? fallbackRole;

  const pairs = statsOfType(report, 'candidate-pair').map((pair): PairRow => {
    const local = statById(report, pair['localCandidateId']);
    const remote = statById(report, pair['remoteCandidateId']);
    const lp = num(local, 'priority');
    const rp = num(remote, 'priority');
    let priority: bigint | null = null;
    let prioritySource: PairRow['prioritySource'] = null;
    if (lp !== null && rp !== null && role !== null) {
      priority = role === 'controlling' ? pairPriority(lp, rp) : pairPriority(rp, lp);
      prioritySource = 'computed';
    } else if (num(pair, 'priority') !== null) {
      priority = BigInt(Math.round(num(pair, 'priority') as number));
      prioritySource = 'stats';
    }
    const id = str(pair, 'id') ?? '';
    return {
      id,
      state: str(pair, 'state'),
      nominated: bool(pair, 'nominated') === true,
      selected: selectedIds.has(id) || bool(pair, 'selected') === true,
      currentRoundTripTime: num(pair, 'currentRoundTripTime'),
      priority,
      prioritySource,
      bytesSent: num(pair, 'bytesSent'),
      bytesReceived: num(pair, 'bytesReceived'),
      local: pairEnd(local),
      remote: pairEnd(remote),
    };
  });
  pairs.sort((a, b) => Number(b.selected) - Number(a.selected) || compareBig(b.priority, a.priority));
  return { t: stats.t, seq: stats.seq, role, pairs };
}

function pairEnd(stat: Stat | null): PairEnd | null {
  if (!stat) return null;
  const address = str(stat, 'address') || str(stat, 'ip') || null;
  return {
    type: str(stat, 'candidateType'),
    foundation: str(stat, 'foundation'),
    protocol: str(stat, 'protocol'),
    address,
    addressFrom: address ? 'stats' : null,
    port: num(stat, 'port'),
    priority: num(stat, 'priority'),
    relayProtocol: str(stat, 'relayProtocol'),
    url: str(stat, 'url'),
  };
}

/** A candidate as the log knows it, enough to recognise it in a report. */
export interface KnownCandidate {
  side: 'local' | 'remote';
  address: string | null;
  port: number | null;
  foundation: string | null;
}

/**
 * Fills the addresses a report hides from the candidates the log recorded
 * (same side, port and, when both have one, foundation), so a learner sees
 * which of their candidates the pair is made of.
 */
export function withKnownAddresses(table: PairTable, candidates: readonly KnownCandidate[]): PairTable {
  const fill = (end: PairEnd | null, side: KnownCandidate['side']): PairEnd | null => {
    if (!end || end.address !== null || end.port === null) return end;
    const match = candidates.find(
      (c) => c.side === side && c.port === end.port && c.address && (c.foundation === null || end.foundation === null || c.foundation === end.foundation),
    );
    return match ? { ...end, address: match.address, addressFrom: 'candidate' } : end;
  };
  return { ...table, pairs: table.pairs.map((pair) => ({ ...pair, local: fill(pair.local, 'local'), remote: fill(pair.remote, 'remote') })) };
}

function compareBig(a: bigint | null, b: bigint | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * Per connection, the pairs of its latest stats report. When the report does
 * not name the ICE role, the side that made the first offer is taken as
 * controlling (RFC 8445 §6.1.1: the offerer of a full-ICE exchange).
 */
export function latestPairTables(events: readonly PlaygroundEvent[]): Map<number, PairTable> {
  const latest = new Map<number, PcStatsEvent>();
  const offerer = new Map<number, boolean>();
  for (const event of events) {
    if (event.type === 'pc.stats') latest.set(event.pc, event);
    if (event.type === 'pc.result' && event.ok && event.method === 'setLocalDescription' && !offerer.has(event.pc)) {
      offerer.set(event.pc, isOffer(event.value));
    }
    if (event.type === 'pc.result' && event.ok && event.method === 'setRemoteDescription' && !offerer.has(event.pc)) {
      offerer.set(event.pc, !isOffer(event.value));
    }
  }
  const out = new Map<number, PairTable>();
  for (const [pc, stats] of latest) {
    const first = offerer.get(pc);
    out.set(pc, candidatePairs(stats, first === undefined ? null : first ? 'controlling' : 'controlled'));
  }
  return out;
}

function isOffer(value: Json | undefined): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && value['type'] === 'offer';
}
