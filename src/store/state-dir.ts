import { homedir } from 'node:os';
import { join } from 'node:path';

/** `$XDG_STATE_HOME/read` (undo history): never beside the page, which may be a published site. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_STATE_HOME || join(homedir(), '.local/state'), 'read');
}

/** `$XDG_CACHE_HOME/read` (parse cache): safe to delete at any time. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'read');
}
