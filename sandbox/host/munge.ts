/**
 * The page's side of munging: whether the next Run pauses its descriptions
 * for editing, the descriptions now waiting, and the way to answer one.
 *
 * The Munging view (site/src/inspector/munging/view.ts) only gets the event
 * log from the inspector, so this state is page-wide: one store that every
 * run posts its requests into and the view reads. A lesson page has one
 * workspace; each request carries its run's id all the same.
 */
import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import { PROTOCOL_SOURCE, type HostMessage, type MungeRequest } from '../protocol.ts';

/** A description waiting in a run's frame for the learner's choice. */
export interface PendingDescription extends MungeRequest {
  runId: string;
}

export interface MungeSession {
  /** The learner's opt-in; read when a Run starts, so it applies to the next Run. */
  readonly enabled: WritableAtom<boolean>;
  /** Oldest first. A request leaves when it is answered or its run ends. */
  readonly pending: ReadableAtom<readonly PendingDescription[]>;
  /** Sends `sdp` (edited, or the original) to the waiting call. False if it no longer waits. */
  apply(request: PendingDescription, sdp: string): boolean;
}

/** What a run gives the session: how to reach its frame. */
export interface MungeRunLink {
  /** A request arrived from this run's frame (already validated). */
  request(request: MungeRequest): void;
  /** The run ended: its requests can no longer be answered. */
  end(): void;
}

export function createMungeSession(): MungeSession & { link(runId: string, send: (message: HostMessage) => void): MungeRunLink } {
  const enabled = atom(false);
  const pending = atom<readonly PendingDescription[]>([]);
  const senders = new Map<string, (message: HostMessage) => void>();

  const remove = (keep: (p: PendingDescription) => boolean) => {
    const next = pending.get().filter(keep);
    if (next.length !== pending.get().length) pending.set(next);
  };

  return {
    enabled,
    pending,
    apply(request, sdp) {
      const send = senders.get(request.runId);
      const waiting = pending.get().some((p) => p.runId === request.runId && p.id === request.id);
      if (!send || !waiting) return false;
      remove((p) => !(p.runId === request.runId && p.id === request.id));
      send({ source: PROTOCOL_SOURCE, kind: 'munge-apply', id: request.id, sdp });
      return true;
    },
    link(runId, send) {
      senders.set(runId, send);
      return {
        request(request) {
          if (!senders.has(runId)) return;
          // A frame may repeat an id only by mistake (or mischief): the newest wins.
          const others = pending.get().filter((p) => !(p.runId === runId && p.id === request.id));
          pending.set([...others, { ...request, runId }]);
        },
        end() {
          senders.delete(runId);
          remove((p) => p.runId !== runId);
        },
      };
    },
  };
}

/** The page's one session, shared by the host (runs) and the Munging view. */
export const munging = createMungeSession();
