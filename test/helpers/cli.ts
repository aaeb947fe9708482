import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin/read.js');
export const SEED = join(ROOT, 'fixtures/seed.md');
export const SHARED = resolve(ROOT, '../shared');

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * The suite runs in one of four cache modes (READ_TEST_CACHE): on (default, warm as it goes), off
 * (READ_NO_CACHE), cold (a fresh cache folder for every run), corrupt (every cache file damaged
 * before every run). The cache must never change an answer, so every test passes in every mode.
 */
const cacheMode = process.env.READ_TEST_CACHE ?? 'on';

function prepareCache(): void {
  const folder = join(process.env.XDG_CACHE_HOME ?? '', 'read');
  // Retries: a run started a moment ago may be writing into the folder while it is removed.
  if (cacheMode === 'cold') rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
  if (cacheMode !== 'corrupt' || !existsSync(folder)) return;
  readdirSync(folder).forEach((name, index) => {
    const path = join(folder, name);
    // Processes started a moment ago may be renaming their temp files into place right now.
    const bytes = readIfStillThere(path);
    if (bytes === undefined) return;
    if (index % 3 === 0) writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
    else if (index % 3 === 1) writeFileSync(path, Buffer.from(bytes.toString('latin1').replace(/\n(.{0,40}?)[a-z]/s, (match) => match.toUpperCase()), 'latin1'));
    else writeFileSync(path, 'garbage');
  });
}

function readIfStillThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** An environment without the caller's colour, file and cache settings, so every run starts equal. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  prepareCache();
  const env: NodeJS.ProcessEnv = { ...process.env };
  // CI too: the colour libraries read it, and a test must run the same here and in CI.
  for (const key of ['NO_COLOR', 'NODE_DISABLE_COLORS', 'FORCE_COLOR', 'CI', 'READ_FILE', 'READ_COMMIT', 'READ_NO_CACHE', 'READ_DEBUG']) delete env[key];
  if (cacheMode === 'off') env.READ_NO_CACHE = '1';
  return { ...env, ...extra };
}

/** Runs the built CLI as a child process. */
export function read(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cleanEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    // A long list's --json is megabytes: more than the 1 MiB spawnSync keeps by default.
    maxBuffer: 1 << 28,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The same, asynchronously: for many processes at once. */
export function readAsync(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: cleanEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('close', (status) => resolvePromise({ status: status ?? -1, stdout, stderr }));
  });
}

/** A fresh folder in the test file's own (test/helpers/setup.ts), which goes when the file's tests end. */
export function tempDir(): string {
  return mkdtempSync(join(process.env.READ_TEST_SCRATCH ?? tmpdir(), 'list-'));
}

/** A private copy of a fixture (or of the given text) in a fresh temp folder. */
export function tempList(source: string | { text: string | Uint8Array }, name = 'read.md'): string {
  const path = join(tempDir(), name);
  if (typeof source === 'string') copyFileSync(source, path);
  else writeFileSync(path, source.text);
  chmodSync(path, 0o644);
  return path;
}

type Main = (argv: string[], stdout: { write(chunk: Uint8Array | string): unknown; writableLength: number }) => Promise<number>;
let loadedMain: Main | undefined;

/**
 * Runs the built CLI's `main` inside this process, capturing what it prints: the same bundle as
 * the child-process runs, for suites that run it thousands of times.
 */
export async function readInProcess(args: string[]): Promise<Run> {
  loadedMain ??= (createRequire(import.meta.url)(join(ROOT, 'dist/cli.cjs')) as { main: Main }).main;
  prepareCache();
  // Copied as written: `list` hands on bytes from a buffer it then fills again.
  const printed: Buffer[] = [];
  let stderr = '';
  const stderrWrite = process.stderr.write;
  process.stderr.write = ((chunk: string) => { stderr += chunk; return true; }) as typeof process.stderr.write;
  try {
    const status = await loadedMain(['node', 'read', ...args], { write: (chunk) => printed.push(Buffer.from(chunk)), writableLength: 0 });
    return { status, stdout: Buffer.concat(printed).toString('utf8'), stderr };
  } finally {
    process.stderr.write = stderrWrite;
  }
}

/** Runs the CLI on a pseudo-terminal (util-linux `script`), so that stdout is a TTY. */
export function readOnTty(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const command = [process.execPath, BIN, ...args].map((word) => `'${word.replace(/'/g, "'\\''")}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: cleanEnv({ TERM: 'xterm-256color', ...env }), encoding: 'utf8', timeout: 60_000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
