#!/usr/bin/env node
// Loads the bundled CLI. CommonJS on purpose (bin/package.json): an ES module entry costs every run
// ~10 ms of module loader. V8's compiled code for the bundle is kept in the cache folder (Node 20
// has no compile cache of its own): compiling the bundle is a good part of every run's start-up.
const { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const { homedir } = require('node:os');
const { isAbsolute, join } = require('node:path');
const { Script } = require('node:vm');
const { crc32 } = require('node:zlib');

const bundle = join(__dirname, '../dist/cli.cjs');
const { size, mtimeMs } = statSync(bundle);
// As src/store/state-dir.ts has it: a relative $XDG_CACHE_HOME is ignored, as the XDG spec says.
const xdgCache = process.env.XDG_CACHE_HOME;
const cacheFolder = join(xdgCache && isAbsolute(xdgCache) ? xdgCache : join(homedir(), '.cache'), 'read');
// One code cache per command: V8 keeps what the run that made it compiled, and a cache shared by
// all would hold only the first command's code; every other command would compile its own again on
// every run (`progress` 18 ms at 10,000 items). The command is the first word that can name one.
const command = process.argv.slice(2).find((word) => /^[a-z_][a-z_-]{0,15}$/.test(word)) ?? 'read';
const build = `code-${size}-${Math.round(mtimeMs)}-`;
const codeCache = join(cacheFolder, `${build}${command}.v8`);
/** Words that name no command (`read -f notes list`) make files too: the newest few are kept. */
const KEPT_CODE_CACHES = 16;
// V8 does not check cached code in release builds, and damaged code would crash the process:
// the file carries its own checksum, and anything that does not match is ignored. A CRC-32, not a
// hash: node:crypto took every run 2.6 ms to load. A byte after the checksum says whether the run
// that made it loaded the parser.
const SUM_BYTES = 4;
const sum = (bytes) => {
  const checksum = Buffer.alloc(SUM_BYTES);
  checksum.writeUInt32BE(crc32(bytes));
  return checksum;
};
let cachedData;
let cachedParser = false;
try {
  const file = readFileSync(codeCache);
  if (file.length > SUM_BYTES + 1 && sum(file.subarray(SUM_BYTES)).equals(file.subarray(0, SUM_BYTES))) {
    cachedParser = file[SUM_BYTES] === 1;
    cachedData = file.subarray(SUM_BYTES + 1);
  }
} catch {
  // First run of this command in this build.
}
// The bundle is ASCII (build.mjs): read as Latin-1, it is one byte a character, with nothing to decode.
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'latin1')}\n})`;
const script = new Script(source, { filename: bundle, cachedData });
const cli = { exports: {} };
script.runInThisContext()(cli.exports, require, cli, bundle, join(bundle, '..'));

cli.exports.main(process.argv).then((code) => {
  process.exitCode = code;
  keepCompiledCode(cli.exports.parserLoaded());
  exitOnceWritten();
});

function keepCompiledCode(parser) {
  if (cachedData && !script.cachedDataRejected) {
    // Code cached by a first run that parsed holds the parser: twice the size, and loading it cost a
    // warm `list` 27 ms at 10,000 items. Any cache made from it would hold the parser too, so a run
    // that did not parse drops it, and the next run makes a lean one. `add` parses every time: its
    // cache keeps the parser.
    if (cachedParser && !parser) {
      try {
        unlinkSync(codeCache);
      } catch {
        // Another run dropped it first.
      }
    }
    return;
  }
  try {
    mkdirSync(cacheFolder, { recursive: true });
    // This build's newest caches stay, with room for this one; other builds' go.
    const kept = readdirSync(cacheFolder).filter((name) => name.startsWith(build) && name.endsWith('.v8'))
      .map((name) => ({ name, mtime: statSync(join(cacheFolder, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime).slice(0, KEPT_CODE_CACHES - 1).map(({ name }) => name);
    for (const name of readdirSync(cacheFolder)) if (name.startsWith('code-') && !kept.includes(name)) unlinkSync(join(cacheFolder, name));
    const data = script.createCachedData();
    const temp = `${codeCache}.${process.pid}.tmp`;
    const payload = Buffer.concat([Buffer.from([parser ? 1 : 0]), data]);
    writeFileSync(temp, Buffer.concat([sum(payload), payload]));
    renameSync(temp, codeCache);
  } catch {
    // No cache folder: only slower next time.
  }
}

// When `main` is done, nothing of ours is pending, but V8 may have housekeeping scheduled (a
// scavenge, a marking step), and Node runs it before it exits: 5 to 20 ms at the end of an `add` of
// 10,000 items. Output still on its way to a slow reader is not cut short: that exit waits for it.
// Only standard output can be long. Standard error carries a line or two, which any pipe takes at
// once, and asking after it would make the stream (2.5 ms) in runs that never wrote to it.
function exitOnceWritten() {
  if (!cli.exports.stillPrinting()) process.exit();
}
