import type { Style } from './style.js';
import { createTwoFilesPatch } from 'diff';

/** The unified diff an edit would make, for `--dry-run`. */
export function renderDiff(path: string, before: string, after: string, style: Style): string {
  const patch = createTwoFilesPatch(path, path, before, after, '', '', { context: 3 });
  return patch
    .split('\n')
    .slice(1) // the `Index:`/`===` preamble says nothing a person needs
    .filter((line) => !/^=+$/.test(line))
    .map((line) => (line.startsWith('+') && !line.startsWith('+++') ? style.green(line) : line.startsWith('-') && !line.startsWith('---') ? style.red(line) : line.startsWith('@@') ? style.cyan(line) : line))
    .join('\n');
}
