import { execFileSync } from 'node:child_process';
import { basename, dirname } from 'node:path';

/**
 * Commits just the list file, for people whose list is a GitHub Pages page. Outside a git work
 * tree, or when git fails, it warns: the edit itself has already happened.
 */
export function commitList(path: string, message: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dirname(path), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    git('rev-parse', '--is-inside-work-tree');
  } catch {
    process.stderr.write(`warning: ${path} is not in a git work tree; nothing was committed.\n`);
    return;
  }
  try {
    git('add', '--', basename(path));
    git('commit', '--quiet', '-m', `read: ${message}`, '--', basename(path));
  } catch (error) {
    process.stderr.write(`warning: git commit failed: ${String((error as { stderr?: string }).stderr ?? error).trim()}\n`);
  }
}
