/**
 * Keyboard movement in a WAI-ARIA tab list, shared by the file tabs, the
 * Code | Inspector switch and the inspector's views: arrows wrap around,
 * Home and End jump to the ends. Which keys count as arrows depends on how
 * the list is laid out.
 */
export function tabForKey<T>(tabs: readonly T[], current: T, key: string, { vertical = false } = {}): T | undefined {
  const index = tabs.indexOf(current);
  if (index < 0) return undefined;
  const next = key === 'ArrowRight' || (vertical && key === 'ArrowDown');
  const previous = key === 'ArrowLeft' || (vertical && key === 'ArrowUp');
  if (next) return tabs[(index + 1) % tabs.length];
  if (previous) return tabs[(index - 1 + tabs.length) % tabs.length];
  if (key === 'Home') return tabs[0];
  if (key === 'End') return tabs[tabs.length - 1];
  return undefined;
}
