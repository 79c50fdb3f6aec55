/**
 * The "Code | Inspector" switch for the workspace's upper area (WAI-ARIA tabs,
 * automatic activation). The inspector takes the editor's place rather than a
 * strip of its own: it needs the width and height the editor has, while the
 * Preview, the Console and the Checks below stay in view to watch the run.
 */
import { tabForKey } from './tab-keys.ts';

export type Area = 'code' | 'inspector';

export function bindAreaSwitch(tablist: HTMLElement, root: HTMLElement, onShow: (area: Area) => void): (area: Area) => void {
  const tabs = () => [...tablist.querySelectorAll<HTMLElement>('[role="tab"][data-area]')];

  const show = (area: Area, focus = false) => {
    for (const tab of tabs()) {
      const selected = tab.dataset.area === area;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = root.querySelector<HTMLElement>(`#${CSS.escape(tab.getAttribute('aria-controls') ?? '')}`);
      if (panel) panel.hidden = !selected;
      if (selected && focus) tab.focus();
    }
    root.dataset.area = area;
    onShow(area);
  };

  tablist.addEventListener('click', (event) => {
    const tab = (event.target as Element).closest<HTMLElement>('[role="tab"][data-area]');
    if (tab) show(tab.dataset.area as Area);
  });
  tablist.addEventListener('keydown', (event) => {
    const list: Element[] = tabs();
    const target = tabForKey(list, document.activeElement as Element, event.key, { vertical: true }) as HTMLElement | undefined;
    if (!target) return;
    event.preventDefault();
    show(target.dataset.area as Area, true);
  });
  return (area) => show(area);
}
