/**
 * The Inspector panel: its tabs (WAI-ARIA tabs, automatic activation), the
 * dump's Export and Import buttons, and which log is shown (the live run's or
 * an imported one, with the way back). Each view's module loads and mounts
 * the first time its tab is shown and then stays mounted, so switching tabs
 * keeps each view's scroll and state. Loaded by the workspace only once the
 * learner opens the inspector.
 */
import { atom, type ReadableAtom } from 'nanostores';
import { VIEWS } from './views.ts';
import { createInspectorSource, type LiveLog } from './source.ts';
import { exportDump } from './dump/export.ts';
import { importDump } from './dump/import.ts';
import type { InspectorContext, InspectorSelection, ViewId } from './types.ts';
import type { PlaygroundEvent } from '../../../sandbox/log/events.ts';
import './inspector.css';
import { tabForKey } from '../workspace/tab-keys.ts';

/** Larger files are refused before reading: a real dump of a long call is a few MB. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export interface InspectorOptions {
  /** The `<section aria-label="Inspector">` to fill. */
  section: HTMLElement;
  live: ReadableAtom<LiveLog>;
  /** Names the exported file, e.g. the lesson's slug. */
  name: string;
}

export function mountInspector({ section, live, name }: InspectorOptions): () => void {
  const source = createInspectorSource(live);
  const selection = atom<InspectorSelection | null>(null);
  const prefix = section.id || `inspector-${Math.random().toString(36).slice(2, 8)}`;

  const tablist = element('div', 'ins-tabs');
  tablist.setAttribute('role', 'tablist');
  tablist.setAttribute('aria-label', 'Inspector views');
  const panels = element('div', 'ins-panels');
  const tabs = new Map<ViewId, { tab: HTMLButtonElement; panel: HTMLElement; cleanup?: () => void; loading: boolean }>();
  for (const entry of VIEWS) {
    const tab = element('button', 'ins-tab', entry.label);
    tab.type = 'button';
    tab.id = `${prefix}-tab-${entry.id}`;
    tab.setAttribute('role', 'tab');
    tab.dataset.view = entry.id;
    const panel = element('div', 'ins-panel');
    panel.id = `${prefix}-panel-${entry.id}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    panel.tabIndex = 0;
    panel.hidden = true;
    tab.setAttribute('aria-controls', panel.id);
    tablist.append(tab);
    panels.append(panel);
    tabs.set(entry.id, { tab, panel, loading: false });
  }

  // Which log is shown, Export, Import.
  const origin = element('p', 'ins-origin');
  origin.setAttribute('role', 'status');
  const back = button('Back to live run', 'ins-back');
  const exportButton = button('Export', 'ins-export');
  exportButton.title = 'Download this log as a chrome://webrtc-internals dump (JSON)';
  const importButton = button('Import', 'ins-import');
  importButton.title = 'Open a chrome://webrtc-internals dump, or one exported here';
  const file = document.createElement('input');
  file.type = 'file';
  file.accept = '.json,.txt,application/json';
  file.hidden = true;
  file.tabIndex = -1;
  const tools = element('div', 'ins-tools');
  tools.append(origin, back, exportButton, importButton, file);
  const problem = element('p', 'ins-problem');
  problem.setAttribute('role', 'alert');
  problem.hidden = true;
  const note = element('p', 'ins-note');
  note.setAttribute('role', 'status');
  note.hidden = true;
  const head = element('div', 'ins-head');
  head.append(tablist, tools);
  section.replaceChildren(head, problem, note, panels);

  const context: InspectorContext = { events: source.events, selection, showView: (id) => select(id, true) };

  function select(id: ViewId, focus = false): void {
    for (const [viewId, entry] of tabs) {
      const selected = viewId === id;
      entry.tab.setAttribute('aria-selected', String(selected));
      entry.tab.tabIndex = selected ? 0 : -1;
      entry.panel.hidden = !selected;
    }
    const entry = tabs.get(id);
    if (!entry) return;
    if (focus) entry.tab.focus();
    if (entry.cleanup || entry.loading) return;
    entry.loading = true;
    entry.panel.replaceChildren(element('p', 'ins-loading', 'Loading…'));
    const view = VIEWS.find((v) => v.id === id);
    view
      ?.load()
      .then((loaded) => {
        entry.cleanup = loaded.mount(entry.panel, context);
      })
      .catch((error: unknown) => {
        entry.loading = false;
        entry.panel.replaceChildren(
          element('p', 'ins-problem', `The ${view.label} view could not load (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`),
        );
        console.error(error);
      });
  }

  tablist.addEventListener('click', (event) => {
    const tab = (event.target as Element).closest<HTMLElement>('[role="tab"]');
    if (tab?.dataset.view) select(tab.dataset.view as ViewId);
  });
  tablist.addEventListener('keydown', (event) => {
    const list: Element[] = [...tabs.values()].map((t) => t.tab);
    const target = tabForKey(list, document.activeElement as Element, event.key) as HTMLElement | undefined;
    if (!target?.dataset.view) return;
    event.preventDefault();
    select(target.dataset.view as ViewId, true);
  });

  /** An error (alert) or a remark about the shown log (status); null clears both. */
  const say = (text: string | null, kind: 'error' | 'note' = 'error') => {
    for (const [box, mine] of [[problem, kind === 'error'], [note, kind === 'note']] as const) {
      box.textContent = text !== null && mine ? text : '';
      box.hidden = text === null || !mine;
    }
  };

  const stopOrigin = source.origin.subscribe((shown) => {
    origin.textContent = shown.kind === 'live' ? 'Live run' : `Imported: ${shown.name}`;
    origin.classList.toggle('ins-imported', shown.kind === 'imported');
    back.hidden = shown.kind === 'live';
  });
  back.addEventListener('click', () => {
    source.showLive();
    say(null);
  });

  // The wall-clock time of the log's t = 0 (the dump's times are dates): estimated when its
  // first snapshot arrives, so exporting long after a run still dates it right.
  let anchor: { first: PlaygroundEvent; startedAt: number } | null = null;
  const stopAnchor = source.events.subscribe((events) => {
    const first = events[0];
    if (first && anchor?.first !== first) anchor = { first, startedAt: Date.now() - (events[events.length - 1]?.t ?? 0) };
  });

  exportButton.addEventListener('click', () => {
    const events = source.events.get();
    if (events.length === 0) return say('Nothing to export yet: press Run first, or import a dump.');
    say(null);
    const startedAt = anchor?.startedAt ?? Date.now() - (events[events.length - 1]?.t ?? 0);
    const dump = exportDump(events, { url: location.href, userAgent: navigator.userAgent, startedAt });
    const blob = new Blob([JSON.stringify(dump, null, 1)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `webrtc-playground-${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  });

  importButton.addEventListener('click', () => file.click());
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (!chosen) return;
    if (chosen.size > MAX_IMPORT_BYTES) {
      return say(`Could not import "${chosen.name}": it is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
    }
    chosen
      .text()
      .then((text) => {
        const result = importDump(text);
        if (!result.ok) return say(`Could not import "${chosen.name}": ${result.error} The inspector still shows what it showed before.`);
        say(result.notes.length > 0 ? `Imported "${chosen.name}". ${result.notes.join(' ')}` : null, 'note');
        source.showImported(chosen.name, result.events);
      })
      .catch((error: unknown) => say(`Could not read "${chosen.name}": ${error instanceof Error ? error.message : String(error)}`));
  });

  select('timeline');

  return () => {
    stopOrigin();
    stopAnchor();
    source.dispose();
    for (const entry of tabs.values()) entry.cleanup?.();
    section.replaceChildren();
  };
}

function button(text: string, className: string): HTMLButtonElement {
  const node = element('button', `pg-button pg-small ${className}`, text);
  node.type = 'button';
  return node;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
