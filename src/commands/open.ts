import { UserError } from '../errors.js';
import { resolveTarget } from '../model/resolve.js';
import { sanitize } from '../render/sanitize.js';
import { openList, type GlobalOptions } from './context.js';
import { unresolved } from './describe.js';
import { standardOutput } from './stdout.js';

export interface OpenOptions extends GlobalOptions {
  print?: boolean;
}

export async function runOpen(target: string, options: OpenOptions): Promise<void> {
  const { list } = await openList(options);
  const found = resolveTarget(list, target, () => true);
  if (found.kind === 'none' || found.kind === 'ambiguous') throw unresolved(target, found);
  const item = found.kind === 'found' ? found.item : found.items[0];
  if (!item?.url) throw new UserError(`${item?.id ?? target} has no url.`);
  if (options.print) {
    standardOutput().write(`${sanitize(item.url)}\n`);
    return;
  }
  const { default: open } = await import('open');
  const child = await open(item.url);
  await new Promise<void>((resolve, reject) => {
    child.once('error', (error) => reject(new UserError(`could not open ${item.url}: ${error.message}; try --print`)));
    child.once('spawn', () => resolve());
  });
}
