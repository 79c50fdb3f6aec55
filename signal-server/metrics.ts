/**
 * GET /metrics in the Prometheus text format. Counters are incremented where
 * things happen (the signaller's gate, its error listener); gauges are read
 * from their owners when scraped, so there is one source of truth for each.
 * One registry per server: tests start several servers in one process.
 */
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { DropReason, GuardEvents } from './peer-guard.ts';

export interface MetricSources {
  peersConnected(): number;
  absentPeerQueue(): number;
  /** The same messages' size in bytes (frames as received). */
  absentPeerQueueBytes(): number;
  rooms(): { rooms: number; members: number };
  turnCredentialsIssued(): number;
  runs(): number;
}

export interface Metrics {
  readonly registry: Registry;
  /** What the signaller's gate reports. */
  readonly signaller: GuardEvents;
  /** An error listener fired (peer's, a socket's). */
  error(source: 'peerjs' | 'rooms'): void;
  /** The text to serve, and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

const DROP_REASONS: readonly DropReason[] = ['binary', 'invalid-json', 'unknown-type', 'no-destination', 'rate-limit', 'queue-full'];

export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry();
  // Memory, CPU, event-loop lag and handles: what the fuzz test and a load test watch.
  collectDefaultMetrics({ register: registry });
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({ name, help, registers: [registry], collect() { this.set(read()); } });

  gauge('playground_peers_connected', 'PeerJS peers connected to the signaller', sources.peersConnected);
  gauge('playground_signaller_queued_messages', 'Messages held for PeerJS peers that are not connected', sources.absentPeerQueue);
  gauge('playground_signaller_queued_bytes', 'Bytes of the messages held for PeerJS peers that are not connected', sources.absentPeerQueueBytes);
  gauge('playground_rooms', 'WebSocket rooms with at least one member', () => sources.rooms().rooms);
  gauge('playground_room_members', 'Sockets joined to a WebSocket room', () => sources.rooms().members);
  gauge('playground_runs', 'Runs held by the sandbox', sources.runs);
  // A counter whose value lives elsewhere: read it at scrape time.
  new Counter({
    name: 'playground_turn_credentials_issued_total',
    help: 'Time-limited TURN credentials handed out',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(sources.turnCredentialsIssued());
    },
  });

  const relayed = new Counter({ name: 'playground_signaller_messages_relayed_total', help: 'PeerJS messages passed to a connected peer', registers: [registry] });
  const queued = new Counter({ name: 'playground_signaller_messages_queued_total', help: 'PeerJS messages held for a peer not connected yet', registers: [registry] });
  const dropped = new Counter({
    name: 'playground_signaller_messages_dropped_total',
    help: 'Frames the signaller refused, by reason',
    labelNames: ['reason'],
    registers: [registry],
  });
  // Every reason is listed from the start, so a dashboard sees zeros rather than nothing.
  for (const reason of DROP_REASONS) dropped.labels(reason).inc(0);
  const errors = new Counter({ name: 'playground_errors_total', help: 'Errors reported by the signaller and the rooms', labelNames: ['source'], registers: [registry] });
  errors.labels('peerjs').inc(0);
  errors.labels('rooms').inc(0);

  return {
    registry,
    signaller: {
      relayed: () => relayed.inc(),
      queued: () => queued.inc(),
      dropped: (reason) => dropped.labels(reason).inc(),
    },
    error: (source) => errors.labels(source).inc(),
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
