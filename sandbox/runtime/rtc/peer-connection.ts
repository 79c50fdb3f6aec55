/**
 * Instruments RTCPeerConnection without changing what it does.
 *
 * A subclass replaces window.RTCPeerConnection, so `new RTCPeerConnection()`
 * (the learner's, and PeerJS's, which looks the global up at call time) is
 * recorded from its birth, `instanceof` still holds for both classes, and
 * static methods (generateCertificate) are inherited. Each method in PcMethod
 * is overridden to record its call and outcome, then return what the browser
 * returned (the same value or exception; for a promise, one that settles the
 * same way). Legacy
 * callback forms (`createOffer(success, failure)`) pass through with their
 * callbacks wrapped to observe the outcome.
 *
 * webrtc-adapter (bundled with PeerJS) shims the native prototype when PeerJS
 * is imported, before this runs; the subclass sits on top of whatever the
 * adapter left, so both the learner and PeerJS see the same behaviour they
 * would without the playground.
 */
import { PC_METHODS, type Json, type PcMethod } from '../../log/events.ts';
import { toJson } from '../json.ts';
import { elapsed } from '../natives.ts';
import type { Recorder } from '../recorder.ts';
import type { DataChannels } from './data-channel.ts';
import { descriptionJson, errorInfo, rtcDescriber } from './describe.ts';
import { CHAINED_METHODS } from './munge.ts';
import { installMunger } from './munge-frame.ts';
import { listenToConnection } from './pc-events.ts';
import type { RtcRegistry } from './registry.ts';
import { StatsSampler } from './stats.ts';


/** Index of the success callback in the legacy callback form, per method. */
const LEGACY_SUCCESS: Partial<Record<PcMethod, number>> = {
  createOffer: 0,
  createAnswer: 0,
  setLocalDescription: 1,
  setRemoteDescription: 1,
  addIceCandidate: 1,
};

type AnyFn = (...args: unknown[]) => unknown;

export interface InstalledPeerConnection {
  Native: typeof RTCPeerConnection;
  stats: StatsSampler;
  /** Closes every connection of this frame without recording a learner call. */
  closeAll(): void;
}

