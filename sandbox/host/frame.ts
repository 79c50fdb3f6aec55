/** The preview iframe, with exactly the capabilities the sandbox contract grants. */

/**
 * What lessons use and nothing more: scripts; its own origin (storage, and the
 * runtime's postMessage origin checks); forms (lesson pages submit chat forms);
 * modals (alert/prompt in learner code); downloads (a received file saved).
 * No top navigation, popups or pointer lock.
 */
export const FRAME_SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-modals allow-downloads';
/**
 * Camera, microphone, screen capture and autoplay for the frame's own origin
 * only (a feature without an allowlist means 'src'): a page the learner's code
 * navigates the frame to elsewhere gets none of them.
 */
export const FRAME_ALLOW = 'camera; microphone; display-capture; autoplay';

/** `name` becomes the frame's window.name (the munging opt-in, see protocol.ts). */
export function createFrame(src: string, name?: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  if (name) frame.name = name;
  // Attributes before src: the sandbox flags apply from the first navigation.
  frame.setAttribute('sandbox', FRAME_SANDBOX);
  frame.setAttribute('allow', FRAME_ALLOW);
  frame.title = 'Preview';
  frame.src = src;
  return frame;
}
