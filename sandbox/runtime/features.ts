/**
 * What the frame's browser offers, taken once before any learner code runs:
 * the truth that lesson 1's checks compare the learner's own feature
 * detection with. Read from the window passed in (pure, unit-tested).
 */

/** The names a lesson can report, in the order the lesson lists them. */
export const FEATURE_NAMES = [
  'RTCPeerConnection',
  'RTCDataChannel',
  'getUserMedia',
  'getDisplayMedia',
  'enumerateDevices',
  'secureContext',
  'WebSocket',
  'AudioContext',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

interface WindowLike {
  isSecureContext?: boolean;
  navigator?: { mediaDevices?: Record<string, unknown> };
  [name: string]: unknown;
}

export function detectFeatures(win: WindowLike): Record<FeatureName, boolean> {
  // mediaDevices itself is missing outside a secure context, so each method is looked up on it.
  const devices = win.navigator?.mediaDevices;
  const onDevices = (name: string) => typeof devices?.[name] === 'function';
  const isClass = (name: string) => typeof win[name] === 'function';
  return {
    RTCPeerConnection: isClass('RTCPeerConnection'),
    RTCDataChannel: isClass('RTCDataChannel'),
    getUserMedia: onDevices('getUserMedia'),
    getDisplayMedia: onDevices('getDisplayMedia'),
    enumerateDevices: onDevices('enumerateDevices'),
    secureContext: win.isSecureContext === true,
    WebSocket: isClass('WebSocket'),
    AudioContext: isClass('AudioContext'),
  };
}
