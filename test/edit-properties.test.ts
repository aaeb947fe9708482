import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { diffLines } from 'diff';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownDocument } from './helpers/markdown-arbitrary.js';
import { FIXTURES } from './helpers/corpus.js';
import { SEED, read, readInProcess, tempDir, tempList } from './helpers/cli.js';
import { listOf } from './helpers/model.js';
import { verifyAdded } from '../src/commands/add-check.js';
import { conventionsOf } from '../src/edit/conventions.js';

beforeAll(() => {
  process.env.XDG_STATE_HOME = tempDir();
});

const SPECIALS = [
  '*', '_', '`', '``', '[', ']', '<', '>', '\\', '#', '- ', '1. ', '1) ', '+ ', '> ', '&', '&amp;', '&#49;', '!', '~', '~~',
  '|', '(', ')', ':', '"', "'", ' ', '\t', '12 ', '7 ', '0', '测试', '研究', '🎉', '👩‍💻', 'https://x.example/a_b', 'www.example.com',
  'a@b.co', '[x]', '[ ]', '**', '<b>', '<!--', '-->', '[^1]', '\\*', '![', '](', '$', '{', '}',
];
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const piece = fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 }));
const title = fc.array(piece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(''))
  .filter((text) => text.trim() !== '' && !/[\n\r\u2028\u2029]/.test(text) && !CONTROL.test(text));
const urlPiece = fc.oneof(fc.constantFrom(' ', '(', ')', '<', '>', '\\', '&amp;', '&#49;', '测', '"', "'", '`', '*', '_', '[', ']', '#', '?a=1&b=2'), fc.string({ maxLength: 5 }));
const url = fc.oneof(fc.webUrl(), fc.tuple(fc.webUrl(), fc.array(urlPiece, { maxLength: 5 })).map(([base, pieces]) => base + pieces.join('')))
  .filter((text) => text.trim() !== '' && !/[\n\r\u2028\u2029]/.test(text) && !CONTROL.test(text));

interface JsonItem { id: string; year: number | null; month: number | null; title: string; url: string | null; day: number | null; done: boolean; parent: string | null }
async function listedIn(file: string): Promise<{ items: JsonItem[]; sections: { items: JsonItem[] }[] }> {
  return JSON.parse((await readInProcess(['list', '--json', '--file', file])).stdout) as { items: JsonItem[]; sections: { items: JsonItem[] }[] };
}
async function itemsOf(file: string): Promise<JsonItem[]> {
  return (await listedIn(file)).items;
}
async function itemOf(file: string, id: string): Promise<JsonItem | undefined> {
  return (await itemsOf(file)).find((item) => item.id === id);
}

describe('add reads back exactly what was given', () => {
  it('for arbitrary titles and urls (in process, many runs)', async () => {
    await fc.assert(fc.asyncProperty(title, fc.option(url, { nil: undefined }), fc.constantFrom('2023-05-31', '2023-04', '2026-12-07', '2023'), async (given, link, date) => {
      const file = tempList(SEED);
      const added = await readInProcess(['add', '--date', date, '--file', file, '--', given, ...(link === undefined ? [] : [link])]);
      expect(added.status, added.stderr).toBe(0);
      const item = await itemOf(file, added.stdout.trim());
      expect(item).toMatchObject({ title: given.trim(), url: link === undefined ? null : link.trim() });
      if (date === '2023-05-31') expect(item?.day).toBe(31);
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) });
  });

  it('for arbitrary titles and urls (built CLI as child processes)', () => {
    const file = tempList(SEED);
    fc.assert(fc.property(title, url, (given, link) => {
      const added = read(['add', '--date', '2023-04', '--file', file, '--', given, link], { env: { XDG_STATE_HOME: process.env.XDG_STATE_HOME } });
      expect(added.status, added.stderr).toBe(0);
      const { items } = JSON.parse(read(['list', '--json', '--file', file]).stdout) as { items: JsonItem[] };
      expect(items.find((item) => item.id === added.stdout.trim())).toMatchObject({ title: given.trim(), url: link.trim() });
    }), { numRuns: 8 });
  });
});

describe('add on any document', () => {
  // How an item reads, ids aside: a new month or year may stand before others and leave ids alone,
  // but nothing else may change.
  const reading = ({ year, month, day, title, url, done, parent }: JsonItem) => [year, month, day, title, url, done, parent === null];

  it('only adds lines, the new item reads back and every other item reads the same; or it refuses and writes nothing', async () => {
    await fc.assert(fc.asyncProperty(markdownDocument, fc.constantFrom('2024-03', '2024-03-05', '2024', '2023-05', '2026-12'), async (text, date) => {
      const file = tempList({ text });
      const before = await itemsOf(file);
      const added = await readInProcess(['add', '--date', date, '--file', file, '--', 'New paper', 'https://new.example/a']);
      const after = readFileSync(file, 'utf8');
      if (added.status !== 0) {
        expect(added.status, added.stderr).toBe(1);
        expect(added.stderr).toContain('nothing was written');
        expect(after).toBe(text);
        return;
      }
      expect(diffLines(text, after).filter((part) => part.removed)).toEqual([]);
      const items = await itemsOf(file);
      const id = added.stdout.trim();
      expect(items.find((item) => item.id === id)).toMatchObject({ title: 'New paper', url: 'https://new.example/a', done: false });
      expect(items.filter((item) => item.id !== id).map(reading)).toEqual(before.map(reading));
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) });
  });
});

