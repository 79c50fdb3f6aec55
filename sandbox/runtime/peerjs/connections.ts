/**
 * A Peer's DataConnections and MediaConnections: created, open, close, error,
 * each linked to the RTCPeerConnection under it (`pc`), so the inspector can
 * label "pc 2" as "data connection to bob".
 */
import type { Recorder } from '../recorder.ts';

export interface ConnectionLike {
  type?: unknown;
  connectionId?: unknown;
  peer?: unknown;
  peerConnection?: unknown;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

export function recordConnection(
  connection: ConnectionLike,
  peer: number,
  recorder: Recorder,
  pcNumber: (pc: unknown) => number | undefined,
  seen: WeakSet<object>,
): void {
  if (seen.has(connection)) return;
  seen.add(connection);
  const kind = connection.type === 'media' ? 'media' : 'data';
  // PeerJS drops its peerConnection on close; keep the number once known.
  let pc: number | undefined;
  const base = () => {
    pc = pcNumber(connection.peerConnection) ?? pc;
    return {
      type: 'peerjs.connection' as const,
      peer,
      kind,
      connectionId: String(connection.connectionId ?? ''),
      remoteId: String(connection.peer ?? ''),
      ...(pc === undefined ? {} : { pc }),
    } as const;
  };
  recorder.record({ ...base(), event: 'created' });
  let opened = false;
  const open = () => {
    if (opened) return;
    opened = true;
    recorder.record({ ...base(), event: 'open' });
  };
  connection.on('open', open);
  // A MediaConnection never emits `open`: its first remote stream is the moment it works.
  if (kind === 'media') connection.on('stream', open);
  connection.on('close', () => recorder.record({ ...base(), event: 'close' }));
  connection.on('error', (error) => recorder.record({ ...base(), event: 'error', error: peerErrorJson(error) }));
}

export function peerErrorJson(error: unknown): { type: string; message: string } {
  const e = (error ?? {}) as { type?: unknown; message?: unknown };
  return { type: typeof e.type === 'string' ? e.type : 'error', message: typeof e.message === 'string' ? e.message : String(error) };
}
