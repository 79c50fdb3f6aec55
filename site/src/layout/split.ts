/**
 * The divider between a lesson's text and its workspace: the share of the
 * width the text column takes, in percent, and how keys and pointer moves
 * change it. The DOM wiring lives in LessonSplit.astro.
 */

export const SPLIT = {
  /** Percent of the split's width given to the lesson text. */
  min: 25,
  max: 65,
  initial: 40,
  /** Arrow keys move by `step`, Page Up/Down by `page`. */
  step: 2,
  page: 10,
  storageKey: 'webrtc-playground:lesson-split',
} as const;

export function clampShare(share: number): number {
  return Math.min(SPLIT.max, Math.max(SPLIT.min, Math.round(share * 10) / 10));
}

/** The saved share, or the initial one when nothing (or nonsense) was saved. */
export function parseStoredShare(stored: string | null): number {
  if (stored === null || stored.trim() === '') return SPLIT.initial;
  const value = Number(stored);
  return Number.isFinite(value) ? clampShare(value) : SPLIT.initial;
}

/**
 * The share after a key press on the separator, or null when the key does not
 * move it. As on a slider, Right/Up and Page Up raise the value (widen the
 * text column, which is on the left) and Left/Down and Page Down lower it; in
 * right-to-left pages left and right swap, as they look.
 */
export function shareAfterKey(key: string, share: number, rtl = false): number | null {
  const towardsEnd = rtl ? 'ArrowLeft' : 'ArrowRight';
  const towardsStart = rtl ? 'ArrowRight' : 'ArrowLeft';
  switch (key) {
    case towardsEnd:
    case 'ArrowUp':
      return clampShare(share + SPLIT.step);
    case towardsStart:
    case 'ArrowDown':
      return clampShare(share - SPLIT.step);
    case 'PageUp':
      return clampShare(share + SPLIT.page);
    case 'PageDown':
      return clampShare(share - SPLIT.page);
    case 'Home':
      return SPLIT.min;
    case 'End':
      return SPLIT.max;
    default:
      return null;
  }
}

/** The share that puts the divider under the pointer, given the split's box. */
export function shareFromPointer(clientX: number, box: { left: number; width: number }, rtl = false): number {
  if (box.width <= 0) return SPLIT.initial;
  const fromStart = rtl ? box.left + box.width - clientX : clientX - box.left;
  return clampShare((fromStart / box.width) * 100);
}
