/**
 * The inbox worker: one per run, started by run.ts, ended (terminated) with
 * the run. It reads what the frame sends over its ports off the page's main
 * thread, and posts the page only what inbox.ts let through.
 */
import { createInbox, type InboxMessage, type InboxPort } from './inbox.ts';

/** The worker's global scope, as far as this module uses it (the project's types are the page's: DOM, not WebWorker). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<InboxPort>) => void) | null;
  postMessage(message: InboxMessage): void;
};

let receive: ((read: () => unknown) => void) | null = null;

// Only the page that started this worker can post to it.
scope.onmessage = (event) => {
  const port = event.ports[0];
  if (event.data?.kind !== 'port' || !port) return;
  receive ??= createInbox(event.data.runId, () => performance.now(), (message) => scope.postMessage(message));
  const deliver = receive;
  port.onmessage = (message) => deliver(() => message.data);
};
