import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressOf } from '../src/model/progress.js';
import { ROOT } from './helpers/cli.js';
import { countedText, itemsById, listOf } from './helpers/model.js';

const fixtureText = (name: string) => readFileSync(join(ROOT, 'fixtures/rules', name), 'utf8');
const fixture = async (name: string) => listOf(fixtureText(name));
/** id → title, for every item (subtasks too), in document order. */
const titles = async (name: string) => Object.fromEntries([...itemsById(await fixture(name))].map(([id, item]) => [id, item.title]));

// Each expectation below was worked out by hand from the fixture and the contract's rules.
describe('the model rules, one fixture each', () => {
  it('1: front matter is not content, even when it holds `# 2020`', async () => {
    const list = await fixture('front-matter.md');
    expect(list.years.map((year) => year.year)).toEqual([2024]);
    expect(await titles('front-matter.md')).toEqual({ '2024-03.1': 'a' });
  });

  it('2: year headings with 年, emoji, or setext underline', async () => {
    expect(await titles('year-headings.md')).toEqual({ '2021-01.1': 'one', '2022-02.1': 'two', '2023-03.1': 'three' });
  });

  it('3: every month spelling; a month seen twice is one month that keeps counting', async () => {
    expect(await titles('month-headings.md')).toEqual({
      '2023-01.1': 'a', '2023-01.2': 'l', '2023-02.1': 'b', '2023-03.1': 'c', '2023-04.1': 'd', '2023-05.1': 'e',
      '2023-09.1': 'f', '2023-10.1': 'g', '2023-11.1': 'h', '2023-12.1': 'i', '2024-03.1': 'j', '2024-11.1': 'k',
    });
    expect((await fixture('month-headings.md')).months.map((month) => month.id)).toEqual([
      '2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-09', '2023-10', '2023-11', '2023-12', '2024-03', '2024-11',
    ]);
  });

  it('4: day headings give their day to items without their own', async () => {
    const byId = itemsById(await fixture('day-headings.md'));
    expect([...byId].map(([id, item]) => [id, item.title, item.day])).toEqual([
      ['2018-04.1', 'a', 1], ['2018-04.2', 'b', 3], ['2018-04.3', 'c', 7], ['2018-05.1', 'd', 2], ['2018-05.2', 'e', 3],
    ]);
  });

  it('5: groups inside a month and tasks under plain bullets are month items; 7: other headings are sections', async () => {
    expect(await titles('groups.md')).toEqual({ '2024-12.1': 'p1', '2024-12.2': 'v1', '2024-12.2.1': 'v1 sub', '2024-12.3': 'v2', 'links.1': 'not counted' });
    expect(progressOf(await fixture('groups.md'), countedText(fixtureText('groups.md'))).total).toEqual({ done: 1, total: 3 });
  });

  it('6: tasks directly under a year are year items and count in the year', async () => {
    const list = await fixture('year-items.md');
    expect([...itemsById(list)].map(([id, item]) => [id, item.month])).toEqual([['2023.1', null], ['2023.2', null], ['2023-05.1', 5]]);
    expect(progressOf(list, countedText(fixtureText('year-items.md'))).years).toEqual([{ year: 2023, done: 1, total: 3 }]);
  });

  it('8: any bullet, never in a blockquote, code or HTML; subtasks and notes nest through plain bullets', async () => {
    const byId = itemsById(await fixture('containers.md'));
    expect([...byId].map(([id, item]) => [id, item.title, item.done])).toEqual([
      ['2022-07.1', 'star', false], ['2022-07.2', 'plus', true], ['2022-07.3', 'ordered dot', false],
      ['2022-07.4', 'ordered paren', true], ['2022-07.5', 'last', false], ['2022-07.5.1', 'sub', false], ['2022-07.5.1.1', 'deep sub', true],
    ]);
    expect(byId.get('2022-07.5')?.notes).toEqual(['notes para', 'a note bullet']);
    expect(byId.get('2022-07.5.1')?.notes).toEqual(['plain']);
    expect(byId.get('2022-07.5.1.1')?.parent).toBe('2022-07.5.1');
    expect([...byId.values()].map((item) => item.source.marker)).toEqual(['*', '+', '1.', '2)', '-', '-', '-']);
  });

  it('9: titles are plain text; a day is plain digits before the title, read from the source', async () => {
    const byId = itemsById(await fixture('titles.md'));
    expect([...byId].map(([id, { title, day, url }]) => [id, title, day, url])).toEqual([
      ['2021-06.1', 'bold and code and link text alt', null, 'https://a.example/x'],
      ['2021-06.2', 'monkeys', 12, null],
      ['2021-06.3', '12 monkeys', null, 'https://m.example'],
      ['2021-06.4', '12 monkeys', null, null],
      ['2021-06.5', 'note', 7, null],
      ['2021-06.6', '3 stars', null, null],
      ['2021-06.7', 'see https://auto.example/path and second', null, 'https://auto.example/path'],
      // The definition stands in another section of the file.
      ['2021-06.8', 'ref title', null, 'https://ref.example'],
      ['2021-06.9', '32 not a day', null, null],
      ['2021-06.10', '0 not a day', null, null],
    ]);
  });

  it('10: section ids are GitHub anchors, unique in the file', async () => {
    const list = await fixture('sections.md');
    expect(list.sections.map((section) => section.id)).toEqual(['reading', 'someday', 'someday-1']);
    expect(await titles('sections.md')).toEqual({ 'someday.1': 'Someday item', 'someday.2': 'Another', 'someday-1.1': 'dup slug' });
    expect(list.years.map((year) => year.year)).toEqual([2020]);
    expect(progressOf(list, countedText(fixtureText('sections.md'))).total).toEqual({ done: 0, total: 0 });
  });
});
