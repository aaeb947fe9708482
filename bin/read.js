#!/usr/bin/env node
// Loads the bundled CLI. CommonJS on purpose (bin/package.json): an ES module entry costs every run
// ~10 ms of module loader. V8's compiled code for the bundle is kept in the cache folder (Node 20
// has no compile cache of its own): compiling the bundle is a good part of every run's start-up.
const { createHash } = require('node:crypto');
const { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const { homedir } = require('node:os');
const { join } = require('node:path');
const { Script } = require('node:vm');

const bundle = join(__dirname, '../dist/cli.cjs');
const { size, mtimeMs } = statSync(bundle);
const cacheFolder = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'read');
const codeCache = join(cacheFolder, `code-${size}-${Math.round(mtimeMs)}.v8`);
const sum = (bytes) => createHash('sha1').update(bytes).digest();

// V8 does not check cached code in release builds, and damaged code would crash the process:
// the file carries its own checksum, and anything that does not match is ignored.
let cachedData;
try {
  const file = readFileSync(codeCache);
  if (file.length > 20 && sum(file.subarray(20)).equals(file.subarray(0, 20))) cachedData = file.subarray(20);
} catch {
  // First run of this build.
}
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`;
const script = new Script(source, { filename: bundle, cachedData });
const cli = { exports: {} };
script.runInThisContext()(cli.exports, require, cli, bundle, join(bundle, '..'));

cli.exports.main(process.argv).then((code) => {
  process.exitCode = code;
  if (cachedData && !script.cachedDataRejected) return;
  try {
    mkdirSync(cacheFolder, { recursive: true });
    for (const old of readdirSync(cacheFolder).filter((name) => name.startsWith('code-'))) unlinkSync(join(cacheFolder, old));
    const data = script.createCachedData();
    const temp = `${codeCache}.${process.pid}.tmp`;
    writeFileSync(temp, Buffer.concat([sum(data), data]));
    renameSync(temp, codeCache);
  } catch {
    // No cache folder: only slower next time.
  }
});
