import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addedInSection, verifyAdded } from '../src/commands/add-check.js';
import type { ReadBack } from '../src/commands/edit-session.js';
import type { AddPlan, AddRequest } from '../src/edit/add.js';
import { applySplices } from '../src/edit/splice.js';
import { readSections } from '../src/model/read-list.js';
import { everyItem } from '../src/model/resolve.js';
import type { SectionDigest } from '../src/model/digest.js';
import type { Item, Month } from '../src/model/types.js';
import { markdownDocument } from './helpers/markdown-arbitrary.js';
import { expectBoxBytes, joined, jsonOfItems, listOf, plainList } from './helpers/model.js';
import { packList, unpackList } from '../src/store/list-codec.js';
import { packedWithItem } from '../src/store/list-insertion.js';
import { monthJson } from '../src/store/month-json.js';

/** Section digests an add kept for the next command, derived without a parse: the text each is for, and the digest. */
let keptSections: [source: string, digest: SectionDigest][] = [];

const readBack = (after: string): ReadBack => ({
  list: () => listOf(after),
  sections: async (sources) => (await readSections(sources)).digests,
  knownSection: (source, digest) => keptSections.push([source, digest]),
});

const request: AddRequest = { title: 'New', url: null, year: 2024, month: 3, day: 5, done: false };

/** Add's check of the changed section alone, of `text` inserted after `follows` and claimed as `id`. */
async function checkInSection(before: string, follows: Item, text: string, id: string, asked = request) {
  const plan: AddPlan = { splice: { start: follows.source.end, end: follows.source.end, text }, id, follows };
  const after = applySplices(before, [plan.splice]);
  return { after, added: await addedInSection(before, await listOf(before), plan, asked, readBack(after)) };
}

/** Whether that check passes. */
async function passesInSection(...args: Parameters<typeof checkInSection>): Promise<boolean> {
  return (await checkInSection(...args)).added !== undefined;
}

