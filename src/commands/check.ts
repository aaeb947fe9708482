import { UsageError } from '../errors.js';
import { checkSplices } from '../edit/check.js';
import { monthId } from '../model/dates.js';
import { monthKey } from '../model/progress.js';
import { resolveTarget } from '../model/resolve.js';
import { flatten } from '../model/select.js';
import type { Item } from '../model/types.js';
import { openList } from './context.js';
import { describeItem, unresolved } from './describe.js';
import { editList, type EditOptions } from './edit-session.js';
import { standardOutput } from './stdout.js';

export interface CheckCommandOptions extends EditOptions {
  stamp?: boolean;
}

function localDate(now = new Date()): string {
  return `${monthId(now.getFullYear(), now.getMonth() + 1)}-${String(now.getDate()).padStart(2, '0')}`;
}

/** `read done` / `read undone`: every target must resolve before anything is written. */
export async function runCheck(targets: string[], done: boolean, options: CheckCommandOptions): Promise<void> {
  if (targets.length === 0) {
    if (!done || !process.stdin.isTTY || !standardOutput().isTTY) throw new UsageError(`give an id or a query: read ${done ? 'done' : 'undone'} 2023-04.3`);
    targets = await pickOpenItems(options);
    if (targets.length === 0) return;
  }
  const verb = done ? 'done' : 'open';
  const changed: Item[] = [];
  await editList(options, ({ file, list, style }) => {
    const chosen = new Map<string, Item>();
    for (const target of targets) {
      const found = resolveTarget(list, target, (item) => item.done !== done);
      if (found.kind === 'none' || found.kind === 'ambiguous') throw unresolved(target, found);
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
      message: `${done ? 'done' : 'undone'} ${[...chosen.values()].map(describeItem).join(', ')}`,
    };
  });
  const mark = done ? '[x]' : '[ ]';
  if (!options.dryRun) for (const item of changed) standardOutput().write(`${mark} ${describeItem(item)}\n`);
}

/** The open items, newest month first, as a checkbox list on the terminal; the ids picked. */
async function pickOpenItems(options: CheckCommandOptions): Promise<string[]> {
  const { list } = await openList(options);
  const months = [...list.months].sort((a, b) => monthKey(b.year, b.month) - monthKey(a.year, a.month));
  const open = [...months.flatMap((month) => flatten(month.items)), ...list.years.flatMap((year) => flatten(year.items))].filter((item) => !item.done);
  if (open.length === 0) {
    process.stderr.write('Nothing open: every item is done.\n');
    return [];
  }
  const { default: checkbox } = await import('@inquirer/checkbox');
  return checkbox({
    message: 'Check off (space to pick, enter to confirm)',
    choices: open.map((item) => ({ name: describeItem(item), value: item.id })),
    pageSize: Math.max(5, Math.min(20, (standardOutput().rows || 24) - 4)),
  });
}
