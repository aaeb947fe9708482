import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itemJson, json, writeListJson, type JsonBytes, type JsonIndent } from '../src/render/json.js';
import type { Sink } from '../src/render/sink.js';
import { datedItems } from '../src/model/select.js';
import type { Item, Section } from '../src/model/types.js';
import { SEED } from './helpers/cli.js';
import { listOf } from './helpers/model.js';

/** What `list --json` printed before it was written in pieces: one stringify of the whole document. */
const whole = (indent: JsonIndent, file: string, items: readonly Item[], sections: readonly { section: Section; items: readonly Item[] }[]) => json({
  file,
  items: items.map(itemJson),
  sections: sections.map(({ section, items: sectionItems }) => ({ id: section.id, title: section.title, line: section.line, items: sectionItems.map(itemJson) })),
}, indent);

/** `items` cut into batches of the sizes given, in turn: 0 is an empty batch. */
function batchesOf(items: readonly Item[], sizes: readonly number[]): Item[][] {
  const batches: Item[][] = [];
  for (let at = 0, turn = 0; at < items.length; turn++) {
    const size = sizes[turn % sizes.length] as number;
    batches.push(items.slice(at, at + size));
    at += size;
  }
  return batches;
}

/** A sink that gathers what it is given as strings. */
const textSink = (into: string[]): Sink => ({ write: (text) => into.push(text), writeBytes: (bytes) => into.push(Buffer.from(bytes).toString('utf8')) });

/** Compact, a batch as JSON already, as a month written from the cache's bytes is handed on: each item after a comma. */
const asBytes = (batch: readonly Item[]): JsonBytes => ({ bytes: Buffer.from(batch.map((item) => `,${JSON.stringify(itemJson(item))}`).join('')), count: batch.length });

/** What `writeListJson` writes, given the items in batches of `sizes`; compact, every other batch as bytes. */
const pieces = (sizes: readonly number[], ...[indent, file, items, sections]: Parameters<typeof whole>): string[] => {
  const written: string[] = [];
  const batches = batchesOf(items, sizes).map((batch, index) => (indent === 0 && index % 2 === 1 ? asBytes(batch) : batch));
  writeListJson(textSink(written), indent, file, batches, sections);
  return written;
};
const BATCHINGS = [[1], [1200], [0, 7, 0, 0, 256, 1]];
const INDENTS: JsonIndent[] = [0, 2];

describe('list --json in pieces', () => {
  it.each(INDENTS)('joins up to the whole document, byte for byte, for one piece, many, and none, in batches of any size (indent %i)', async (indent) => {
    const seed = await listOf(readFileSync(SEED, 'utf8'));
    const sections = seed.sections.map((section) => ({ section, items: section.items }));
    // 1,200 items, in batches of one item, of them all, and of sizes that vary (some empty).
    const months = Array.from({ length: 12 }, (_, month) => `## ${month + 1}月\n${Array.from({ length: 100 }, (__, n) => `- [${n % 3 ? ' ' : 'x'}] ${(n % 28) + 1} [T "${month}.${n}" \\\\ é](https://e.example/${n})\n  - a note`).join('\n')}\n`);
    const long = await listOf(`# 2024\n${months.join('\n')}`);
    const cases: Parameters<typeof whole>[] = [
      [indent, 'read.md', datedItems(seed), sections],
      [indent, indent === 0 ? 'a "items":[] name.md' : 'a "items": [] name.md', datedItems(long), []],
      [indent, 'read.md', [], sections],
      [indent, 'read.md', [], []],
    ];
    expect(datedItems(long)).toHaveLength(1200);
    for (const sizes of BATCHINGS) {
      for (const args of cases) expect(pieces(sizes, ...args).join('')).toBe(whole(...args));
    }
    expect(pieces([1], indent, 'read.md', datedItems(long), []).length).toBeGreaterThan(1200);
    expect(pieces([1200], indent, 'read.md', datedItems(long), [])).toHaveLength(3);
    // Batches handed over as they are read, as `list --json` does a few months at a time.
    const streamed: string[] = [];
    const asRead = function* asRead() {
      for (const batch of batchesOf(datedItems(long), [100, 0, 300])) yield indent === 0 ? asBytes(batch) : batch;
    };
    writeListJson(textSink(streamed), indent, 'read.md', asRead(), sections);
    expect(streamed.join('')).toBe(whole(indent, 'read.md', datedItems(long), sections));
  });

  it('writes any items, in any batches, as one stringify of the whole document would (random values, any UTF-16)', () => {
    // Any code unit, lone surrogates and controls included: JSON escapes them, and must the same way here.
    const text = fc.string({ unit: fc.nat(0xffff).map((code) => String.fromCharCode(code)), maxLength: 12 });
    const number = fc.option(fc.nat(99_999), { nil: null });
    const item = fc.record({
      id: text, year: number, month: number, day: number, title: text, url: fc.option(text, { nil: null }), done: fc.boolean(),
      line: fc.nat(), parent: fc.option(text, { nil: null }), notes: fc.array(text, { maxLength: 3 }),
    }).map((values): Item => ({ ...values, subtasks: [], source: { start: 0, end: 0, checkOffset: 0, marker: '-', indent: 0 } }));
    const sizes = fc.array(fc.nat(40), { minLength: 1, maxLength: 5 }).filter((sizes) => sizes.some((size) => size > 0));
    fc.assert(fc.property(fc.array(item, { maxLength: 1100 }), text, fc.constantFrom(...INDENTS), sizes, (items, file, indent, batchSizes) => {
      expect(pieces(batchSizes, indent, file, items, []).join('')).toBe(whole(indent, file, items, []));
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) / 3 });
  });
});