export function installPeerConnection(recorder: Recorder, registry: RtcRegistry, channels: DataChannels): InstalledPeerConnection | null {
  const Native = window.RTCPeerConnection;
  if (typeof Native !== 'function') return null;
  const nativeGetStats = Native.prototype.getStats as (this: RTCPeerConnection) => Promise<RTCStatsReport>;
  const nativeClose = Native.prototype.close;
  const stats = new StatsSampler(recorder, nativeGetStats);
  const describe = rtcDescriber(registry);
  // Null unless the learner opted in to munging for this run.
  const munger = installMunger(recorder, Native);

  class RTCPeerConnection extends Native {
    constructor(...args: ConstructorParameters<typeof Native>) {
      super(...args);
      const n = registry.addConnection(this);
      recorder.record({ type: 'pc.created', pc: n, label: `pc ${n}`, configuration: toJson(args[0] ?? {}, describe) });
      listenToConnection(this, n, { recorder, registry, channels, stats });
    }
  }

  const proto = RTCPeerConnection.prototype as unknown as Record<string, unknown>;
  for (const method of PC_METHODS) {
    const native = (Native.prototype as unknown as Record<string, unknown>)[method];
    if (typeof native !== 'function') continue;
    const wrapped = {
      [method](this: RTCPeerConnection, ...args: unknown[]): unknown {
        return callMethod(this, method, native as AnyFn, args);
      },
    }[method] as AnyFn;
    Object.defineProperty(wrapped, 'length', { value: (native as AnyFn).length });
    Object.defineProperty(proto, method, { value: wrapped, writable: true, enumerable: true, configurable: true });
  }

  function callMethod(pc: RTCPeerConnection, method: PcMethod, native: AnyFn, args: unknown[]): unknown {
    const n = registry.pcNumber(pc);
    if (n === undefined) return Reflect.apply(native, pc, args);
    const call = registry.nextCall();
    recorder.record({ type: 'pc.call', pc: n, call, method, args: args.map((a) => toJson(a, describe)) });
    if (method === 'setLocalDescription') registry.localDescriptionAt.set(pc, elapsed());
    if (method === 'close') stats.watch(pc, n, false);

    // One result per call: Stop records a waiting munged call's failure before its promise settles.
    let settled = false;
    const ok = (value: unknown) => {
      if (settled) return;
      settled = true;
      const json = resultJson(pc, n, method, value);
      recorder.record({ type: 'pc.result', pc: n, call, method, ok: true, ...(json === undefined ? {} : { value: json }) });
    };
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      recorder.record({ type: 'pc.result', pc: n, call, method, ok: false, error: errorInfo(error) });
    };

    const successAt = LEGACY_SUCCESS[method];
    const legacy = successAt !== undefined && typeof args[successAt] === 'function';
    if (legacy) args = withObservedCallbacks(args, successAt, ok, fail);

    let result: unknown;
    try {
      // Munging (opt-in) pauses descriptions for editing; legacy callback forms are left alone.
      result =
        munger && !legacy && CHAINED_METHODS.has(method)
          ? munger.run({ pc, n, call, method, native, args, failNow: fail })
          : Reflect.apply(native, pc, args);
    } catch (error) {
      fail(error);
      throw error;
    }
    if (legacy) return result;
    if (isThenable(result)) {
      // The learner gets a promise that settles the same way one step later.
      // Returning the browser's own promise after observing it would mark its
      // rejection handled, and a learner's missing .catch would go unreported.
      return Promise.resolve(result).then(
        (value) => {
          ok(value);
          return value;
        },
        (error: unknown) => {
          fail(error);
          throw error;
        },
      );
    }
    ok(result);
    return result;
  }

  function resultJson(pc: RTCPeerConnection, n: number, method: PcMethod, value: unknown): Json | undefined {
    switch (method) {
      case 'createOffer':
      case 'createAnswer':
        return descriptionJson(value as RTCSessionDescriptionInit | undefined);
      // The description actually applied: with no argument, SLD makes its own.
      case 'setLocalDescription':
        return descriptionJson(pc.localDescription);
      case 'setRemoteDescription':
        return descriptionJson(pc.remoteDescription);
      case 'createDataChannel':
        return { dc: channels.adopt(n, value as RTCDataChannel, 'local'), label: (value as RTCDataChannel).label };
      case 'getStats': {
        const types = new Set<string>();
        (value as RTCStatsReport | undefined)?.forEach((s: { type: string }) => types.add(s.type));
        return { size: (value as RTCStatsReport | undefined)?.size ?? 0, types: [...types] };
      }
      case 'addTrack':
      case 'addTransceiver':
        return toJson(value, describe);
      default:
        return undefined;
    }
  }

  Object.defineProperty(window, 'RTCPeerConnection', { value: RTCPeerConnection, writable: true, configurable: true, enumerable: false });
  if ('webkitRTCPeerConnection' in window) {
    Object.defineProperty(window, 'webkitRTCPeerConnection', { value: RTCPeerConnection, writable: true, configurable: true, enumerable: false });
  }

  return {
    Native,
    stats,
    closeAll() {
      stats.stop();
      munger?.cancelAll();
      for (const pc of registry.connections) {
        try {
          if (pc.signalingState !== 'closed') nativeClose.call(pc);
        } catch {
          // Already torn down.
        }
      }
    },
  };
}

function withObservedCallbacks(args: unknown[], successAt: number, ok: (v: unknown) => void, fail: (e: unknown) => void): unknown[] {
  const copy = [...args];
  const success = args[successAt] as AnyFn;
  const failure = args[successAt + 1];
  copy[successAt] = function (this: unknown, ...results: unknown[]) {
    ok(results[0]);
    return Reflect.apply(success, this, results);
  };
  if (typeof failure === 'function') {
    copy[successAt + 1] = function (this: unknown, ...errors: unknown[]) {
      fail(errors[0]);
      return Reflect.apply(failure as AnyFn, this, errors);
    };
  }
  return copy;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
