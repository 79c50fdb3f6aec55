import type { LessonData } from '../../../site/src/workspace/types.ts';

export function lesson(overrides: Partial<LessonData> = {}): LessonData {
  return {
    slug: 'two-peers',
    title: 'Two peers in one page',
    files: { 'main.js': 'console.log("start");\n', 'index.html': '<script type="module" src="main.js"></script>\n' },
    solution: { 'main.js': 'console.log("solved");\n', 'index.html': '<script type="module" src="main.js"></script>\n' },
    focus: 'main.js',
    timeLimit: 15,
    pairing: false,
    ...overrides,
  };
}
