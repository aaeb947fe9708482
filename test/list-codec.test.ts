import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { progressOf } from '../src/model/progress.js';
import type { ReadingList } from '../src/model/types.js';
import { flatten } from '../src/model/select.js';
import { bytesOf, itemsForOnePass, monthIdColumn, packedHead, packList, RUN, runsIdColumn, splitPacked, unpackList, type Outline } from '../src/store/list-codec.js';
import { SEED } from './helpers/cli.js';
import { FIXTURES, REAL_LISTS } from './helpers/corpus.js';
import { markdownDocument } from './helpers/markdown-arbitrary.js';
import { countedText, expectBoxBytes, itemsById, listOf, packedBytes, plainList } from './helpers/model.js';

const texts = [...FIXTURES.map((path) => readFileSync(path, 'utf8')), ...REAL_LISTS.map((list) => list.text)];

const roundTrip = (list: ReadingList, text: string) => unpackList(packedBytes(list, text), text);

/** Months and headings are shared between parts of the model; the cached list must share them alike. */
function expectSharing(list: ReadingList): void {
  for (const year of list.years) {
    for (const month of year.months) expect(list.months).toContain(month);
    if (year.heading) expect(list.headings).toContain(year.heading);
  }
  for (const month of list.months) {
    expect(month.heading).toBe(month.headings[0]);
    for (const heading of month.headings) expect(list.headings).toContain(heading);
  }
  for (const problem of list.headingProblems) expect(list.headings).toContain(problem.heading);
}

