/**
 * Lesson 09: getUserMedia. The learner reports what it asked for
 * (`constraints`), what the camera gave (`settings`, from getSettings()) and
 * its explanation of the error an impossible request raised
 * (`error:OverconstrainedError`); the runtime records the preview playing.
 */
import type { Check, Verdict } from '../../sandbox/checks/types.ts';
import type { Json, PlaygroundEvent } from '../../sandbox/log/events.ts';
import { lastReport, reportObject } from '../../sandbox/log/reports.ts';

const pending = (reason: string): Verdict => ({ status: 'pending', reason });

type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

/** Frame rates come back as e.g. 30.000030517578125; half a unit of slack keeps that equal to 30. */
const SLACK = 0.5;

/**
 * Why `actual` does not meet one constraint, or null when it does. A bare
 * value or `ideal` is a wish, not a demand, so only exact/min/max can fail;
 * a boolean or string constraint (echoCancellation, facingMode) is compared as is when exact.
 */
export function unmet(name: string, constraint: Json, actual: Json | undefined): string | null {
  if (!isObject(constraint)) return null;
  if ('exact' in constraint) {
    const exact = constraint['exact'];
    const equal = typeof exact === 'number' && typeof actual === 'number' ? Math.abs(exact - actual) <= SLACK : exact === actual;
    return equal ? null : `${name} is ${String(actual)}, but exact ${JSON.stringify(exact)} was required`;
  }
  const min = constraint['min'];
  const max = constraint['max'];
  if (typeof min !== 'number' && typeof max !== 'number') return null;
  if (typeof actual !== 'number') return `${name} is missing from the settings`;
  if (typeof min === 'number' && actual < min - SLACK) return `${name} is ${actual}, below the min ${min}`;
  if (typeof max === 'number' && actual > max + SLACK) return `${name} is ${actual}, above the max ${max}`;
  return null;
}

/** The video part of the reported constraints: `{ video: {…} }` or the video constraints themselves. */
function videoConstraints(value: JsonObject): JsonObject | null {
  if ('video' in value) return isObject(value['video']) ? value['video'] : null;
  return value;
}

const settingsMeetConstraints: Check = {
  id: 'settings-meet-constraints',
  title: 'The camera’s settings meet the constraints',
  verify(events) {
    const asked = reportObject(lastReport(events, 'constraints'));
    const got = reportObject(lastReport(events, 'settings'));
    if (!asked) return pending('No constraints reported yet: playground.report(\'constraints\', constraints) before calling getUserMedia.');
    if (!got) return pending('No settings reported yet: playground.report(\'settings\', videoTrack.getSettings()) once you have the stream.');
    const video = videoConstraints(asked);
    if (!video || Object.keys(video).length === 0) {
      return pending('The reported constraints ask nothing of the video: give it a width, height or frameRate.');
    }
    if (typeof got['width'] !== 'number' || typeof got['height'] !== 'number') {
      return { status: 'failed', reason: 'The settings have no width and height: report the settings of the video track, not the audio track.' };
    }
    const problems = Object.entries(video)
      .map(([name, constraint]) => unmet(name, constraint, got[name]))
      .filter((problem): problem is string => problem !== null);
    if (problems.length > 0) return { status: 'failed', reason: `${problems.join('; ')}.` };
    const rate = typeof got['frameRate'] === 'number' ? ` at ${Math.round(got['frameRate'])} frames a second` : '';
    return { status: 'passed', detail: `The camera gives ${got['width']}×${got['height']}${rate}, as asked.` };
  },
};

/** Names a constraint could have; an explanation that names one tells the user what to relax. */
const CONSTRAINT_NAMES = ['width', 'height', 'frameRate', 'aspectRatio', 'facingMode', 'deviceId', 'groupId', 'resizeMode'];

const overconstrainedExplained: Check = {
  id: 'overconstrained-explained',
  title: 'An impossible constraint was caught and explained',
  verify(events) {
    const report = lastReport(events, 'error:OverconstrainedError');
    if (!report) {
      return pending('No OverconstrainedError reported yet: ask for { video: { width: { exact: 10000 } } }, catch the error and playground.report(`error:${error.name}`, message).');
    }
    const message = typeof report.value === 'string' ? report.value.trim() : '';
    if (message === '') return { status: 'failed', reason: 'The reported explanation is empty: report a sentence the user can act on.' };
    const named = CONSTRAINT_NAMES.find((name) => message.includes(name));
    if (!named) {
      return {
        status: 'failed',
        reason: `"${message}" does not say which constraint failed: include error.constraint in the message for an OverconstrainedError.`,
      };
    }
    return { status: 'passed', detail: `Explained as: ${message}` };
  },
};

interface Playing {
  element: string;
  videoWidth: number;
  videoHeight: number;
  muted: boolean;
}

function playingVideos(events: readonly PlaygroundEvent[]): Playing[] {
  const out: Playing[] = [];
  for (const event of events) {
    if (event.type !== 'media' || event.event !== 'playing' || !event.element.startsWith('video')) continue;
    const detail = isObject(event.detail) ? event.detail : {};
    out.push({
      element: event.element,
      videoWidth: typeof detail['videoWidth'] === 'number' ? detail['videoWidth'] : 0,
      videoHeight: typeof detail['videoHeight'] === 'number' ? detail['videoHeight'] : 0,
      muted: detail['muted'] === true,
    });
  }
  return out;
}

const previewPlaying: Check = {
  id: 'preview-playing',
  title: 'The muted local preview is playing',
  verify(events) {
    const videos = playingVideos(events).filter((v) => v.videoWidth > 0);
    const muted = videos.find((v) => v.muted);
    if (muted) return { status: 'passed', detail: `${muted.element} plays ${muted.videoWidth}×${muted.videoHeight}, muted.` };
    const loud = videos[0];
    if (loud) {
      return { status: 'failed', reason: `${loud.element} plays but is not muted: a local preview must be muted, or you hear yourself.` };
    }
    return pending('The preview is not playing yet: set the video element’s srcObject to the stream.');
  },
};

export default [settingsMeetConstraints, overconstrainedExplained, previewPlaying] satisfies Check[];
