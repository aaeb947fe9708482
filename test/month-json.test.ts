import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateList } from '../bench/generate.mjs';
import { flatten, matches } from '../src/model/select.js';
import type { Month } from '../src/model/types.js';
import { itemJson } from '../src/render/json.js';
import { unpackList } from '../src/store/list-codec.js';
import { monthJson, type ItemState } from '../src/store/month-json.js';
import { read, tempDir, tempList } from './helpers/cli.js';
import { FIXTURES, REAL_LISTS } from './helpers/corpus.js';
import { markdownDocument } from './helpers/markdown-arbitrary.js';
import { listOf, packedBytes } from './helpers/model.js';

const STATES: ItemState[] = [undefined, 'open', 'done'];

/** A month's items as `list --json` writes them from the model: `itemJson`, stringified, each after a comma. */
function fromItems(month: Month, state: ItemState): { json: string; count: number } {
  const items = flatten(month.items).filter((item) => matches(item, { state }));
  return { json: items.map((item) => `,${JSON.stringify(itemJson(item))}`).join(''), count: items.length };
}

/**
 * Every month of `text`, cached and read back against the bytes as a warm `list` reads it, written
 * by `monthJson` in each state, equals the JSON of its items as read by the parser. How many months.
 */
async function expectJsonOfItems(text: string): Promise<number> {
  const list = await listOf(text);
  const cached = unpackList(packedBytes(list, text), { utf8: Buffer.from(text, 'utf8'), text: () => text });
  cached.months.forEach((month, index) => {
    for (const state of STATES) {
      const written = monthJson(month, state);
      expect(written).toBeDefined();
      // Read at once: the bytes are the writer's, used again by the next call.
      const json = { json: Buffer.from(written?.bytes ?? []).toString('utf8'), count: written?.count };
      expect(json).toEqual(fromItems(list.months[index] as Month, state));
    }
  });
  return cached.months.length;
}

/** Titles, urls and notes of any characters: what JSON escapes, what UTF-8 takes two, three or four bytes for. */
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', '\\', '\t', '\u0001', '\u001f', '\u007f', 'é', '研', '😀', '\u2028', '&amp;', '*', '[', ']', '`', '<b>', ' '),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 10,
});

describe('a month\'s --json written from the cache\'s bytes', () => {
  it('is the JSON of its items: the seed, every rule fixture and the real lists', async () => {
    let months = 0;
    for (const path of FIXTURES) months += await expectJsonOfItems(readFileSync(path, 'utf8'));
    for (const { text } of REAL_LISTS) months += await expectJsonOfItems(text);
    expect(months).toBeGreaterThan(30);
  });

  it('is the JSON of its items for titles, urls and notes of any characters, subtasks and months written twice', async () => {
    const item = fc.record({ box: fc.constantFrom(' ', 'x', 'X', '\t'), day: fc.option(fc.integer({ min: 1, max: 31 }), { nil: null }), title: anyText, url: fc.option(anyText, { nil: null }), note: fc.option(anyText, { nil: null }), depth: fc.nat(2) });
    const line = ({ box, day, title, url, note, depth }: { box: string; day: number | null; title: string; url: string | null; note: string | null; depth: number }) => {
      const indent = '  '.repeat(depth);
      const text = url === null ? title : `[${title}](<https://e.example/${url}>)`;
      return `${indent}- [${box}] ${day ?? ''} ${text}${note === null ? '' : `\n${indent}  ${note}`}`;
    };
    const month = fc.tuple(fc.constantFrom('## 3月', '## 4月', '## 3🈷️'), fc.array(item, { maxLength: 6 }));
    await fc.assert(fc.asyncProperty(fc.array(month, { minLength: 1, maxLength: 4 }), fc.boolean(), async (months, crlf) => {
      const text = `# 2024\n${months.map(([heading, items]) => `${heading}\n${items.map(line).join('\n')}\n`).join('\n')}`;
      expect(await expectJsonOfItems(crlf ? text.replaceAll('\n', '\r\n') : text)).toBeGreaterThan(0);
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) });
  });

  it('is the JSON of its items on random documents', async () => {
    await fc.assert(fc.asyncProperty(markdownDocument, async (text) => {
      await expectJsonOfItems(text);
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) });
  });

  it('is not written for a month the cache did not give, or gave against the text rather than its bytes', async () => {
    const text = '# 2024\n## 3月\n- [ ] 1 a "title"\n';
    const list = await listOf(text);
    expect(monthJson(list.months[0] as Month, undefined)).toBeUndefined();
    const againstText = unpackList(packedBytes(list, text), text);
    expect(monthJson(againstText.months[0] as Month, undefined)).toBeUndefined();
  });

  it('makes a long list\'s --json, warm, byte for byte the one made from its items on the first read', () => {
    // Long enough (2 MiB) for V8 to optimize, where list --json writes from the bytes; with items no generated list has.
    const odd = ['## 2🈷️', '- [x] 3 [A "quoted" \\ title 😀 研究](https://e.example/q?a=1&b="2")', '  a note\twith a tab', '  - [ ] 4 a subtask &amp; more', '    - [X] deeper 🎉', '- [ ] plain `code` *emphasis*'].join('\n');
    const text = `# 2027\n${odd}\n\n${generateList(27_000)}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
    const file = tempList({ text });
    const env = { XDG_CACHE_HOME: tempDir(), READ_NO_CACHE: '', READ_DEBUG: 'json' };
    const first = read(['list', '--json', '--file', file], { env });
    const warm = read(['list', '--json', '--file', file], { env });
    const open = read(['list', '--json', '--open', '--file', file], { env });
    expect([first.status, warm.status, open.status]).toEqual([0, 0, 0]);
    expect(first.stderr).toMatch(/read: 0 of \d+ months written from the cache's bytes/);
    const months = Number(/of (\d+) months/.exec(first.stderr)?.[1]);
    expect(months).toBeGreaterThan(300);
    expect(warm.stderr).toContain(`read: ${months} of ${months} months written from the cache's bytes`);
    expect(warm.stdout).toBe(first.stdout);
    const items = (JSON.parse(first.stdout) as { items: { id: string; title: string; done: boolean }[] }).items;
    expect(items.find(({ id }) => id === '2027-02.1')?.title).toBe('A "quoted" \\ title 😀 研究');
    expect(JSON.parse(open.stdout)).toEqual({ ...JSON.parse(first.stdout), items: items.filter(({ done }) => !done) });
  }, 120_000);
});
