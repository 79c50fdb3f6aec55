/**
 * The sandbox runtime: the first script of every run's page (an IIFE built by
 * sandbox/build.ts). It installs, in this order, before any learner code runs:
 * error reporting, the console bridge, the loop guard, RTCPeerConnection and
 * RTCDataChannel instrumentation, deprecated-API and media-element capture
 * (for the inspector's doctor), the playground's PeerJS, the globals a
 * lesson may use, and the Stop handler. Each step is independent: one that
 * fails is reported as a `runtime` error and the others still run.
 */
import { T0 } from './natives.ts';
import * as peerjs from 'peerjs';
import { readFrameConfig } from './config.ts';
import { installConsoleBridge } from './console-bridge.ts';
import { installErrorReporting, markReported } from './errors.ts';
import { installGlobals } from './globals.ts';
import { createLoopGuard, LoopGuardError, loopStopMessage } from './loop-guard.ts';
import { listen, natives } from './natives.ts';
import { wrapPeerClass, PeerRegistry, type PeerLike } from './peerjs/peer.ts';
import type { PeerjsExportName } from './peerjs/exports.ts';
import { createRecorder, type Recorder } from './recorder.ts';
import { installDeprecatedApiCapture } from './deprecated.ts';
import { installMediaCapture } from './media.ts';
import { detectFeatures } from './features.ts';
import { installWebSocketCapture, isPeerjsSocket } from './websocket.ts';
import { DataChannels } from './rtc/data-channel.ts';
import { installPeerConnection } from './rtc/peer-connection.ts';
import { RtcRegistry } from './rtc/registry.ts';
import { locationFromStack, runBase } from './source-location.ts';
import { installStopHandler } from './stop.ts';
import { LOOP_GUARD_GLOBAL } from '../transform/loop-guard-api.ts';

void T0; // imported first on purpose: the runtime's clock starts before PeerJS loads

function main(): void {
  let config;
  try {
    config = readFrameConfig();
  } catch (error) {
    console.error('[playground]', error);
    return;
  }
  const recorder = createRecorder(config);
  const base = runBase(location.origin, config.runId);
  const teardown: (() => void)[] = [];
  // Before anything is replaced: the browser's own answer, for lesson 1's checks.
  const features = detectFeatures(window as unknown as Parameters<typeof detectFeatures>[0]);

  const step = (name: string, install: () => void) => {
    try {
      install();
    } catch (error) {
      reportRuntimeError(recorder, name, error);
    }
  };

  step('error reporting', () => installErrorReporting(recorder, base));
  step('console bridge', () => installConsoleBridge(recorder, base));
  step('loop guard', () => installLoopGuard(recorder));

  const registry = new RtcRegistry();
  step('RTCPeerConnection instrumentation', () => {
    const channels = new DataChannels(recorder, registry);
    if (typeof RTCDataChannel === 'function') channels.installSendHook();
    const installed = installPeerConnection(recorder, registry, channels);
    if (installed) teardown.push(() => installed.closeAll());
  });

  // After the instrumentation: the wrappers sit on the instrumented class, above the browser's methods.
  step('deprecated-API capture', () => {
    if (typeof window.RTCPeerConnection !== 'function') return;
    installDeprecatedApiCapture(window.RTCPeerConnection.prototype, window, {
      recorder,
      pcNumber: (pc) => registry.pcNumber(pc),
      locate: () => locationFromStack(new Error().stack, base),
    });
  });
  step('media element capture', () => {
    if (typeof HTMLMediaElement === 'function') installMediaCapture(HTMLMediaElement.prototype, document, { recorder, listen });
  });

  step('WebSocket capture', () => {
    installWebSocketCapture(window, { recorder, listen, isInternal: (url) => isPeerjsSocket(url, config.peerjs) });
  });

  step('PeerJS', () => {
    const peers = new PeerRegistry();
    const context = {
      recorder,
      defaults: { ...config.peerjs, iceServers: config.iceServers },
      warn: (text: string) => console.warn(text),
      pcNumber: (pc: unknown) => registry.pcNumber(pc),
    };
    type PeerCtor = new (...args: any[]) => PeerLike;
    const exports = { ...peerjs } as unknown as Record<PeerjsExportName, unknown>;
    exports.Peer = wrapPeerClass(peerjs.Peer as unknown as PeerCtor, context, peers);
    exports.MsgPackPeer = wrapPeerClass(peerjs.MsgPackPeer as unknown as PeerCtor, context, peers);
    installGlobals(config, exports, recorder);
    // Peers first: their connections close through PeerJS, which logs why.
    teardown.unshift(() => peers.destroyAll());
  });

  step('Stop handler', () => installStopHandler(config, recorder, teardown));
  recorder.record({ type: 'run', status: 'started' });
  recorder.record({ type: 'features', features });
}

function installLoopGuard(recorder: Recorder): void {
  const channel = new natives.MessageChannel();
  let onTurn: (() => void) | null = null;
  channel.port1.onmessage = () => onTurn?.();
  const guard = createLoopGuard({
    now: natives.now,
    scheduleTurn(callback) {
      onTurn = callback;
      channel.port2.postMessage(null);
    },
    onStop(stop) {
      const message = loopStopMessage(stop);
      recorder.record({
        type: 'error',
        kind: 'loop-guard',
        name: 'LoopGuardError',
        message,
        location: { file: stop.file, line: stop.line, column: stop.column },
      });
      const error = new LoopGuardError(message);
      markReported(error);
      return error;
    },
  });
  Object.defineProperty(globalThis, LOOP_GUARD_GLOBAL, { value: Object.freeze(guard), writable: false, configurable: false });
}

function reportRuntimeError(recorder: Recorder, step: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  recorder.record({ type: 'error', kind: 'runtime', name: 'PlaygroundError', message: `The playground could not set up ${step}: ${message}` });
}

main();
