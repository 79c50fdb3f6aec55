/**
 * Finding a lesson's folder by its slug. Folders are "NN-slug"; the slug is
 * the folder name without the two-digit order.
 */

/** The path among `paths` whose lesson folder is "NN-<slug>", e.g. ".../lessons/02-two-peers/checks.ts". */
export function pathForSlug(paths: Iterable<string>, slug: string): string | undefined {
  for (const path of paths) {
    const folder = path.split('/').at(-2);
    if (folder && /^\d\d-/.test(folder) && folder.slice(3) === slug) return path;
  }
  return undefined;
}

/** The file's language for the editor, from its extension. */
export function languageFor(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  switch (ext) {
    case 'js':
    case 'mjs':
      return 'javascript';
    case 'ts':
      return 'typescript';
    case 'html':
      return 'html';
    case 'css':
      return 'css';
    case 'json':
      return 'json';
    default:
      return 'plaintext';
  }
}
