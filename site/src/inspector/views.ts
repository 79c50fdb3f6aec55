/**
 * The inspector's tabs in order, each with the loader of its view module.
 * Names live here (not in the modules) so the shell can draw every tab before
 * any view's code has loaded; each view loads on its tab's first showing.
 */
import type { InspectorView, ViewId } from './types.ts';

export interface ViewEntry {
  id: ViewId;
  label: string;
  load(): Promise<InspectorView>;
}

export const VIEWS: readonly ViewEntry[] = [
  { id: 'timeline', label: 'Timeline', load: () => import('./timeline/view.ts').then((m) => m.view) },
  { id: 'sdp', label: 'SDP', load: () => import('./sdp/view.ts').then((m) => m.view) },
  { id: 'munging', label: 'Munging', load: () => import('./munging/view.ts').then((m) => m.view) },
  { id: 'ice', label: 'ICE', load: () => import('./ice/view.ts').then((m) => m.view) },
  { id: 'stats', label: 'Stats', load: () => import('./stats/view.ts').then((m) => m.view) },
  { id: 'doctor', label: 'Doctor', load: () => import('./doctor/view.ts').then((m) => m.view) },
];
