import { lintList } from '../model/lint.js';
import { json, jsonIndentFor } from '../render/json.js';
import { renderProblems } from '../render/problems.js';
import { styleFor } from '../render/style.js';
import { openList, type GlobalOptions } from './context.js';
import { standardOutput } from './stdout.js';

export interface LintOptions extends GlobalOptions {
  json?: boolean;
}

/** Reports and never writes. Exit 1 when there is an error; hints alone leave it at 0. */
export async function runLint(options: LintOptions): Promise<number> {
  const { file, list, shownPath } = await openList(options);
  const problems = lintList(file.text, list);
  if (options.json) {
    standardOutput().write(json({ problems: problems.map(({ line, kind, message, severity }) => ({ line, kind, message, severity })) }, jsonIndentFor(standardOutput())));
  } else {
    standardOutput().write(renderProblems(shownPath, problems, await styleFor({ noColor: options.color === false, stream: standardOutput() })));
  }
  return problems.some((problem) => problem.severity === 'error') ? 1 : 0;
}
