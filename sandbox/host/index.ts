/**
 * The sandbox host: what the workspace UI uses to run code in a preview frame.
 * No UI of its own. See run.ts for the life of a run.
 */
export { startRun, WATCHDOG_MS, STOP_TIMEOUT_MS } from './run.ts';
export type { RunEndReason, RunHandle, StartRunOptions } from './run.ts';
export { validateFrameMessage, validateEvent, validateMungeRequest, claimedEvents, isJson, MAX_BATCH } from './validate.ts';
export { munging, createMungeSession } from './munge.ts';
export type { MungeSession, MungeRunLink, PendingDescription } from './munge.ts';
export type { ValidatedMessage } from './validate.ts';
export { getSiteConfig, isSiteConfig } from './config.ts';
export { createFloodGuard, type FloodGuard } from './flood-guard.ts';
export { createInbox, type InboxMessage, type InboxPort } from './inbox.ts';
export { createFrame, FRAME_ALLOW, FRAME_SANDBOX } from './frame.ts';
