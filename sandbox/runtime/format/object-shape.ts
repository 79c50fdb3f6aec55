/**
 * How to see inside objects whose data is not in own properties: browser
 * objects (RTCPeerConnection, MediaStreamTrack, RTCDataChannel, Blob…) keep
 * their state behind native getters on the prototype. Reading those getters
 * has no side effects, unlike getters a learner writes, so only native ones
 * are read. Pure (duck-typed), usable in Node for tests.
 */

export type Primitive = string | number | boolean | bigint | null | undefined;

/** The constructor name of a class instance; '' for plain objects, null for null-prototype objects. */
export function className(value: object): string | null {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return null;
  if (proto === Object.prototype) return '';
  const ctor = (proto as { constructor?: unknown }).constructor;
  if (typeof ctor === 'function' && ctor.name) return ctor.name;
  return Object.prototype.toString.call(value).slice(8, -1);
}

const nativeCode = /\{\s*\[native code\]\s*\}\s*$/;

function isNativeFunction(fn: unknown): boolean {
  try {
    return typeof fn === 'function' && nativeCode.test(Function.prototype.toString.call(fn));
  } catch {
    return false;
  }
}

/**
 * The primitive values of the native getters along the prototype chain, most
 * derived first. Event-handler slots (`onopen` …) are left out; so are values
 * that are objects, unless `keepObject` says otherwise.
 */
export function nativeGetterValues(value: object, keepObject: (v: object) => boolean = () => false): [string, unknown][] {
  const out: [string, unknown][] = [];
  const seen = new Set<string>();
  for (let proto = Object.getPrototypeOf(value); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (seen.has(key) || !descriptor.get || !isNativeFunction(descriptor.get)) continue;
      seen.add(key);
      if (key.startsWith('on')) continue;
      let v: unknown;
      try {
        v = Reflect.get(proto, key, value);
      } catch {
        continue;
      }
      if (typeof v === 'function' || typeof v === 'symbol') continue;
      if (typeof v === 'object' && v !== null && !keepObject(v)) continue;
      out.push([key, v]);
    }
  }
  return out;
}

/** Duck type for DOM nodes, so the formatter works without a DOM. */
export interface NodeLike {
  nodeType: number;
  nodeName: string;
  nodeValue?: string | null;
  id?: string;
  className?: unknown;
}

export function isNodeLike(value: object): value is NodeLike {
  const v = value as Partial<NodeLike>;
  try {
    return typeof v.nodeType === 'number' && typeof v.nodeName === 'string';
  } catch {
    return false;
  }
}

export function isErrorLike(value: object): value is Error {
  if (value instanceof Error) return true;
  // Errors from another realm (a child frame) fail instanceof.
  return Object.prototype.toString.call(value) === '[object Error]';
}
