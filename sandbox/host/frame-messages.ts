/**
 * The page's only listener for what preview frames post to its window.
 *
 * Reading a message's `data` deserializes it on the page's main thread, and
 * any listener on the page may read it: Monaco's own (its setTimeout0 checks
 * `e.data` of every window message) did, 60 KB forged batches at a few ms each,
 * and froze the page for seconds after a flooding frame was removed, while the
 * messages it had already posted kept arriving. So this listener captures,
 * which runs it before every listener that does not, and keeps a preview's
 * messages from all other listeners; it stays for every sandbox origin a run
 * used, since messages outlive their frame. It reads only `origin` and
 * `source` (cheap); a run's handler decides what to do.
 */
type Handler = (event: MessageEvent) => void;

/** Handlers by sandbox origin; an origin stays listed (screened) when its last run ends. */
const handlers = new Map<string, Set<Handler>>();
let listening = false;

export function onFrameMessage(sandboxOrigin: string, handler: Handler, signal: AbortSignal): void {
  if (!listening) {
    listening = true;
    window.addEventListener('message', screen, { capture: true });
  }
  let forOrigin = handlers.get(sandboxOrigin);
  if (!forOrigin) handlers.set(sandboxOrigin, (forOrigin = new Set()));
  const set = forOrigin;
  set.add(handler);
  signal.addEventListener('abort', () => set.delete(handler), { once: true });
}

function screen(event: MessageEvent): void {
  const forOrigin = handlers.get(event.origin);
  if (!forOrigin) return;
  event.stopImmediatePropagation();
  for (const handler of forOrigin) handler(event);
}
