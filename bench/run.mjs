// Whole-process timings of `read` against the floor (`node -e 0`), measured in the same run as
// alternating pairs, so that a busy machine slows both sides alike. Prints a table of the median of
// the pairs' ratios, and peak RSS. Usage: npm run bench [-- --sizes 100,1000,10000,100000 --reps 15]
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateList } from './generate.mjs';
import { peers } from './peers.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const sizes = argument('sizes', '100,1000,10000,100000').split(',').map(Number);
// Warm pairs per command. Seven moved a ratio by ±0.2 from one run to the next on this shared
// machine (10k progress: 1.31, 1.92, 1.53); the median of fifteen moves less. At 100,000 items too:
// nine gave `list --json` 3.11 in one run and 3.30 in the next, for builds a few ms apart.
const reps = Number(argument('reps', 15));
const bin = new URL('../bin/read.js', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'read-bench-'));
// Its lists (up to 8 MB each) and caches go however the run ends, a failed command or Ctrl-C included.
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
process.on('SIGINT', () => process.exit(130));
const hasTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;

/**
 * Wall time (ms) and peak RSS (MiB) of one process. Its output is read from a pipe, as a reader of
 * it would, and kept as bytes: decoding it happens after the process has exited but inside the
 * timing, and took this script 12 ms for the 3 MB that an indented `list --json` printed at 10,000
 * items, 116 ms for the 30 MB at 100,000 — time no process of the command spends.
 */
function measure(command, args, env) {
  const started = process.hrtime.bigint();
  const result = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { env, maxBuffer: 1 << 30 })
    : spawnSync(command, args, { env, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const stderr = result.stderr.toString('utf8');
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${stderr}`);
  const rss = hasTime ? Number(stderr.trim().split('\n').at(-1)) / 1024 : NaN;
  return { ms, rss };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A command's words: given, or made anew for each run. */
const argvOf = (command) => (typeof command === 'function' ? command() : command);

/**
 * `runs` pairs of (floor, command), each run right after the other; `prepare` runs before each pair,
 * untimed. `command`: its words, or a function that makes them for each run. The ratio is the
 * median of the pairs' ratios: the load of a shared machine drifts over seconds (the floor's median
 * moved from 83 to 127 ms within one run), and a pair's two runs share it, where the median of
 * each side alone does not (lists of 100 items came out faster than `node -e 0`).
 */
function paired(command, env, runs, prepare = () => {}) {
  const floor = [];
  const own = [];
  const ratios = [];
  const rss = [];
  for (let index = 0; index < runs; index++) {
    prepare();
    floor.push(measure(process.execPath, ['-e', '0'], env).ms);
    const [program, ...args] = argvOf(command);
    const run = measure(program, args, env);
    own.push(run.ms);
    ratios.push(run.ms / floor[index]);
    rss.push(run.rss);
  }
  return { ratio: median(ratios), ms: median(own), floorMs: median(floor), rss: Math.max(...rss) };
}

// The page the product was made for, as a person runs it most: `read list`, the cache settled.
const seedEnv = { ...process.env, XDG_CACHE_HOME: join(work, 'cache-seed'), NO_COLOR: '1' };
const seedList = [process.execPath, bin, 'list', '--file', new URL('../fixtures/seed.md', import.meta.url).pathname];
for (let settle = 0; settle < 3; settle++) execFileSync(seedList[0], seedList.slice(1), { env: seedEnv, stdio: 'ignore' });
const seedPairs = reps * 3;
const seed = paired(seedList, seedEnv, seedPairs);
process.stderr.write(`seed list: ${seed.ratio.toFixed(2)}×\n`);

const rows = [];
const peerRows = [];
for (const size of sizes) {
  const source = join(work, `list-${size}.md`);
  writeFileSync(source, generateList(size));
  const file = join(work, `read-${size}.md`);
  const cache = join(work, `cache-${size}`);
  const env = { ...process.env, XDG_CACHE_HOME: cache, XDG_STATE_HOME: join(work, 'state'), NO_COLOR: '1' };
  const read = (...args) => [process.execPath, bin, ...args, '--file', file];
  const restore = () => copyFileSync(source, file);
  const readJson = (...args) => JSON.parse(execFileSync(process.execPath, read(...args, '--json').slice(1), { env, maxBuffer: 1 << 30, encoding: 'utf8' }));
  restore();
  // An item that is open, so that done really edits the file.
  const openId = readJson('list', '--open').items[0].id;
  // A new item each run, as a person adds one. The same item again, on the same text put back,
  // would make the same section its run before made, whose digest is then cached: no real add
  // finds that, and it hid the digests file being written anew (12 MB at 100,000 items).
  let added = 0;
  const commands = [
    ['list', read('list')],
    ['list --json', read('list', '--json')],
    ['progress', read('progress')],
    ['add', () => read('add', `Bench item ${++added}`, `https://example.com/bench/${added}`, '--date', '2026-12-05'), 'edits'],
    ['done', read('done', openId), 'edits'],
  ];
  const big = size >= 100_000;
  for (const [name, args, edits] of commands) {
    restore();
    // Cold: no parse cache and no code cache, every time.
    const cold = paired(args, env, big ? (name === 'list' ? 1 : 0) : Math.max(3, Math.floor(reps / 4)), () => { restore(); rmSync(cache, { recursive: true, force: true }); });
    // Warm: the cache has seen the file as it is. An edit changes it, so it is put back and read
    // again (untimed) before each run, as the command before it would have. Two untimed runs first
    // settle the command's compiled code: the cold runs left it with the parser in it, which the
    // first warm run drops and the second makes again without.
    restore();
    readJson('list');
    for (let settle = 0; settle < 2; settle++) {
      const [program, ...words] = argvOf(args);
      execFileSync(program, words, { env, maxBuffer: 1 << 30, stdio: 'ignore' });
      if (edits) {
        restore();
        readJson('list');
      }
    }
    const warm = paired(args, env, reps, edits ? () => { restore(); readJson('list'); } : restore);
    rows.push({ size, name, cold, warm });
    process.stderr.write(`${size} ${name}: cold ${Number.isFinite(cold.ratio) ? cold.ratio.toFixed(2) : '—'}× warm ${warm.ratio.toFixed(2)}×\n`);
  }
  for (const { tool, restore, commands: peerCommands } of peers(size, work)) {
    for (const [name, command, peerEnv] of peerCommands) {
      const run = paired(command, peerEnv, big ? 3 : reps, restore);
      peerRows.push({ size, tool, name, run });
      process.stderr.write(`${size} ${tool} ${name}: ${run.ratio.toFixed(2)}×\n`);
    }
  }
}