describe('the cached whole list', () => {
  it('reads back as the list it was made from: the seed, every rule fixture and the real lists', async () => {
    expect(texts.length).toBeGreaterThan(9);
    for (const text of texts) {
      const list = await listOf(text);
      const back = roundTrip(list, text);
      expect(plainList(back)).toEqual(plainList(list));
      expect(expectBoxBytes(back, text)).toBe(list.months.length);
      expectSharing(back);
    }
  });

  it('keeps a string that is not written as such in the text (escapes, entities, notes over lines)', async () => {
    const text = '# 2024\n## 1月\n- [ ] 3 \\*not emphasis\\* &amp; [a link](https://x.example/a) `code`\n  more of the note\n  - a plain bullet note\n  - [x] sub *one*\n';
    const list = await listOf(text);
    const items = itemsById(list);
    expect(items.get('2024-01.1')?.title).toBe('*not emphasis* & a link code');
    expect(items.get('2024-01.1.1')?.title).toBe('sub one');
    const back = roundTrip(list, text);
    expect(plainList(back)).toEqual(plainList(list));
    expect(itemsById(back).get('2024-01.1')?.notes).toEqual(['more of the note', 'a plain bullet note']);
  });

  it('reads back on random documents', async () => {
    await fc.assert(fc.asyncProperty(markdownDocument, async (text) => {
      const list = await listOf(text);
      const back = roundTrip(list, text);
      expect(plainList(back)).toEqual(plainList(list));
      expect(expectBoxBytes(back, text)).toBe(list.months.length);
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) });
  });

  it('refuses what it did not write, rather than give another list', async () => {
    const text = readFileSync(SEED, 'utf8');
    const bytes = packedBytes(await listOf(text), text);
    expect(() => unpackList(bytes.subarray(0, bytes.length - 4), text)).toThrow();
    expect(() => unpackList(Buffer.concat([bytes, Buffer.alloc(4)]), text)).toThrow();
    // A text shorter than the one it was made for: its strings would fall outside.
    expect(() => unpackList(bytes, text.slice(0, text.length / 2))).toThrow();
  });

  it('given the bytes, decodes the text only once an item is read: progress counts the boxes in the bytes', async () => {
    const text = '# 2024\n## 1月\n- [ ] 研究 a\n- [x] b\n  - [X] c\n## 2月\n- [x] 论文 d\n- [ ] e\n';
    const list = await listOf(text);
    const bytes = packedBytes(list, text);
    const utf8 = Buffer.from(text, 'utf8');
    let decoded = 0;
    const back = unpackList(bytes, { utf8, text: () => (decoded++, text) });
    const counted = progressOf(back, { utf8, get text() { decoded++; return text; } });
    expect(counted).toEqual(progressOf(list, countedText(text)));
    expect(counted.total).toEqual({ done: 2, total: 4 });
    expect(decoded).toBe(0);
    expect(plainList(back)).toEqual(plainList(list));
    expect(decoded).toBe(1);
    // As long in UTF-16, not in bytes: another text, refused.
    expect(() => unpackList(bytes, { utf8: Buffer.from(text.replace('a', 'é'), 'utf8'), text: () => text })).toThrow(/another text/);
  });

  it('reads its integers in place where they stand at a multiple of four, and copies them elsewhere: the same list either way', async () => {
    const text = readFileSync(SEED, 'utf8');
    const list = await listOf(text);
    const bytes = packedBytes(list, text);
    const aside = Buffer.alloc(bytes.length + 1);
    bytes.copy(aside, 1);
    const unaligned = aside.subarray(1);
    const inPlace = unpackList(bytes, text);
    const copied = unpackList(unaligned, text);
    expect(inPlace.months[0]?.checkboxes.items.buffer).toBe(bytes.buffer);
    expect(copied.months[0]?.checkboxes.items.buffer).not.toBe(aside.buffer);
    expect(plainList(inPlace)).toEqual(plainList(list));
    expect(plainList(copied)).toEqual(plainList(list));
    // Cut short by less than an integer, in place or not: refused, not read as one integer fewer.
    for (const cut of [1, 2, 3]) {
      expect(() => unpackList(bytes.subarray(0, bytes.length - cut), text)).toThrow();
      expect(() => unpackList(unaligned.subarray(0, unaligned.length - cut), text)).toThrow();
    }
  });

  it('reads a month when it is first asked for, and refuses one whose items end elsewhere than the outline says', async () => {
    const text = readFileSync(SEED, 'utf8');
    const list = await listOf(text);
    const bytes = packedBytes(list, text);
    // The outline again, with the first month one item short, before the same integers.
    const { outline, ints } = splitPacked(bytes);
    const first = outline[1][0];
    if (!first) throw new Error('the seed has months');
    first[5] -= 1;
    const short = unpackList(Buffer.concat([packedHead(outline), bytesOf(ints)]), text);
    expect(short.months[1]?.items).toEqual(list.months[1]?.items);
    expect(() => short.months[0]?.items).toThrow(/do not end where the outline says/);
  });

  it('reads its headings only when first asked for, and refuses at once a month or year under a heading it does not have', async () => {
    const text = readFileSync(SEED, 'utf8');
    const list = await listOf(text);
    const bytes = packedBytes(list, text);
    // The headings' JSON, after the outline's, made to read as none: a read that needs no heading reads on.
    const headingsAt = 8 + bytes.readUInt32LE(0);
    const noHeadings = Buffer.from(bytes);
    noHeadings.fill(' ', headingsAt, headingsAt + bytes.readUInt32LE(4)).write('[]', headingsAt);
    const unread = unpackList(noHeadings, text);
    expect(unread.months.map((month) => month.items)).toEqual(list.months.map((month) => month.items));
    expect(progressOf(unread, countedText(text))).toEqual(progressOf(list, countedText(text)));
    expect(() => unread.headings).toThrow(/miscounted/);
    expect(() => unread.months[0]?.heading).toThrow(/miscounted/);
    expect(() => unread.years[0]?.heading).toThrow(/miscounted/);

    const { outline, ints } = splitPacked(bytes);
    const count = outline[0].count;
    expect(count).toBe(list.headings.length);
    const damages: ((outline: Outline) => void)[] = [
      ([, [month]]) => month && (month[3] = [count]),
      ([, [month]]) => month && (month[3] = []),
      ([, [month]]) => month && (month[3] = [-1]),
      ([, , [year]]) => year && (year[1] = count),
    ];
    for (const damage of damages) {
      const { outline: damaged } = splitPacked(bytes);
      damage(damaged);
      expect(() => unpackList(Buffer.concat([packedHead(damaged), bytesOf(ints)]), text)).toThrow(/heading the list does not have/);
    }
  });

  it('refuses an item whose numbers point outside the text or past the list, or that has fewer than no notes', async () => {
    const text = '# 2024\n## 1月\n- [ ] 研究 [a](https://a.example)\n  - a note\n- [x] b\n';
    const bytes = packedBytes(await listOf(text), text);
    const { outline, ints } = splitPacked(bytes);
    // The integers end the packed list.
    const intsAt = bytes.length - ints.byteLength;
    const firstRun = outline[1][0]?.[6];
    if (firstRun === undefined) throw new Error('the text has a month');
    expect(unpackList(bytes, text).months[0]?.items.map((item) => item.notes)).toEqual([['a note'], []]);
    const damaged: [field: number, value: number, error: RegExp][] = [
      [RUN.checkbox, -1, /checkbox outside/],
      [RUN.checkbox, text.length, /checkbox outside/],
      [RUN.title, text.length + 1, /outside the text/],
      [RUN.url + 1, -1, /outside the text/],
      [RUN.noteCount, -1, /fewer than no notes/],
      [RUN.noteCount, 1_000_000, /ends early|outside the text/],
    ];
    for (const [field, value, error] of damaged) {
      const copy = Buffer.from(bytes);
      copy.writeInt32LE(value, intsAt + 4 * (firstRun + field));
      expect(() => unpackList(copy, text).months[0]?.items, `${field} = ${value}`).toThrow(error);
    }
  });

  it('knows the column a month\'s ids line up to without making its items, as the items read', async () => {
    // Ten items and more, and subtasks under subtasks: ids of one, two and three numbers, at three depths.
    const subtasks = '  - [ ] a sub\n    - [x] a sub of a sub\n  - [ ] another\n';
    const long = `# 2025\n## 3月\n${Array.from({ length: 12 }, (_, index) => `- [ ] ${index + 1} item ${index}\n${index === 10 ? subtasks : ''}`).join('')}`;
    let checked = 0;
    for (const text of [...texts, long]) {
      const list = await listOf(text);
      const back = roundTrip(list, text);
      const { outline: [, packedMonths], ints } = packList(list, text);
      list.months.forEach((month, index) => {
        // Written apart from the model's: a month's item id has one dot more for each depth, two columns further in.
        const column = Math.max(0, ...flatten(month.items).map((item) => 2 * (item.id.split('.').length - 2) + item.id.length));
        const cached = back.months[index];
        const packed = packedMonths[index];
        if (!cached || !packed) throw new Error('the cached list has the months');
        expect(monthIdColumn(cached)).toBe(column);
        expect(monthIdColumn(month)).toBe(column);
        // As an add finds it again, off the runs.
        expect(runsIdColumn(ints, packed[6], packed[5], packed[0].length)).toBe(column);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(50);
    const longList = roundTrip(await listOf(long), long);
    expect(longList.months[0] && monthIdColumn(longList.months[0])).toBe(4 + '2025-03.11.1.1'.length);
  });

  it('gives a month\'s items for one pass afresh, without keeping them, until the month holds its own', async () => {
    const text = readFileSync(SEED, 'utf8');
    const list = await listOf(text);
    const back = roundTrip(list, text);
    back.months.forEach((month, index) => {
      const once = itemsForOnePass(month);
      expect(once.length).toBeGreaterThan(0);
      expect(once).toEqual(list.months[index]?.items);
      // Read again, not kept: new items each pass, until the month's own are read.
      expect(itemsForOnePass(month)).not.toBe(once);
      expect(itemsForOnePass(month)[0]).not.toBe(once[0]);
      const own = month.items;
      expect(itemsForOnePass(month)).toBe(own);
    });
    // A month that was not read from the cache has only its own.
    for (const month of list.months) expect(itemsForOnePass(month)).toBe(month.items);
  });
});
