import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';

/**
 * `--file` → `$READ_FILE` → `./read.md`: the first one given wins, and must exist. A symbolic link
 * is followed to the file itself, so that edits replace that file (renaming over the link would
 * leave the real page as it was) and every link to it shares one lock, cache and undo history.
 */
export function locateList(option: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const chosen = option ?? (env.READ_FILE || undefined) ?? 'read.md';
  const path = resolve(cwd, chosen);
  if (existsSync(path)) return realpathSync(path);
  const from = option !== undefined ? '--file' : env.READ_FILE ? '$READ_FILE' : './read.md';
  throw new UserError(
    `no reading list at ${path} (from ${from}).\n`
    + 'read looks for --file PATH, then $READ_FILE, then ./read.md.\n'
    + 'Create one with: read init [PATH]',
  );
}