const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
console.log('\n| items | command | cold × floor | cold ms | warm × floor | warm ms | floor ms | peak RSS warm (MiB) | peak RSS cold (MiB) |');
console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
for (const { size, name, cold, warm } of rows) {
  console.log(`| ${size} | ${name} | ${fmt(cold.ratio)} | ${fmt(cold.ms, 0)} | ${fmt(warm.ratio)} | ${fmt(warm.ms, 0)} | ${fmt(warm.floorMs, 0)} | ${fmt(warm.rss, 0)} | ${fmt(cold.rss, 0)} |`);
}
if (peerRows.length > 0) {
  console.log('\nThe same lists in the tools people use instead (warm: they keep no cache to build):\n');
  console.log('| items | tool | command | × floor | ms | peak RSS (MiB) |');
  console.log('|---:|---|---|---:|---:|---:|');
  for (const { size, tool, name, run } of peerRows) console.log(`| ${size} | ${tool} | ${name} | ${fmt(run.ratio)} | ${fmt(run.ms, 0)} | ${fmt(run.rss, 0)} |`);
}
console.log(`\nread list on the seed, warm: ${fmt(seed.ratio)}× the floor (${fmt(seed.ms, 1)} ms against ${fmt(seed.floorMs, 1)} ms, ${seedPairs} pairs), peak RSS ${fmt(seed.rss, 0)} MiB`);
const coldList = (size) => rows.find((row) => row.size === size && row.name === 'list')?.cold.ms;
if (coldList(1000) && coldList(10000)) console.log(`\ncold list, 10k / 1k time: ${(coldList(10000) / coldList(1000)).toFixed(1)} (linear: 10)`);
