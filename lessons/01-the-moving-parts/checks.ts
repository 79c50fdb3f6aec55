/**
 * Lesson 01: feature detection. The learner's code reports each flag with
 * playground.report(name, value); the runtime recorded the browser's own
 * answer (`features`) before that code ran. A flag is right when the two agree.
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { PlaygroundEvent } from '../../sandbox/log/events.ts';
import { lastReport } from '../../sandbox/log/reports.ts';

/** The flags every solution must report; others the runtime knows (WebSocket, AudioContext) are checked when reported. */
export const REQUIRED = ['RTCPeerConnection', 'RTCDataChannel', 'getUserMedia', 'getDisplayMedia', 'enumerateDevices', 'secureContext'] as const;

/** Where to look, for a flag reported wrong. */
const WHERE: Record<string, string> = {
  RTCPeerConnection: 'test typeof window.RTCPeerConnection',
  RTCDataChannel: 'test typeof window.RTCDataChannel',
  getUserMedia: 'it lives on navigator.mediaDevices',
  getDisplayMedia: 'it lives on navigator.mediaDevices, like getUserMedia',
  enumerateDevices: 'it lives on navigator.mediaDevices',
  secureContext: 'http://localhost and http://127.0.0.1 count as secure too: read window.isSecureContext',
  WebSocket: 'test typeof window.WebSocket',
  AudioContext: 'test typeof window.AudioContext',
};

const pending = (reason: string): Verdict => ({ status: 'pending', reason });

function truth(events: readonly PlaygroundEvent[]): Record<string, boolean> | null {
  for (const event of events) if (event.type === 'features') return event.features;
  return null;
}

function missing(events: readonly PlaygroundEvent[]): string[] {
  return REQUIRED.filter((name) => lastReport(events, name) === null);
}

const allReported: Check = {
  id: 'all-reported',
  title: 'Every API and the secure context were reported',
  verify(events) {
    const absent = missing(events);
    if (absent.length === 0) return { status: 'passed', detail: `All ${REQUIRED.length} reported.` };
    return pending(`Not reported yet: ${absent.join(', ')}. Call playground.report('<name>', true or false) for each.`);
  },
};

const flagsCorrect: Check = {
  id: 'flags-correct',
  title: 'Each reported flag matches what the browser has',
  verify(events) {
    const actual = truth(events);
    if (!actual) return pending('Waiting for the playground to record what this browser offers.');
    const wrong: string[] = [];
    let checked = 0;
    for (const [name, has] of Object.entries(actual)) {
      const report = lastReport(events, name);
      if (!report) continue;
      checked++;
      if (typeof report.value !== 'boolean') wrong.push(`${name} was reported as ${JSON.stringify(report.value)}: report true or false`);
      else if (report.value !== has) wrong.push(`${name} is ${has} here, not ${report.value} (${WHERE[name] ?? 'ask the browser'})`);
    }
    if (wrong.length > 0) return { status: 'failed', reason: `${wrong.join('; ')}.` };
    const absent = missing(events);
    if (absent.length > 0) {
      const so = checked === 0 ? 'No flag reported yet' : `The ${checked} reported so far are right`;
      return pending(`${so}; still missing: ${absent.join(', ')}.`);
    }
    return { status: 'passed', detail: `All ${checked} reported flags match this browser.` };
  },
};

export default [allReported, flagsCorrect] satisfies Check[];
