// Bundles the CLI into one CommonJS file: start-up is most of what a person waits for.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

// Section digests cached by one build may not hold for another: the sources and the lock file
// name the build, and the cache ignores files from any other.
const buildId = createHash('sha1');
for (const file of ['package-lock.json', ...readdirSync('src', { recursive: true }).map((name) => `src/${name}`).filter((name) => name.endsWith('.ts')).sort()]) {
  buildId.update(file).update(readFileSync(file));
}

/**
 * Two dependencies do work at load time that read never needs, on every run:
 * - commander loads `child_process` (for executable subcommands, unused here), which pulls in net,
 *   dgram and streams: it gets a stand-in that loads the real module on first use;
 * - chalk probes the terminal through its vendored supports-color (tty, os): read always sets the
 *   colour level itself (src/render/style.ts), so the probe answers "no colour".
 */
const stubs = {
  'lazy-child-process': "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
  'no-supports-color': 'export default { stdout: false, stderr: false }; export function createSupportsColor() { return false; }',
};
const startupStubs = {
  name: 'startup-stubs',
  setup(plugin) {
    plugin.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (args.importer.includes('commander') ? { path: 'lazy-child-process', namespace: 'stub' } : undefined));
    plugin.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'no-supports-color', namespace: 'stub' }));
    plugin.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => ({ contents: stubs[args.path], loader: 'js' }));
  },
};

/**
 * cli-table3 measures every cell through string-width 4 and strip-ansi 6, which ask ansi-regex and
 * emoji-regex for a new RegExp on every call: half of `read progress` on a long list went there.
 * Their regexes are global and used only with String#replace, which leaves lastIndex at 0, so one
 * of each serves every call; the table drawn is the same (test/progress-lint.test.ts compares it).
 */
const require = createRequire(import.meta.url);
const sameRegexEveryCall = {
  name: 'same-regex-every-call',
  setup(plugin) {
    plugin.onResolve({ filter: /^(ansi-regex|emoji-regex)$/ }, (args) => (args.importer.includes('/cli-table3/')
      ? { path: require.resolve(args.path, { paths: [args.resolveDir] }), namespace: 'memo' }
      : undefined));
    plugin.onLoad({ filter: /.*/, namespace: 'memo' }, (args) => ({
      contents: `const make = require(${JSON.stringify(args.path)}); let made; module.exports = (...options) => (options.length > 0 ? make(...options) : (made ??= make()));`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * `read progress` draws its body as one row of cells many lines long (src/render/progress.ts), and
 * two of cli-table3's functions are slow for that:
 * - it measures the same few strings (bars, counts, percentages) again and again, several times a
 *   line, through string-width even when they are printable ASCII, one column a character, and a
 *   cell of many lines line by line again: the widths are remembered, ASCII is counted, and a cell
 *   is as wide as its widest line;
 * - each line drawn cut the whole cell to ten columns for a debug message, kept only when its debug
 *   option is on (read never turns it on): quadratic in a cell's lines, minutes at 100,000 items.
 * What they draw is unchanged (test/progress-lint.test.ts compares the table with an unpatched
 * cli-table3). A cli-table3 whose code reads differently fails the build rather than go unpatched.
 */
const tableFunctions = {
  cell: [
    ['let content = utils.truncate(this.content, 10, this.truncate);', 'let content = this.content;'],
  ],
  utils: [
    [`function strlen(str) {`, `const widths = new Map();
function strlen(str) {
  const text = '' + str;
  let width = widths.get(text);
  if (width === undefined) {
    if (text.includes('\\n')) {
      width = 0;
      for (const line of text.split('\\n')) width = Math.max(width, strlen(line));
    } else {
      width = /^[ -~]*$/.test(text) ? text.length : measuredWidth(text);
    }
    widths.set(text, width);
  }
  return width;
}

function measuredWidth(str) {`],
  ],
};
const quickerTable = {
  name: 'quicker-table',
  setup(plugin) {
    plugin.onLoad({ filter: /cli-table3[\\/]src[\\/](cell|utils)\.js$/ }, (args) => {
      const file = /(cell|utils)\.js$/.exec(args.path)?.[1];
      let contents = readFileSync(args.path, 'utf8');
      for (const [original, quicker] of tableFunctions[file]) {
        if (!contents.includes(original)) throw new Error(`cli-table3's ${file}.js no longer has ${original.split('(')[0]}: check it and update build.mjs`);
        contents = contents.replace(original, quicker);
      }
      return { contents, loader: 'js' };
    });
  },
};

// CommonJS, so that the Node built-ins a command does not use are never loaded: an ES module bundle
// hoists every import to the top, and loads them all at start-up.
const { outputFiles: [bundle] } = await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  plugins: [startupStubs, sameRegexEveryCall, quickerTable],
  minify: true,
  legalComments: 'none',
  define: { PACKAGE_VERSION: JSON.stringify(version), BUILD_ID: JSON.stringify(buildId.digest('hex').slice(0, 16)) },
  logLevel: 'warning',
  write: false,
});

/**
 * The bundle in ASCII, which bin/read.js reads as one byte a character: a source with a single
 * character beyond ASCII is two bytes a character in V8, and was decoded as UTF-8 on every run
 * (`read list` on the seed 107 -> 103 ms). esbuild escapes such characters in strings and templates,
 * not in regular expressions (dates like `2023年4月`, `✅` stamps): they are escaped here, one
 * UTF-16 unit at a time, which a regular expression reads as the same characters, with or without
 * its `u` flag. Minified, the bundle has no comments in which an escape would read differently.
 */
const ascii = bundle.text.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
mkdirSync(dirname(bundle.path), { recursive: true });
writeFileSync(bundle.path, ascii);
