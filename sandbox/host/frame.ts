/** The preview iframe, with exactly the capabilities the sandbox contract grants. */

export const FRAME_SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-modals allow-downloads';
export const FRAME_ALLOW = 'camera *; microphone *; display-capture *; autoplay *';

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
