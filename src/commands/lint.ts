import { lintList } from '../model/lint.js';
import { json, jsonIndentFor } from '../render/json.js';
import { renderProblems } from '../render/problems.js';
import { styleFor } from '../render/style.js';
import { openList, type GlobalOptions } from './context.js';

export interface LintOptions extends GlobalOptions {
  json?: boolean;
}

/** Reports and never writes. Exit 1 when there is an error; hints alone leave it at 0. */
export async function runLint(options: LintOptions): Promise<number> {
  const { file, list, shownPath } = await openList(options);
  const problems = lintList(file.text, list);
  if (options.json) {
    process.stdout.write(json({ problems: problems.map(({ line, kind, message, severity }) => ({ line, kind, message, severity })) }, jsonIndentFor(process.stdout)));
  } else {
    process.stdout.write(renderProblems(shownPath, problems, await styleFor({ noColor: options.color === false })));
  }
  return problems.some((problem) => problem.severity === 'error') ? 1 : 0;
}
