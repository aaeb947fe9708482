import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateList } from '../bench/generate.mjs';
import type { ItemState } from '../src/model/select.js';
import type { Month } from '../src/model/types.js';
import { renderList, type ListView } from '../src/render/list.js';
import type { Sink } from '../src/render/sink.js';
import { styleFor } from '../src/render/style.js';
import { widthFor } from '../src/render/width.js';
import { cachedMonthJson, unpackList } from '../src/store/list-codec.js';
import { monthJson } from '../src/store/month-json.js';
import { monthLines } from '../src/store/month-lines.js';
import { read, SEED, tempDir, tempList } from './helpers/cli.js';
import { FIXTURES, REAL_LISTS } from './helpers/corpus.js';
import { markdownDocument } from './helpers/markdown-arbitrary.js';
import { jsonOfItems, listOf, packedBytes } from './helpers/model.js';

const STATES: ItemState[] = [undefined, 'open', 'done'];

/** A month as `read list` renders it from the model, plain, with an id column `idColumn` wide: its item lines, and its heading's counts. */
async function linesOfItems(month: Month, idColumn: number): Promise<{ lines: string; done: number; items: number }> {
  const written: string[] = [];
  const sink: Sink = { write: (text) => written.push(text), writeBytes: () => expect.unreachable() };
  const year = { year: month.year, heading: null, months: [month], items: [] };
  const view: ListView = { all: false, sections: [], years: [{ year, items: [], months: [{ month, items: () => ({ all: month.items, shown: month.items }), idColumn: () => 0 }] }] };
  const options = { style: await styleFor({ noColor: true }), width: await widthFor(true), survey: { empty: new Set<Month>(), idColumn, plainAscii: true } };
  renderList(view, options, sink);
  const [, heading = '', ...lines] = written.join('').split('\n');
  const [done, items] = (/ (\d+)\/(\d+)$/.exec(heading) ?? []).slice(1).map(Number);
  return { lines: lines.join('\n'), done: done ?? NaN, items: items ?? NaN };
}

/**
 * Every month of `text`, cached and read back against the bytes as a warm `list` reads it, written
 * from the bytes, equals what is written from its items as read by the parser: as JSON in each
 * state, and as lines with id columns narrower and wider than its ids. So does its JSON built
 * from its runs and the text (`cachedMonthJson`). How many months.
 */
async function expectWrittenAsItems(text: string): Promise<number> {
  const list = await listOf(text);
  const cached = unpackList(packedBytes(list, text), { utf8: Buffer.from(text, 'utf8'), text: () => text });
  for (const [index, month] of cached.months.entries()) {
    const parsed = list.months[index] as Month;
    // Each read at once: the bytes are the writers', used again by the next call.
    for (const state of STATES) {
      const expected = jsonOfItems(parsed, state);
      const json = monthJson(month, state);
      expect(json).toBeDefined();
      expect({ json: Buffer.from(json?.bytes ?? []).toString('utf8'), count: json?.count }).toEqual(expected);
      expect(cachedMonthJson(month, state)).toEqual(expected);
    }
    for (const idColumn of [0, 12, 20]) {
      const lines = monthLines(month, idColumn);
      expect(lines).toBeDefined();
      expect({ lines: Buffer.from(lines?.bytes ?? []).toString('utf8'), done: lines?.done, items: lines?.items }).toEqual(await linesOfItems(parsed, idColumn));
    }
  }
  return cached.months.length;
}

