import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { newListText } from '../edit/new-list.js';
import { standardOutput } from './stdout.js';

export function runInit(path: string | undefined): void {
  const target = resolve(path ?? process.env.READ_FILE ?? 'read.md');
  try {
    // `wx`: fail when the file exists, so an existing list is never overwritten, even in a race.
    writeFileSync(target, newListText(new Date()), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UserError(`${target} already exists; read init never overwrites a list.`);
    throw new UserError(`cannot create ${target}: ${code ?? String(error)}`);
  }
  standardOutput().write(`Created ${target}\n`);
}
