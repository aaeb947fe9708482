export interface OutputOptions {
  /** `--no-color` given. */
  noColor?: boolean;
  /** Where it prints: colour only on a terminal, never when not given. */
  stream?: { readonly isTTY?: boolean; getColorDepth?(env?: NodeJS.ProcessEnv): number };
  env?: NodeJS.ProcessEnv;
}

type Paint = (text: string) => string;

/** The few colours `read` uses; identity functions when there is no colour. */
export interface Style {
  level: 0 | 1 | 2 | 3;
  bold: Paint;
  dim: Paint;
  green: Paint;
  yellow: Paint;
  cyan: Paint;
  red: Paint;
}

const same: Paint = (text) => text;
const plain: Style = { level: 0, bold: same, dim: same, green: same, yellow: same, cyan: same, red: same };

/**
 * Colour only on a terminal that has it (Node reports one bit for `TERM=dumb`), never with
 * `NO_COLOR` (any non-empty value) or `--no-color`.
 */
export function colorLevel({ noColor = false, stream, env = process.env }: OutputOptions): 0 | 1 | 2 | 3 {
  if (noColor || env.NO_COLOR || !stream?.isTTY) return 0;
  // Node takes an empty NO_COLOR for one; no-color.org says it is not set.
  const depth = stream.getColorDepth?.({ ...env, NO_COLOR: undefined }) ?? 4;
  return depth >= 24 ? 3 : depth >= 8 ? 2 : depth >= 4 ? 1 : 0;
}

/** chalk is loaded only when there is colour to print: piped output pays nothing for it. */
export async function styleFor(options: OutputOptions): Promise<Style> {
  const level = colorLevel(options);
  if (level === 0) return plain;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level });
  return {
    level,
    bold: (text) => chalk.bold(text),
    dim: (text) => chalk.dim(text),
    green: (text) => chalk.green(text),
    yellow: (text) => chalk.yellow(text),
    cyan: (text) => chalk.cyan(text),
    red: (text) => chalk.red(text),
  };
}
