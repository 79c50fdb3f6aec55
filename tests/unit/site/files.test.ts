import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  findLessonProblems,
  listLessonFolders,
  parseLessonFolderName,
  readPlaygroundLesson,
  readSolutionFiles,
} from '../../../site/src/lessons/files.ts';
import { completeLesson, makeLessonsDir, without } from './fixtures.ts';

const cleanups: Array<() => void> = [];
function lessonsDir(lessons: Record<string, Record<string, string>>): string {
  const made = makeLessonsDir(lessons);
  cleanups.push(made.remove);
  return made.dir;
}
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

describe('parseLessonFolderName', () => {
  it('takes the order from NN and the slug from the rest', () => {
    expect(parseLessonFolderName('02-two-peers-in-one-page')).toEqual({ order: 2, slug: 'two-peers-in-one-page' });
    expect(parseLessonFolderName('20-capstone')).toEqual({ order: 20, slug: 'capstone' });
    expect(parseLessonFolderName('07-stun-and-turn2')).toEqual({ order: 7, slug: 'stun-and-turn2' });
  });

  it.each(['2-two-peers', '002-two-peers', '02_two-peers', '02-', '02-Two-Peers', '02-two--peers', '02-two-peers-', 'two-peers'])(
    'refuses "%s"',
    (name) => {
      expect(parseLessonFolderName(name)).toBeNull();
    },
  );
});

describe('listLessonFolders', () => {
  it('lists lesson folders by their number, not alphabetically', () => {
    const dir = lessonsDir({
      '10-data-channels': completeLesson(),
      '02-two-peers': completeLesson(),
      '05-peerjs': completeLesson(),
    });
    expect(listLessonFolders(dir).map(({ order, slug, folder }) => ({ order, slug, folder }))).toEqual([
      { order: 2, slug: 'two-peers', folder: '02-two-peers' },
      { order: 5, slug: 'peerjs', folder: '05-peerjs' },
      { order: 10, slug: 'data-channels', folder: '10-data-channels' },
    ]);
    expect(listLessonFolders(dir)[0]?.dir).toBe(join(dir, '02-two-peers'));
  });

  it('skips folders starting with "_" or "." and is empty when there is no lessons folder', () => {
    const dir = lessonsDir({ '_shared': { 'x.js': '' }, '.cache': { 'x': '' }, '02-two-peers': completeLesson() });
    expect(listLessonFolders(dir).map((lesson) => lesson.slug)).toEqual(['two-peers']);
    expect(listLessonFolders(join(dir, 'nope'))).toEqual([]);
  });
});

describe('findLessonProblems', () => {
  it('finds nothing wrong with complete lessons', () => {
    expect(findLessonProblems(lessonsDir({ '02-two-peers': completeLesson(), '05-peerjs': completeLesson() }))).toEqual([]);
  });

  it.each([
    ['files/index.html', /02-two-peers\/files\/index\.html is missing: the starting files need an index\.html/],
    ['checks.ts', /02-two-peers\/checks\.ts is missing/],
    ['lesson.mdx', /02-two-peers\/lesson\.mdx is missing/],
  ])('names the missing %s', (missing, message) => {
    const dir = lessonsDir({ '02-two-peers': without(completeLesson(), missing) });
    const problems = findLessonProblems(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('names a solution file that is not a starting file, and one that changes nothing', () => {
    const lesson = { ...completeLesson(), 'solution/app.js': '', 'solution/index.html': completeLesson()['files/index.html']! };
    const problems = findLessonProblems(lessonsDir({ '02-two-peers': lesson }));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/02-two-peers\/solution: the solution may only change starting files; not in files\/: app\.js/);
    expect(problems[1]).toMatch(/02-two-peers\/solution\/index\.html is the same as files\/index\.html: delete it/);
  });

  it('reads a solution as the starting files with its own files on top', () => {
    const dir = lessonsDir({ '02-two-peers': completeLesson() });
    expect(findLessonProblems(dir)).toEqual([]);
    const solution = readSolutionFiles(join(dir, '02-two-peers'));
    expect(Object.keys(solution).sort()).toEqual(['index.html', 'main.js']);
    expect(solution['index.html']).toBe(completeLesson()['files/index.html']);
    expect(solution['main.js']).toBe(completeLesson()['solution/main.js']);
  });

  it('refuses sub-folders inside files/', () => {
    const lesson = { ...completeLesson(), 'files/lib/util.js': '' };
    expect(findLessonProblems(lessonsDir({ '02-two-peers': lesson }))).toEqual([
      expect.stringMatching(/02-two-peers\/files\/lib: lesson files must be flat/),
    ]);
  });

  it('names a folder that does not follow NN-slug', () => {
    expect(findLessonProblems(lessonsDir({ '2-two-peers': completeLesson() }))).toEqual([
      expect.stringMatching(/2-two-peers: a lesson folder is named NN-slug/),
    ]);
  });

  it('refuses two lessons with the same number or the same slug', () => {
    const problems = findLessonProblems(
      lessonsDir({ '02-two-peers': completeLesson(), '02-peerjs': completeLesson(), '05-two-peers': completeLesson() }),
    );
    expect(problems).toHaveLength(2);
    expect(problems).toContainEqual(expect.stringMatching(/02-two-peers: lesson number "2" is already used by 02-peerjs/));
    expect(problems).toContainEqual(expect.stringMatching(/05-two-peers: lesson slug "two-peers" is already used by 02-two-peers/));
  });
});

describe('readPlaygroundLesson', () => {
  const frontmatter = { title: 'Two peers', timeLimit: 15 };

  function lessonFolder(files: Record<string, string>) {
    const dir = lessonsDir({ '02-two-peers': files });
    const [folder] = listLessonFolders(dir);
    if (!folder) throw new Error('fixture missing');
    return folder;
  }

  it('reads the starting files and the solution, and opens main.js first by default', () => {
    const lesson = readPlaygroundLesson(lessonFolder(completeLesson()), frontmatter);
    expect(lesson).toEqual({
      slug: 'two-peers',
      title: 'Two peers',
      files: {
        'index.html': '<!doctype html><script type="module" src="main.js"></script>\n',
        'main.js': '// start here\n',
      },
      solution: {
        'index.html': '<!doctype html><script type="module" src="main.js"></script>\n',
        'main.js': 'console.log("done");\n',
      },
      focus: 'main.js',
      timeLimit: 15,
      pairing: false,
    });
  });

  it('passes the pairing opt-in on', () => {
    expect(readPlaygroundLesson(lessonFolder(completeLesson()), { ...frontmatter, pairing: true }).pairing).toBe(true);
  });

  it('opens the file named by focus', () => {
    expect(readPlaygroundLesson(lessonFolder(completeLesson()), { ...frontmatter, focus: 'index.html' }).focus).toBe('index.html');
  });

  it('opens index.html when there is no main.js and no focus', () => {
    const files = { ...without(completeLesson(), 'files/main.js', 'solution/main.js'), 'solution/index.html': '<!doctype html><p>done</p>\n' };
    expect(readPlaygroundLesson(lessonFolder(files), frontmatter).focus).toBe('index.html');
  });

  it('refuses a focus that is not one of the starting files, naming lesson.mdx', () => {
    expect(() => readPlaygroundLesson(lessonFolder(completeLesson()), { ...frontmatter, focus: 'app.js' })).toThrow(
      /02-two-peers\/lesson\.mdx: focus "app\.js" is not one of the starting files \(index\.html, main\.js\)/,
    );
  });
});
