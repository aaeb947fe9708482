import { Chalk, type ChalkInstance } from 'chalk';

export interface OutputOptions {
  /** `--no-color` given. */
  noColor?: boolean;
  stream?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
}

/** Colour only on a terminal, never with `NO_COLOR` (any non-empty value) or `--no-color`. */
export function colorLevel({ noColor = false, stream = process.stdout, env = process.env }: OutputOptions): 0 | 1 | 2 | 3 {
  if (noColor || env.NO_COLOR || !stream.isTTY) return 0;
  const depth = stream.getColorDepth?.(env) ?? 4;
  return depth >= 24 ? 3 : depth >= 8 ? 2 : 1;
}

export function styleFor(options: OutputOptions): ChalkInstance {
  return new Chalk({ level: colorLevel(options) });
}
