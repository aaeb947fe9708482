// Bundles the CLI into one ESM file: start-up is most of what a person waits for.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
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

// CommonJS, so that the Node built-ins a command does not use are never loaded: an ES module bundle
// hoists every import to the top, and loads them all at start-up.
await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  plugins: [startupStubs],
  minify: true,
  legalComments: 'none',
  define: { PACKAGE_VERSION: JSON.stringify(version), BUILD_ID: JSON.stringify(buildId.digest('hex').slice(0, 16)) },
  logLevel: 'warning',
});
