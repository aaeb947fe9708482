import type { Command } from 'commander';
import { everyItem } from '../model/resolve.js';
import { openList } from './context.js';
import { standardOutput } from './stdout.js';

/**
 * Candidates for the word being completed (the last of `words`, typed after `read`), one per line;
 * the shell filters them by what is typed. Never fails: completion must not print errors.
 */
export async function runComplete(program: Command, words: string[]): Promise<void> {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const visible = program.createHelp().visibleCommands(program);
  const names = visible.flatMap((command) => [command.name(), ...command.aliases()]);
  const flags = (command: Command) => command.options.map((option) => option.long).filter((flag): flag is string => Boolean(flag));
  const print = (candidates: string[]): void => {
    if (candidates.length > 0) standardOutput().write(`${candidates.join('\n')}\n`);
  };

  const fileAt = before.findIndex((word) => word === '--file' || word === '-f');
  const typed = before.find((word, index) => !word.startsWith('-') && (fileAt === -1 || index !== fileAt + 1));
  const command = visible.find((candidate) => candidate.name() === typed || candidate.aliases().includes(typed ?? ''));
  if (!command) return print(current.startsWith('-') ? flags(program) : names);
  if (current.startsWith('-')) return print([...flags(command), ...flags(program)]);
  const previous = before.at(-1);
  if (previous === '--file' || previous === '-f' || previous === '--date' || previous === '--since') return print([]);
  if (command.name() === 'shell-init') return print(['bash', 'zsh', 'fish']);

  const file = fileAt === -1 ? undefined : before[fileAt + 1];
  try {
    const { list } = await openList({ file });
    if (previous === '--month') return print(list.months.map((month) => month.id));
    if (previous === '--year') return print(list.years.map((year) => String(year.year)));
    const items = everyItem(list);
    const wanted: Record<string, (done: boolean, url: string | null) => boolean> = {
      done: (done) => !done,
      undone: (done) => done,
      open: (_done, url) => url !== null,
    };
    const keep = wanted[command.name()];
    if (keep) print(items.filter((item) => keep(item.done, item.url)).map((item) => item.id));
  } catch {
    // No list here, or an unreadable one: nothing to offer.
  }
}