describe('add checks the section it changed', () => {
  const page = '# 2024\n\n## 3月\n- [ ] 1 First\n- plain\n  - [x] 2 Under plain\n- [ ] 3 Third\n\n## 2月\n- [ ] 1 Other\n';
  const item = async (id: string) => everyItem(await listOf(page)).find((candidate) => candidate.id === id) as Item;

  it('passes a task written after another, in the place and with the id the plan gave it', async () => {
    expect(await passesInSection(page, await item('2024-03.3'), '\n- [ ] 5 New', '2024-03.4')).toBe(true);
    expect(await passesInSection(page, await item('2024-03.1'), '\n- [ ] 5 New', '2024-03.2')).toBe(true);
    // Beside a task that stands under a plain bullet: a month's item all the same.
    expect(await passesInSection(page, await item('2024-03.2'), '\n  - [ ] 5 New', '2024-03.3')).toBe(true);
  });

  it('keeps the section with the item put in, as parsing it gives, after a task at the top of a list: one with subtasks, one before others', async () => {
    const nested = '# 2024\n\n## 3月\n- [ ] 1 First\n  - [ ] sub\n- plain\n  - [x] 2 Under plain\n- [ ] 3 Third\n\n## 2月\n- [ ] 1 Other\n';
    const of = async (id: string) => everyItem(await listOf(nested)).find((candidate) => candidate.id === id) as Item;
    const cases: [follows: string, text: string, id: string, kept: boolean][] = [
      ['2024-03.1', '\n- [ ] 5 New', '2024-03.2', true],
      ['2024-03.3', '\n- [ ] 5 New', '2024-03.4', true],
      // Under a plain bullet, and written at the top: read alone, the task it follows and it stand in one list; in the section, not.
      ['2024-03.2', '\n- [ ] 5 New', '2024-03.3', false],
      ['2024-03.2', '\n  - [ ] 5 New', '2024-03.3', false],
    ];
    for (const [follows, text, id, kept] of cases) {
      keptSections = [];
      const { after, added } = await checkInSection(nested, await of(follows), text, id);
      expect(added, follows).toBeDefined();
      expect(keptSections).toHaveLength(kept ? 1 : 0);
      for (const [source, digest] of keptSections) {
        expect(source).toBe(after.slice(after.indexOf('## 3月'), after.indexOf('## 2月')));
        expect(digest).toEqual((await readSections([source])).digests[0]);
      }
    }
  });

  it('cannot tell, and leaves it to reading the whole list, for anything else', async () => {
    const third = await item('2024-03.3');
    const cases: [text: string, id: string, asked?: AddRequest][] = [
      ['\n- [ ] 5 New', '2024-03.3'], // not the id the item gets
      ['\n- [ ] 6 New', '2024-03.4'], // another day
      ['\n- [x] 5 New', '2024-03.4'], // done
      ['\n- [ ] 5 New', '2024-03.4', { ...request, url: 'https://new.example' }],
      ['\n  - [ ] 5 New', '2024-03.4'], // a subtask of the third
      ['\n- [ ] 5 New\n# 2025', '2024-03.4'], // a heading: the sections split anew
      ['\n- [ ] 5 New\n```', '2024-03.4'], // a fence left open
      ['\n- [ ] 5 New\n[x]: /y', '2024-03.4'], // a link definition
      ['\n- [ ] 5 New\n- [ ] 5 New', '2024-03.4'], // two
      [' New', '2024-03.4'], // the third's title changed
      ['\n\n    - [ ] 5 New', '2024-03.4'], // code
    ];
    for (const [text, id, asked] of cases) expect(await passesInSection(page, third, text, id, asked), text).toBe(false);
  });

  it('takes the section between two of the list’s headings, not a heading an HTML block swallowed', async () => {
    // The HTML block that ends March runs over the April heading: the second item is March's.
    const open = '# 2024\n## 3月\n- [ ] 1 First\n\n<div>\n## 4月\n\n- [ ] 2 Second\n';
    const second = everyItem(await listOf(open)).find((candidate) => candidate.title === 'Second') as Item;
    expect(second.id).toBe('2024-03.2');
    expect(await passesInSection(open, second, '\n- [ ] 5 New', '2024-03.3')).toBe(true);
    expect(await passesInSection(open, second, '\n- [ ] 5 New', '2024-04.1')).toBe(false);
  });

  it('passes only what reading the whole list back passes too, and keeps the list that reading gives (random pages and insertions)', async () => {
    const inserted = fc.constantFrom(
      '\n- [ ] 5 New', '\n  - [ ] 5 New', '\n    - [ ] 5 New', '\n* [ ] 5 New', '\n1. [ ] 5 New', '\n2) [ ] 5 New', '\n- [ ] New', '\n- [ ] 5 New\n',
      '\n\n- [ ] 5 New', '\n- [ ] 5 New\n# 2024', '\n> - [ ] 5 New', '\n- 5 New', '\n- [ ] 5 New\n  - [ ] sub', '\nNew', ' New', '\n<div>\n- [ ] 5 New',
      '\n```\n- [ ] 5 New', '\n- [ ] 5 [New]', '\n- [ ] 5 [New][r]', '\n- [ ] 5 New\n---', '\n- [ ] 5 New\n===', '\n  - [ ] 5 New\n- [ ] 6 Old',
    );
    let passed = 0;
    let kept = 0;
    let derived = 0;
    let written = 0;
    // Random Markdown around a dated skeleton, so that most pages have items to add after.
    const pages = fc.tuple(markdownDocument, markdownDocument, markdownDocument)
      .map(([head, march, february]) => `${head}# 2024\n## 3月\n- [ ] 1 Seed\n${march}## 2月\n- [x] 2 Other\n${february}`);
    await fc.assert(fc.asyncProperty(pages, inserted, fc.nat(), async (page, text, pick) => {
      const items = everyItem(await listOf(page)).filter((candidate) => candidate.parent === null && candidate.year !== null);
      const follows = items[pick % Math.max(items.length, 1)];
      if (!follows) return;
      const id = `${follows.id.slice(0, follows.id.lastIndexOf('.'))}.${Number(follows.id.slice(follows.id.lastIndexOf('.') + 1)) + 1}`;
      const asked = { ...request, year: follows.year ?? 0, month: follows.month, day: /\n *\S+ \[ \] 5/.test(text) ? 5 : follows.day };
      keptSections = [];
      const { after, added } = await checkInSection(page, follows, text, id, asked);
      if (!added) return;
      passed++;
      // The section's digest kept for the next command: what parsing that section of the text after gives.
      for (const [source, digest] of keptSections) {
        expect(after).toContain(source);
        expect(digest).toEqual((await readSections([source])).digests[0]);
        derived++;
      }
      const [was, now] = [await listOf(page), await listOf(after)];
      expect(() => verifyAdded(was, now, id, asked)).not.toThrow();
      // What add keeps for the next command: the list before, packed, with the new item put in.
      const packed = packedWithItem(packList(was, page), added.insertion, added.item, added.follows);
      if (packed) {
        kept++;
        const back = unpackList(joined(packed), after);
        expect(plainList(back)).toEqual(plainList(now));
        expect(expectBoxBytes(back, after)).toBe(now.months.length);
        // Read against the bytes, each month is written from them as its items are.
        const fromBytes = unpackList(joined(packed), { utf8: Buffer.from(after, 'utf8'), text: () => after });
        for (const [index, month] of fromBytes.months.entries()) {
          const json = monthJson(month, undefined);
          if (json) written++;
          if (json) expect(Buffer.from(json.bytes).toString('utf8')).toBe(jsonOfItems(now.months[index] as Month, undefined).json);
        }
      }
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) });
    expect(passed).toBeGreaterThan(10);
    expect(kept).toBeGreaterThan(10);
    expect(derived).toBeGreaterThan(10);
    expect(written).toBeGreaterThan(10);
  });

  it('keeps the list that reading gives when months stand before and after the new item, one of them on both sides', async () => {
    // March under two headings, around February: its first item before the new one, its last after.
    const page = '# 2024\n## 4月\n- [ ] 1 April\n  - [ ] sub [a](https://a.example)\n## 3月\n- [ ] 1 Early March\n## 2月\n- [x] 2 Other\n  note\n## 3月\n- [ ] 9 Late March\n## 1月\n- [ ] 3 January\n';
    const was = await listOf(page);
    for (const follows of everyItem(was).filter((item) => item.parent === null)) {
      const id = `${follows.id.slice(0, follows.id.lastIndexOf('.'))}.${Number(follows.id.slice(follows.id.lastIndexOf('.') + 1)) + 1}`;
      const { after, added } = await checkInSection(page, follows, '\n- [ ] 5 New', id, { ...request, month: follows.month, day: 5 });
      if (!added) throw new Error(`the check of ${follows.id} did not pass`);
      const packed = packedWithItem(packList(was, page), added.insertion, added.item, added.follows);
      if (!packed) throw new Error(`no list kept after ${follows.id}`);
      const now = await listOf(after);
      expect(plainList(unpackList(joined(packed), after)), follows.id).toEqual(plainList(now));
    }
  });
});
