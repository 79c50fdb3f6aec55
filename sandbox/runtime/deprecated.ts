/**
 * Records when the learner uses an API from old tutorials, so the inspector's
 * doctor can name the modern form: `onaddstream`/`onremovestream`,
 * `addStream`/`removeStream`/`getLocalStreams`/`getRemoteStreams`,
 * `webkitRTCPeerConnection`, `offerToReceiveAudio/Video` in createOffer
 * options and `iceServers[].url` in setConfiguration (the constructor's
 * configuration is already in `pc.created`, where the doctor reads it).
 *
 * Behaviour does not change. Chromium still has all of these (checked in
 * Chromium 156: addStream works and onaddstream fires), so each is wrapped
 * where the browser defines it: the wrapper records, then calls the browser's
 * own method or accessor with the same arguments and returns what it returns.
 * An API the browser lacks is left absent (so feature detection and the
 * browser's own TypeError stay the same) and is not recorded.
 *
 * Only the learner's own uses are recorded (a call whose stack has a frame in
 * the lesson's files), not a library's (PeerJS, webrtc-adapter); each once per
 * API, connection and source location, so a loop calling getRemoteStreams()
 * does not flood the log.
 */
import type { SourceLocation } from '../log/events.ts';
import type { Recorder } from './recorder.ts';

export const LEGACY_METHODS = ['addStream', 'removeStream', 'getLocalStreams', 'getRemoteStreams'] as const;
export const LEGACY_HANDLERS = ['onaddstream', 'onremovestream'] as const;

export interface DeprecatedCaptureDeps {
  recorder: Recorder;
  /** The playground's number for a connection, or undefined for one it did not create. */
  pcNumber(pc: unknown): number | undefined;
  /** Where in the learner's files the current call comes from (undefined when not from them). */
  locate(): SourceLocation | undefined;
}

type AnyFn = (...args: unknown[]) => unknown;

/**
 * `proto` is the instrumented RTCPeerConnection's prototype (wrappers go there,
 * above the browser's); `global` is the window, for webkitRTCPeerConnection.
 */
export function installDeprecatedApiCapture(proto: object, global: object, deps: DeprecatedCaptureDeps): void {
  const seen = new Set<string>();
  const record = (api: string, pc: number | undefined) => {
    const location = deps.locate();
    if (!location) return;
    const key = `${api}|${pc ?? ''}|${location ? `${location.file}:${location.line}:${location.column ?? ''}` : ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    deps.recorder.record({ type: 'deprecated', api, ...(pc === undefined ? {} : { pc }), location });
  };

  for (const name of LEGACY_METHODS) {
    const original = (proto as Record<string, unknown>)[name];
    if (typeof original !== 'function') continue;
    wrapMethod(proto, name, original as AnyFn, function (this: unknown) {
      record(name, deps.pcNumber(this));
    });
  }

  for (const name of LEGACY_HANDLERS) {
    const descriptor = findDescriptor(proto, name);
    const { get, set } = descriptor ?? {};
    if (!get || !set) continue;
    Object.defineProperty(proto, name, {
      get(this: unknown) {
        return get.call(this);
      },
      set(this: unknown, value: unknown) {
        // Clearing the handler (null) is not a use worth flagging.
        if (typeof value === 'function') record(name, deps.pcNumber(this));
        set.call(this, value);
      },
      enumerable: descriptor?.enumerable ?? true,
      configurable: true,
    });
  }

  wrapOption(proto, 'createOffer', (args, self) => {
    // createOffer(options) or the legacy createOffer(success, failure, options).
    const options = typeof args[0] === 'function' ? args[2] : args[0];
    for (const key of ['offerToReceiveAudio', 'offerToReceiveVideo']) {
      if (isObject(options) && options[key] !== undefined) record(key, deps.pcNumber(self));
    }
  });
  wrapOption(proto, 'setConfiguration', (args, self) => {
    if (usesUrlField(args[0])) record('iceServers[].url', deps.pcNumber(self));
  });

  // Libraries probe the prefixed name too; like every record, only the learner's own read counts.
  watchGlobal(global, 'webkitRTCPeerConnection', () => record('webkitRTCPeerConnection', undefined));
}

/** An iceServers entry with `url` and no `urls`. */
export function usesUrlField(configuration: unknown): boolean {
  if (!isObject(configuration)) return false;
  const servers = configuration['iceServers'];
  return Array.isArray(servers) && servers.some((s) => isObject(s) && s['url'] !== undefined && s['urls'] === undefined);
}

function wrapMethod(proto: object, name: string, original: AnyFn, before: (this: unknown, args: unknown[]) => void): void {
  const wrapped = {
    [name](this: unknown, ...args: unknown[]): unknown {
      try {
        before.call(this, args);
      } catch {
        // Recording must never break the learner's call.
      }
      return Reflect.apply(original, this, args);
    },
  }[name] as AnyFn;
  Object.defineProperty(wrapped, 'length', { value: original.length });
  Object.defineProperty(proto, name, { value: wrapped, writable: true, enumerable: true, configurable: true });
}

function wrapOption(proto: object, name: string, inspect: (args: unknown[], self: unknown) => void): void {
  const original = (proto as Record<string, unknown>)[name];
  if (typeof original !== 'function') return;
  wrapMethod(proto, name, original as AnyFn, function (this: unknown, args: unknown[]) {
    inspect(args, this);
  });
}

/** Replaces a global's data property by an accessor that notices reads; assignments still replace the value. */
function watchGlobal(global: object, name: string, onRead: () => void): void {
  const descriptor = Object.getOwnPropertyDescriptor(global, name);
  if (!descriptor || !('value' in descriptor) || !descriptor.configurable) return;
  let value: unknown = descriptor.value;
  Object.defineProperty(global, name, {
    get() {
      try {
        onRead();
      } catch {
        // Never in the way of the learner's read.
      }
      return value;
    },
    set(next: unknown) {
      value = next;
    },
    enumerable: descriptor.enumerable ?? false,
    configurable: true,
  });
}

function findDescriptor(object: object | null, name: string): PropertyDescriptor | undefined {
  for (let o = object; o; o = Object.getPrototypeOf(o) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(o, name);
    if (descriptor) return descriptor;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

