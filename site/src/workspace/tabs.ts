/**
 * The file tabs (WAI-ARIA tabs pattern, automatic activation): one tab stop
 * for the list, arrow keys and Home/End move between files, the selected tab
 * names the editor panel.
 */
import type { FilesStores } from './stores.ts';
import { tabForKey } from './tab-keys.ts';

export function bindTabs(tablist: HTMLElement, panel: HTMLElement, stores: FilesStores): () => void {
  const tabs = () => [...tablist.querySelectorAll<HTMLElement>('[role="tab"]')];

  const reflect = (open: string) => {
    for (const tab of tabs()) {
      const selected = tab.dataset.file === open;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected) panel.setAttribute('aria-labelledby', tab.id);
    }
  };

  const onClick = (event: MouseEvent) => {
    const tab = (event.target as Element).closest<HTMLElement>('[role="tab"]');
    if (tab?.dataset.file) stores.open(tab.dataset.file);
  };

  const onKeydown = (event: KeyboardEvent) => {
    const list: Element[] = tabs();
    const target = tabForKey(list, document.activeElement as Element, event.key) as HTMLElement | undefined;
    if (!target?.dataset.file) return;
    event.preventDefault();
    stores.open(target.dataset.file);
    target.focus();
  };

  tablist.addEventListener('click', onClick);
  tablist.addEventListener('keydown', onKeydown);
  reflect(stores.openFile.get());
  const stop = stores.openFile.listen(reflect);
  return () => {
    stop();
    tablist.removeEventListener('click', onClick);
    tablist.removeEventListener('keydown', onKeydown);
  };
}
