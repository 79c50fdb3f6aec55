/**
 * The bandwidth calculator of lesson 18: what a call of n participants costs
 * each participant and the server, for a mesh, an SFU and an MCU. Pure (no
 * DOM), so the figures are unit-tested; BandwidthCalculator.astro only reads
 * the form and writes the text.
 *
 * The model, in the words the lesson uses:
 * - mesh: everybody sends their own copy to each of the other n−1 and receives
 *   n−1; no media server (the signaller carries no media).
 * - SFU: everybody sends once (or once per simulcast layer) to the server,
 *   which forwards each stream to the n−1 others without decoding it.
 * - MCU: everybody sends once; the server decodes all, mixes them into one
 *   picture and sound per participant, encodes and sends that one stream.
 * Simulcast layers are assumed to halve the resolution each, so each costs a
 * quarter of the one above; receivers are counted at the top layer (the worst
 * case, everybody shown large).
 */

export type Topology = 'mesh' | 'sfu' | 'mcu';
export const TOPOLOGIES: readonly Topology[] = ['mesh', 'sfu', 'mcu'];

export interface BandwidthInput {
  participants: number;
  /** The bitrate of one participant's stream (top layer), kbit/s. */
  kbps: number;
  topology: Topology;
  /** 1 (no simulcast) to 3; used by the SFU only. */
  simulcastLayers: number;
}

export interface Side {
  upKbps: number;
  downKbps: number;
  streamsUp: number;
  streamsDown: number;
  /** Peer connections this side holds. */
  connections: number;
}

export interface Bandwidth {
  participant: Side;
  /** The media server's load; null for a mesh, which has none. */
  server: Side | null;
  /** Peer connections in the whole call. */
  connections: number;
}

export const LIMITS = {
  participants: { min: 2, max: 10_000 },
  kbps: { min: 1, max: 100_000 },
  simulcastLayers: { min: 1, max: 3 },
} as const;

/** How much one participant uploads with this many simulcast layers, as a multiple of the top layer. */
export function simulcastFactor(layers: number): number {
  let factor = 0;
  for (let layer = 0; layer < layers; layer++) factor += 1 / 4 ** layer;
  return factor;
}

export function bandwidth({ participants: n, kbps, topology, simulcastLayers }: BandwidthInput): Bandwidth {
  const others = n - 1;
  if (topology === 'mesh') {
    return {
      participant: { upKbps: others * kbps, downKbps: others * kbps, streamsUp: others, streamsDown: others, connections: others },
      server: null,
      connections: (n * others) / 2,
    };
  }
  if (topology === 'sfu') {
    const up = kbps * simulcastFactor(simulcastLayers);
    return {
      participant: { upKbps: up, downKbps: others * kbps, streamsUp: simulcastLayers, streamsDown: others, connections: 1 },
      server: { upKbps: n * others * kbps, downKbps: n * up, streamsUp: n * others, streamsDown: n * simulcastLayers, connections: n },
      connections: n,
    };
  }
  return {
    participant: { upKbps: kbps, downKbps: kbps, streamsUp: 1, streamsDown: 1, connections: 1 },
    server: { upKbps: n * kbps, downKbps: n * kbps, streamsUp: n, streamsDown: n, connections: n },
    connections: n,
  };
}

export type Parsed = { ok: true; input: BandwidthInput } | { ok: false; error: string };

/** Reads the form's strings; a clear message for anything out of range. */
export function parseInput(raw: { participants: string; kbps: string; topology: string; simulcastLayers: string }): Parsed {
  const participants = Number(raw.participants);
  const kbps = Number(raw.kbps);
  const simulcastLayers = Number(raw.simulcastLayers);
  const { participants: p, kbps: k, simulcastLayers: s } = LIMITS;
  if (raw.participants.trim() === '' || !Number.isInteger(participants) || participants < p.min || participants > p.max) {
    return { ok: false, error: `Participants: a whole number from ${p.min} to ${p.max}.` };
  }
  if (raw.kbps.trim() === '' || !Number.isFinite(kbps) || kbps < k.min || kbps > k.max) {
    return { ok: false, error: `Bitrate: a number of kbit/s from ${k.min} to ${k.max}.` };
  }
  if (!Number.isInteger(simulcastLayers) || simulcastLayers < s.min || simulcastLayers > s.max) {
    return { ok: false, error: `Simulcast layers: ${s.min} to ${s.max}.` };
  }
  const topology = TOPOLOGIES.find((t) => t === raw.topology);
  if (!topology) return { ok: false, error: 'Topology: mesh, SFU or MCU.' };
  return { ok: true, input: { participants, kbps, topology, simulcastLayers } };
}

/** "750 kbit/s", "13.5 Mbit/s", "1.2 Gbit/s". */
export function formatBitrate(kbps: number): string {
  const round = (x: number) => String(Math.round(x * 10) / 10);
  if (kbps < 1000) return `${round(kbps)} kbit/s`;
  if (kbps < 1_000_000) return `${round(kbps / 1000)} Mbit/s`;
  return `${round(kbps / 1_000_000)} Gbit/s`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The figures as lines of text, the same for the screen and for the live region. */
export function describe(result: Bandwidth): { participant: string; server: string; call: string } {
  const p = result.participant;
  const s = result.server;
  return {
    participant: `Each participant uploads ${formatBitrate(p.upKbps)} (${plural(p.streamsUp, 'stream')}) and downloads ${formatBitrate(p.downKbps)} (${plural(p.streamsDown, 'stream')}).`,
    server: s
      ? `The server receives ${formatBitrate(s.downKbps)} (${plural(s.streamsDown, 'stream')}) and sends ${formatBitrate(s.upKbps)} (${plural(s.streamsUp, 'stream')}).`
      : 'No media server: the signalling server carries no media.',
    call: `${plural(result.connections, 'peer connection')} in the call.`,
  };
}
