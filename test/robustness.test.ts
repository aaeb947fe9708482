import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateList } from '../bench/generate.mjs';
import { BIN, cleanEnv, read, readInProcess, tempDir } from './helpers/cli.js';
import { FIXTURES, REAL_LISTS } from './helpers/corpus.js';
import { listOf, wholeParseListOf } from './helpers/model.js';

const { tests: specExamples } = createRequire(import.meta.url)('commonmark-spec') as { tests: { markdown: string; number: number }[] };
// The spec writes tabs as →.
const examples = specExamples.map(({ markdown, number }) => ({ number, markdown: markdown.replace(/→/g, '\t') }));
const inMonth = (markdown: string) => `# 2024\n\n## 1月\n- [ ] before\n${markdown}\n- [ ] after\n`;

describe('no crash, no hang, on any input', () => {
  const dir = tempDir();

  it('read list --json exits 0 with valid JSON for every CommonMark spec example, alone and inside a month', async () => {
    for (const { number, markdown } of examples) {
      for (const [variant, text] of [['alone', markdown], ['in-month', inMonth(markdown)]] as const) {
        const file = join(dir, `${number}-${variant}.md`);
        writeFileSync(file, text);
        const run = await readInProcess(['list', '--json', '--file', file]);
        expect(run.status, `example ${number} ${variant}: ${run.stderr}`).toBe(0);
        expect(() => JSON.parse(run.stdout), `example ${number} ${variant}`).not.toThrow();
      }
    }
  });

  it('the same holds for a sample run as real child processes', () => {
    for (const { number } of examples.filter((_, index) => index % 50 === 0)) {
      const run = read(['list', '--json', '--file', join(dir, `${number}-in-month.md`)]);
      expect(run.status, `example ${number}`).toBe(0);
      expect(JSON.parse(run.stdout)).toHaveProperty('items');
    }
  });

  it('a pipe closed early (read list | head -1) ends quietly with status 0', () => {
    const month = Array.from({ length: 3000 }, (_, index) => `- [ ] item ${index} https://example.com/${index}\n`).join('');
    const file = join(dir, 'long.md');
    writeFileSync(file, `# 2024\n\n## 1月\n${month}`);
    // The list is far bigger than a pipe holds, so the CLI is still writing when head exits.
    const piped = spawnSync('bash', ['-c', `set -o pipefail; node '${BIN}' list --file '${file}' | head -1`], { env: cleanEnv(), encoding: 'utf8' });
    expect(piped.stdout).toBe('2024\n');
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
  });

  const longList = () => {
    const file = join(dir, 'long-json.md');
    writeFileSync(file, generateList(3000));
    return { file, piped: read(['list', '--json', '--file', file]) };
  };

  it('printed to a file, the output is the same bytes as through a pipe', () => {
    const { file, piped } = longList();
    const printed = join(dir, 'printed.json');
    const run = spawnSync('bash', ['-c', `node '${BIN}' list --json --file '${file}' > '${printed}'`], { env: cleanEnv(), encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(500_000);
    expect(readFileSync(printed).equals(Buffer.from(piped.stdout))).toBe(true);
  });

  // A pipe's "do not block" setting is shared by both its ends: a reader may set it (Python here;
  // Node's own children get their standard streams set to block). Full, the pipe then refuses
  // writes until the reader, slow on purpose, takes some.
  it.skipIf(spawnSync('python3', ['-c', '']).status !== 0)('a pipe whose reader set it not to block gets every byte', () => {
    const { file, piped } = longList();
    const reader = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      'child = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'chunks = []',
      'while chunk := os.read(r, 4096):',
      '    chunks.append(chunk)',
      '    time.sleep(0.0002)',
      'sys.stdout.buffer.write(b"".join(chunks))',
      'sys.exit(child.wait())',
    ].join('\n');
    const run = spawnSync('python3', ['-c', reader, process.execPath, BIN, 'list', '--json', '--file', file], { env: cleanEnv(), maxBuffer: 1 << 26 });
    expect(run.status, run.stderr.toString()).toBe(0);
    expect(run.stdout.equals(Buffer.from(piped.stdout))).toBe(true);
  });

  it('every real public list reads, with items where the list has tasks', () => {
    expect(REAL_LISTS.length === 0 || REAL_LISTS.length >= 11).toBe(true);
    for (const { name, text } of REAL_LISTS) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const run = read(['list', '--json', '--file', file]);
      expect(run.status, name).toBe(0);
      const { items, sections } = JSON.parse(run.stdout) as { items: unknown[]; sections: { items: unknown[] }[] };
      const taskCount = (text.match(/^\s*(?:[-*+]|\d+[.)]) \[[ xX]\]/gm) ?? []).length;
      if (taskCount > 0 && !/^>/m.test(text)) expect(items.length + sections.reduce((sum, section) => sum + section.items.length, 0), name).toBeGreaterThan(0);
    }
  });
});

describe('sectioned parsing gives the model of one whole parse', () => {
  it('on the fixtures and the real lists', async () => {
    for (const text of [...FIXTURES.map((path) => readFileSync(path, 'utf8')), ...REAL_LISTS.map((list) => list.text)]) {
      expect(await listOf(text)).toEqual(wholeParseListOf(text));
    }
  });

  it('on every CommonMark spec example, inside a month and between headings', async () => {
    for (const { number, markdown } of examples) {
      const text = `# 2024\n\n## 1月\n${markdown}\n## 2月\n- [ ] x\n${markdown}\n# Other\n[foo]: /url\n`;
      expect(await listOf(text), `example ${number}`).toEqual(wholeParseListOf(text));
    }
  });
});
