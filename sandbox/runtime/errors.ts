/**
 * Uncaught errors and unhandled rejections become `error` events with the
 * learner's file and line. Also reports files that failed to load (a typo in
 * `<script src>` is a common first mistake). The browser's own console output
 * is left as it is.
 */
import { describeThrown, parseErrorMessage } from './error-info.ts';
import { isErrorLike } from './format/object-shape.ts';
import { listen } from './natives.ts';
import type { Recorder } from './recorder.ts';
import { fileFromUrl, locationFromUrl } from './source-location.ts';

/** Errors already reported where they were raised (the loop guard's), so the window handler skips them. */
const reported = new WeakSet<object>();

export function markReported(error: unknown): void {
  if (typeof error === 'object' && error !== null) reported.add(error);
}

export function installErrorReporting(recorder: Recorder, base: string): void {
  listen(
    window,
    'error',
    (event) => {
      if (!(event instanceof ErrorEvent)) {
        reportLoadFailure(event, recorder, base);
        return;
      }
      if (reported.has(event.error as object)) return;
      const thrown = event.error;
      const described =
        typeof thrown === 'object' && thrown !== null && isErrorLike(thrown) ? describeThrown(thrown, base) : { ...parseErrorMessage(event.message) };
      // Where it was thrown beats the first learner frame of the stack, when that is the learner's file.
      const location = locationFromUrl(event.filename, event.lineno, event.colno, base) ?? described.location;
      recorder.record({ type: 'error', kind: 'uncaught', ...described, ...(location ? { location } : {}) });
    },
    { capture: true },
  );

  listen(window, 'unhandledrejection', (event) => {
    const reason = (event as PromiseRejectionEvent).reason;
    if (reported.has(reason as object)) return;
    recorder.record({ type: 'error', kind: 'unhandledrejection', ...describeThrown(reason, base) });
  });
}

/** A <script>, <link>, <img>… that could not load fires a plain `error` event at the element (seen in capture). */
function reportLoadFailure(event: Event, recorder: Recorder, base: string): void {
  const target = event.target;
  if (!(target instanceof Element)) return;
  const url = target.getAttribute('src') ?? target.getAttribute('href');
  if (!url) return;
  const absolute = (target as HTMLScriptElement).src || (target as HTMLLinkElement).href || url;
  const file = fileFromUrl(absolute, base);
  const what = target.tagName.toLowerCase();
  const text = file
    ? `Could not load ${file} (from a <${what}> element). Is the file name spelled like one of the lesson's files?`
    : `Could not load ${absolute} (from a <${what}> element). The playground only serves this lesson's files; other addresses are blocked.`;
  recorder.record({ type: 'console', level: 'error', text });
}
