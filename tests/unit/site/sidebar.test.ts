import { afterEach, describe, expect, it } from 'vitest';
import { lessonSidebarLinks } from '../../../site/src/lessons/sidebar.ts';
import { folderOfEntry } from '../../../site/src/lessons/loader.ts';
import { VALID_MDX, completeLesson, makeLessonsDir } from './fixtures.ts';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

describe('lessonSidebarLinks', () => {
  it('links every lesson in folder order, labelled with its title', () => {
    const made = makeLessonsDir({
      '05-signalling-with-peerjs': { ...completeLesson(), 'lesson.mdx': VALID_MDX.replace('Two peers in one page', 'Signalling with PeerJS') },
      '02-two-peers-in-one-page': completeLesson(),
    });
    cleanups.push(made.remove);
    expect(lessonSidebarLinks(made.dir)).toEqual([
      { label: 'Two peers in one page', link: '/lessons/two-peers-in-one-page/' },
      { label: 'Signalling with PeerJS', link: '/lessons/signalling-with-peerjs/' },
    ]);
  });

  it('falls back to the folder name when the title cannot be read (the collection reports why)', () => {
    const made = makeLessonsDir({
      '02-two-peers': { ...completeLesson(), 'lesson.mdx': '---\ntitle: [unclosed\n---\n' },
      '03-no-title': { ...completeLesson(), 'lesson.mdx': 'no frontmatter\n' },
    });
    cleanups.push(made.remove);
    expect(lessonSidebarLinks(made.dir).map((link) => link.label)).toEqual(['02-two-peers', '03-no-title']);
  });
});

describe('folderOfEntry', () => {
  it('takes the lesson folder from a glob entry path', () => {
    expect(folderOfEntry('02-two-peers/lesson.mdx')).toBe('02-two-peers');
    expect(folderOfEntry('02-two-peers\\lesson.mdx')).toBe('02-two-peers');
  });
});
