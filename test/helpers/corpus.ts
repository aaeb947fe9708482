import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SHARED } from './cli.js';

/** The seed and every rule fixture, as paths. */
export const FIXTURES = [join(ROOT, 'fixtures/seed.md'), ...readdirSync(join(ROOT, 'fixtures/rules')).map((name) => join(ROOT, 'fixtures/rules', name))];

/** The public reading lists in ../shared/corpus/real, when that folder is there (none otherwise). */
export const REAL_LISTS: { name: string; text: string }[] = (() => {
  const folder = join(SHARED, 'corpus/real');
  try {
    return readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') }));
  } catch {
    return [];
  }
})();
