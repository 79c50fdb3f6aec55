/**
 * Loads a lesson's checks in the browser, lazily: each lessons/NN-slug/checks.ts
 * becomes its own small chunk, fetched when a workspace for that lesson mounts.
 * The glob is relative because lessons/ lies outside the Astro root (site/);
 * Vite resolves it from this file.
 */
import type { Check } from '../../../sandbox/checks/types.ts';
import { pathForSlug } from './lesson-paths.ts';

const modules = import.meta.glob<{ default: readonly Check[] }>('../../../lessons/*/checks.ts');

export async function loadChecks(slug: string): Promise<readonly Check[]> {
  const path = pathForSlug(Object.keys(modules), slug);
  const load = path ? modules[path] : undefined;
  if (!load) throw new Error(`No checks found for the lesson "${slug}" (expected lessons/NN-${slug}/checks.ts).`);
  const checks = (await load()).default;
  if (!Array.isArray(checks)) throw new Error(`lessons/…-${slug}/checks.ts must default-export an array of checks.`);
  return checks;
}
