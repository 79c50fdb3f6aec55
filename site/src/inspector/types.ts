/**
 * The inspector's contract between its shell (the "Inspector" panel with its
 * tabs) and its views. Every view reads the same event log, the one the
 * console and the checks read; none reaches into the frame. The log is either
 * the live run's or one imported from a dump, and the views cannot tell.
 *
 * Pure logic (parsing, decoding, diffing, diagnosing) lives beside the views
 * in DOM-free modules (sdp/, ice/, stats/, doctor/, timeline/, dump/) so
 * vitest can test it on recorded logs; a view only renders what they compute.
 */
import type { ReadableAtom, WritableAtom } from 'nanostores';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';

export type ViewId = 'timeline' | 'sdp' | 'munging' | 'ice' | 'stats' | 'doctor';

/**
 * Something one view asks another to show, e.g. the timeline asks the SDP view
 * for the description carried by the event with this `seq`.
 */
export type InspectorSelection =
  | { kind: 'description'; seq: number }
  | { kind: 'candidate'; seq: number }
  | { kind: 'pc'; pc: number };

export interface InspectorContext {
  /** The log being inspected: grows while a run is live; replaced on Run and on import. */
  events: ReadableAtom<readonly PlaygroundEvent[]>;
  /** Cross-view navigation. Setting it does not switch tabs; call `showView` for that. */
  selection: WritableAtom<InspectorSelection | null>;
  showView(view: ViewId): void;
}

export interface InspectorView {
  id: ViewId;
  /** The tab's name: "Timeline", "SDP", "Munging", "ICE", "Stats", "Doctor". */
  label: string;
  /**
   * Render into `container` and keep it up to date with `context.events`.
   * Returns the clean-up that unsubscribes and removes listeners.
   * Every value from the log is put into the DOM as text (textContent), never as markup.
   */
  mount(container: HTMLElement, context: InspectorContext): () => void;
}
