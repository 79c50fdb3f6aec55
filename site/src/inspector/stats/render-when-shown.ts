/**
 * Re-renders a view from the log only while it can be seen. A hidden tab (or
 * the inspector hidden behind the editor) still receives every snapshot of a
 * live run; drawing them would cost the page for nothing. The view catches up
 * when it is shown again: showing a hidden element changes its size from
 * nothing, which a ResizeObserver hears. Shared by the Timeline, ICE, Stats and
 * Doctor views (it lives here because Stats, redrawn every second, needed it first).
 */
import type { ReadableAtom } from 'nanostores';
import type { PlaygroundEvent } from '../../../../sandbox/log/events.ts';

export function renderWhenShown(
  container: HTMLElement,
  events: ReadableAtom<readonly PlaygroundEvent[]>,
  render: (events: readonly PlaygroundEvent[]) => void,
): () => void {
  let stale = false;
  const update = () => {
    if (container.closest('[hidden]')) {
      stale = true;
      return;
    }
    stale = false;
    render(events.get());
  };
  const stop = events.subscribe(update);
  const shown = typeof ResizeObserver === 'function' ? new ResizeObserver(() => stale && update()) : null;
  shown?.observe(container);
  return () => {
    stop();
    shown?.disconnect();
  };
}