/** Titles, urls and notes of any characters: what JSON escapes, what `sanitize` takes out (and its neighbours), what UTF-8 takes two, three or four bytes for. */
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', '\\', '\t', '\u0001', '\u001f', '\u007f', '\u0085', '\u009f', '\u00a0', '\u202e', '\u202f', '\u2067', '\u001b[31m', '\u001b]0;x\u0007', 'é', '研', '😀', '\u2028', '&amp;', '*', '[', ']', '`', '<b>', ' '),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 10,
});

describe('a month written from the cache\'s bytes', () => {
  it('is what its items make, as JSON and as lines: the seed, every rule fixture and the real lists', async () => {
    let months = 0;
    for (const path of FIXTURES) months += await expectWrittenAsItems(readFileSync(path, 'utf8'));
    for (const { text } of REAL_LISTS) months += await expectWrittenAsItems(text);
    expect(months).toBeGreaterThan(30);
  });

  it('is what its items make for titles, urls and notes of any characters, subtasks and months written twice', async () => {
    const item = fc.record({ box: fc.constantFrom(' ', 'x', 'X', '\t'), day: fc.option(fc.integer({ min: 1, max: 31 }), { nil: null }), title: anyText, url: fc.option(anyText, { nil: null }), note: fc.option(anyText, { nil: null }), depth: fc.nat(2) });
    const line = ({ box, day, title, url, note, depth }: { box: string; day: number | null; title: string; url: string | null; note: string | null; depth: number }) => {
      const indent = '  '.repeat(depth);
      const text = url === null ? title : `[${title}](<https://e.example/${url}>)`;
      return `${indent}- [${box}] ${day ?? ''} ${text}${note === null ? '' : `\n${indent}  ${note}`}`;
    };
    const month = fc.tuple(fc.constantFrom('## 3月', '## 4月', '## 3🈷️'), fc.array(item, { maxLength: 6 }));
    await fc.assert(fc.asyncProperty(fc.array(month, { minLength: 1, maxLength: 4 }), fc.boolean(), async (months, crlf) => {
      const text = `# 2024\n${months.map(([heading, items]) => `${heading}\n${items.map(line).join('\n')}\n`).join('\n')}`;
      expect(await expectWrittenAsItems(crlf ? text.replaceAll('\n', '\r\n') : text)).toBeGreaterThan(0);
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) });
  });

  it('is what its items make on random documents', async () => {
    await fc.assert(fc.asyncProperty(markdownDocument, async (text) => {
      await expectWrittenAsItems(text);
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) });
  });

  it('is not written for a month the cache did not give; from its bytes, not for one it gave against the text', async () => {
    const text = '# 2024\n## 3月\n- [ ] 1 a "title"\n';
    const list = await listOf(text);
    expect(monthJson(list.months[0] as Month, undefined)).toBeUndefined();
    expect(monthLines(list.months[0] as Month, 10)).toBeUndefined();
    expect(cachedMonthJson(list.months[0] as Month, undefined)).toBeUndefined();
    const againstText = unpackList(packedBytes(list, text), text);
    expect(monthJson(againstText.months[0] as Month, undefined)).toBeUndefined();
    expect(monthLines(againstText.months[0] as Month, 10)).toBeUndefined();
    // Built from the runs and the text, it needs no bytes.
    expect(cachedMonthJson(againstText.months[0] as Month, undefined)).toEqual({ json: ',{"id":"2024-03.1","year":2024,"month":3,"day":1,"title":"a \\"title\\"","url":null,"done":false,"line":3,"parent":null,"notes":[]}', count: 1 });
  });

  it('makes a long list\'s lines and --json, warm, byte for byte what its items make on a first read', () => {
    // Long enough (2 MiB) for V8 to optimize, where a month is written from the bytes; with items no generated list has.
    const odd = [
      '## 2🈷️', '- [x] 3 [A "quoted" \\ title 😀 研究](https://e.example/q?a=1&b="2")', '  a note\twith a tab', '  - [ ] 4 a subtask &amp; more',
      '    - [X] deeper 🎉', '- [ ] plain `code` *emphasis*', '- [ ] 5 \u001b[31mred\u001b[0m and \u202eevil\u202c [x](https://e.example/\u0085)',
    ].join('\n');
    const text = `# 2027\n${odd}\n\n${generateList(27_000)}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
    const file = tempList({ text });
    const env = { XDG_CACHE_HOME: tempDir(), READ_NO_CACHE: '', READ_DEBUG: 'cache' };
    const first = read(['list', '--file', file], { env });
    const warm = read(['list', '--file', file], { env });
    const json = read(['list', '--json', '--file', file], { env });
    const open = read(['list', '--json', '--open', '--file', file], { env });
    const parsed = read(['list', '--json', '--no-cache', '--file', file], { env });
    expect([first, warm, json, open, parsed].map(({ status }) => status)).toEqual([0, 0, 0, 0, 0]);
    expect(first.stderr).toMatch(/read: 0 of \d+ months written from the cache, 0 from the page's bytes/);
    const months = Number(/of (\d+) months/.exec(first.stderr)?.[1]);
    expect(months).toBeGreaterThan(300);
    for (const run of [warm, json, open]) expect(run.stderr).toContain(`read: ${months} of ${months} months written from the cache, ${months} from the page's bytes`);
    expect(warm.stdout).toBe(first.stdout);
    // The id column fits 2027-02.1.1.1 two levels down (4 + 13 columns): a month's own item's id stands 8 short, then a space and its day.
    expect(first.stdout).toContain('\n  2027-02  2🈷️  1/3\n    [x] 2027-02.1          3 A "quoted" \\ title 😀 研究  https://e.example/q?a=1&b="2"\n');
    // What sanitize takes out (escape sequences, bidi overrides, a C1 control) is gone from the title and url.
    expect(first.stdout).toContain('\n    [ ] 2027-02.3          5 red and evil x  https://e.example/\n');
    expect(json.stdout).toBe(parsed.stdout);
    const items = (JSON.parse(parsed.stdout) as { items: { id: string; title: string; done: boolean }[] }).items;
    expect(items.find(({ id }) => id === '2027-02.1')?.title).toBe('A "quoted" \\ title 😀 研究');
    expect(JSON.parse(open.stdout)).toEqual({ ...JSON.parse(parsed.stdout), items: items.filter(({ done }) => !done) });
  }, 120_000);

  it('makes a short list\'s --json, warm, built from the kept list, byte for byte what its items make on a first read', () => {
    const file = tempList(SEED);
    const env = { XDG_CACHE_HOME: tempDir(), READ_NO_CACHE: '', READ_DEBUG: 'cache' };
    const listed = (...more: string[]) => read(['list', '--json', ...more, '--file', file], { env });
    const [first, warm, done] = [listed(), listed(), listed('--done')];
    const parsedDone = read(['list', '--json', '--done', '--no-cache', '--file', file], { env });
    expect(first.stderr).toContain('read: 0 of 5 months written from the cache, 0 from the page\'s bytes');
    for (const run of [warm, done]) expect(run.stderr).toContain('read: 5 of 5 months written from the cache, 0 from the page\'s bytes');
    expect(warm.stdout).toBe(first.stdout);
    expect(done.stdout).toBe(parsedDone.stdout);
    expect((JSON.parse(done.stdout) as { items: unknown[] }).items.length).toBeGreaterThan(10);
  });
});
