import type { Style } from './style.js';
import type { Problem } from '../model/lint.js';
import { sanitize } from './sanitize.js';

/** `path:line: kind: message`, the form editors and terminals turn into links. */
export function renderProblems(path: string, problems: readonly Problem[], style: Style): string {
  return problems.map((problem) => {
    const kind = problem.severity === 'hint' ? style.cyan(`hint: ${problem.kind}`) : style.red(problem.kind);
    return `${path}:${problem.line}: ${kind}: ${sanitize(problem.message)}\n`;
  }).join('');
}
