import { realpathSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { shellInit, type Shell } from '../render/shell-init.js';
import { standardOutput } from './stdout.js';

const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

/** `commandWords`: the CLI's visible commands and their aliases, from its own command table. */
export function runShellInit(shell: string, commandWords: readonly string[]): void {
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`shell-init takes one of ${SHELLS.join(', ')}, not '${shell}'`);
  const script = realpathSync(process.argv[1] ?? 'readlist');
  const words = [...commandWords, '--help', '-h', '--version', '-V'];
  standardOutput().write(shellInit(shell as Shell, words, [process.execPath, script]));
}
