import { UsageError, UserError } from '../errors.js';
import { checkSplices } from '../edit/check.js';
import { resolveTarget } from '../model/resolve.js';
import type { Item } from '../model/types.js';
import { sanitize } from '../render/sanitize.js';
import { editList, type EditOptions } from './edit-session.js';

export interface CheckCommandOptions extends EditOptions {
  stamp?: boolean;
}

const describe = (item: Item) => `${item.id}  ${sanitize(item.title)}`;

function localDate(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** `read done` / `read undone`: every target must resolve before anything is written. */
export async function runCheck(targets: string[], done: boolean, options: CheckCommandOptions): Promise<void> {
  if (targets.length === 0) throw new UsageError(`give an id or a query: read ${done ? 'done' : 'undone'} 2023-04.3`);
  const verb = done ? 'done' : 'open';
  const changed: Item[] = [];
  await editList(options, ({ file, list, style }) => {
    const chosen = new Map<string, Item>();
    for (const target of targets) {
      const found = resolveTarget(list, target, done);
      if (found.kind === 'none') {
        const hint = found.suggestions.length > 0 ? `\nDid you mean:\n${found.suggestions.map(describe).join('\n')}` : '';
        throw new UserError(`nothing matches '${target}'.${hint}`);
      }
      if (found.kind === 'ambiguous') {
        throw new UserError(`'${target}' matches ${found.candidates.length} items; give an id:\n${found.candidates.map(describe).join('\n')}`);
      }
      if (found.kind === 'already') {
        for (const item of found.items) process.stderr.write(`${item.id} is already ${verb}.\n`);
      } else {
        chosen.set(found.item.id, found.item);
      }
    }
    changed.push(...chosen.values());
    const stamp = options.stamp ?? style.doneStamps;
    const today = localDate();
    return {
      splices: [...chosen.values()].flatMap((item) => checkSplices(file.text, item, style, { done, stamp, today })),
      command: `${done ? 'done' : 'undone'} ${[...chosen.keys()].join(' ')}`,
    };
  });
  const mark = done ? '[x]' : '[ ]';
  if (!options.dryRun) for (const item of changed) process.stdout.write(`${mark} ${describe(item)}\n`);
}
