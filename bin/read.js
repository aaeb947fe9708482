#!/usr/bin/env node
// Loads the bundled CLI. V8's compiled code for it is kept in the cache folder (Node 20 has no
// compile cache of its own): compiling the bundle is a good part of every run's start-up.
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';

const bundle = new URL('../dist/cli.cjs', import.meta.url).pathname;
const { size, mtimeMs } = statSync(bundle);
const cacheFolder = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'read');
const codeCache = join(cacheFolder, `code-${size}-${Math.round(mtimeMs)}.v8`);
let cachedData;
try {
  cachedData = readFileSync(codeCache);
} catch {
  // First run of this build.
}
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`;
const script = new Script(source, { filename: bundle, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, join(bundle, '..'));
process.exitCode = await module.exports.main(process.argv);
if (!cachedData || script.cachedDataRejected) {
  try {
    mkdirSync(cacheFolder, { recursive: true });
    for (const old of readdirSync(cacheFolder).filter((name) => name.startsWith('code-'))) unlinkSync(join(cacheFolder, old));
    writeFileSync(codeCache, script.createCachedData());
  } catch {
    // No cache folder: only slower next time.
  }
}