describe('what add checks before it writes', () => {
  // The property above accepts a refusal: these are the refusals, on lists read from real text.
  const request = { title: 'New', url: 'https://new.example', done: false, year: 2024, month: 3, day: 5 };
  const month = (lines: string) => `# 2024\n\n## 2024-03\n\n${lines}`;
  const before = month('- [ ] 1 First https://a.example\n- [x] 2 Second\n');
  const check = async (after: string, id = '2024-03.3') => verifyAdded(await listOf(before), await listOf(after), id, request);

  it('passes the new item read back as given, every other item as before', async () => {
    await expect(check(month('- [ ] 1 First https://a.example\n- [x] 2 Second\n- [ ] 5 [New](https://new.example)\n'))).resolves.toBeUndefined();
  });
  it('refuses a new item that reads otherwise, or is not there', async () => {
    await expect(check(month('- [ ] 1 First https://a.example\n- [x] 2 Second\n- [ ] 5 [New](https://other.example)\n'))).rejects.toThrow('reads back as given');
    await expect(check(month('- [ ] 1 First https://a.example\n- [x] 2 Second\n- [ ] 6 [New](https://new.example)\n'))).rejects.toThrow('reads back as given');
    await expect(check(month('- [ ] 1 First https://a.example\n- [x] 2 Second\n'))).rejects.toThrow('reads back as given');
  });
  it('refuses when any other item would read differently, go or come', async () => {
    const added = '- [ ] 5 [New](https://new.example)\n';
    await expect(check(month(`- [ ] 1 First https://b.example\n- [x] 2 Second\n${added}`))).rejects.toThrow('change how other items read');
    await expect(check(month(`- [ ] 1 First https://a.example\n- [ ] 2 Second\n${added}`))).rejects.toThrow('change how other items read');
    await expect(check(month(`- [ ] 1 First https://a.example\n${added}`), '2024-03.2')).rejects.toThrow('change how other items read');
    await expect(check(month(`- [ ] 1 First https://a.example\n- [x] 2 Second\n${added}- [ ] 9 Stray\n`))).rejects.toThrow('change how other items read');
    await expect(check(month(`- [ ] 1 First https://a.example\n  - [x] 2 Second\n${added}`), '2024-03.2')).rejects.toThrow('change how other items read');
  });
});

describe('done then undone is the identity', () => {

  const everyItemOf = async (file: string): Promise<JsonItem[]> => {
    const { items, sections } = await listedIn(file);
    return [...items, ...sections.flatMap((section) => section.items)];
  };

  // An edit that only checks boxes leaves the list it derived in the cache: it must be what the file reads as.
  const readsAsCached = async (file: string): Promise<void> => {
    const cached = await readInProcess(['list', '--json', '--file', file]);
    expect(cached.stdout).toBe((await readInProcess(['list', '--json', '--no-cache', '--file', file])).stdout);
  };
  // Open items: done then undone gives the same bytes. Done items the other way round, up to the
  // case of the mark: `done` writes the file's usual mark, and a file may mix `[x]` and `[X]`.
  const roundTrip = async (file: string, item: JsonItem, original: Buffer): Promise<void> => {
    const [first, second] = item.done ? ['undone', 'done'] : ['done', 'undone'];
    expect((await readInProcess([first, item.id, '--file', file])).status).toBe(0);
    expect(readFileSync(file).equals(original)).toBe(false);
    await readsAsCached(file);
    expect((await readInProcess([second, item.id, '--file', file])).status).toBe(0);
    await readsAsCached(file);
    const after = readFileSync(file);
    if (item.done) expect(after.toString('latin1').toLowerCase()).toBe(original.toString('latin1').toLowerCase());
    else expect(after.equals(original)).toBe(true);
    if (item.done) after.copy(original);
  };

  it('on any item of any fixture', async () => {
    for (const fixture of FIXTURES) {
      const file = tempList(fixture);
      const original = readFileSync(file);
      const all = await everyItemOf(file);
      if (all.length === 0) continue;
      await fc.assert(fc.asyncProperty(fc.constantFrom(...all), (item) => roundTrip(file, item, original)), { numRuns: Math.min(all.length * 2, 30) });
    }
  });

  it('on any item of any document', async () => {
    await fc.assert(fc.asyncProperty(markdownDocument, fc.nat(), async (text, pick) => {
      const file = tempList({ text });
      const all = await everyItemOf(file);
      const item = all[pick % Math.max(1, all.length)];
      if (item) await roundTrip(file, item, readFileSync(file));
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) });
  });
});

describe('how add writes a day', () => {
  it('zero-padded exactly when some task line has a day written so (random lines)', async () => {
    const line = fc.array(fc.constantFrom('- ', '* ', '1. ', '12) ', '[ ] ', '[x] ', '[X] ', '[y] ', ']', ' ', '\t', '07 ', '0', '7 ', '09\t', 'a', '[', '> '), { maxLength: 6 }).map((parts) => parts.join(''));
    await fc.assert(fc.asyncProperty(fc.array(line, { maxLength: 8 }), async (lines) => {
      const text = lines.join('\n');
      // What a line of a padded day looks like, tried at the start of every line.
      const expected = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\][ \t]+0\d[ \t]/m.test(text);
      expect(conventionsOf({ text, eol: '\n' }, await listOf(text)).dayPadded).toBe(expected);
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) * 3 });
  });
});
