/** How a check's status is shown: a word and an icon, so it never depends on colour alone. */
import type { CheckStatus } from '../../../sandbox/checks/types.ts';

export const STATUS_WORD: Record<CheckStatus, string> = { passed: 'Passed', failed: 'Failed', pending: 'Pending' };
export const STATUS_ICON: Record<CheckStatus, string> = { passed: '✓', failed: '✗', pending: '○' };
