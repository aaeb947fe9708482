import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * An XDG base folder: the variable's value when it is an absolute path, else the default. The spec
 * has a relative path ignored, and taking one would put `read`'s files in whatever folder it runs
 * in, beside the page. bin/read.js finds the cache folder the same way.
 */
function xdgFolder(value: string | undefined, fallback: string): string {
  return value && isAbsolute(value) ? value : join(homedir(), fallback);
}

/** `$XDG_STATE_HOME/read` (undo history): never beside the page, which may be a published site. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(xdgFolder(env.XDG_STATE_HOME, '.local/state'), 'read');
}

/** `$XDG_CACHE_HOME/read` (parse cache): safe to delete at any time. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(xdgFolder(env.XDG_CACHE_HOME, '.cache'), 'read');
}
