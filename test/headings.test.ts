import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayHeading, monthHeading, yearHeading } from '../src/edit/headings.js';
import { anyHeadingDate, plainHeadingDate } from '../src/model/dates.js';
import type { Heading } from '../src/model/types.js';
import { read, tempList } from './helpers/cli.js';
import { readFileSync } from 'node:fs';

/** The heading on the first line of `source`, as the model would hold it. */
const first = (source: string, depth: number): Heading => ({ depth, text: source.split('\n')[0]?.replace(/^#+\s*/, '') ?? '', line: 1, start: 0, end: source.indexOf('\n'), setext: false });

describe('new headings are written like the file\'s own', () => {
  it('months: numbers, 月, 🈷️, names, abbreviations, Chinese, with a year', () => {
    const cases: [string, number, string][] = [
      ['## 11🈷️\n', 2, '## 4🈷️'],
      ['## 11月\n', 2, '## 4月'],
      ['## November\n', 2, '## April'],
      ['### Nov\n', 3, '### Apr'],
      ['## SEPT\n', 2, '## APR'],
      ['## 十一月\n', 2, '## 四月'],
      ['#### 2018-11\n', 4, '#### 2026-04'],
      ['## 2024年12月\n', 2, '## 2026年4月'],
      ['## 📚 11\n', 2, '## 📚 4'],
      ['## November 2023\n', 2, '## April 2026'],
      ['### 2023 Nov\n', 3, '### 2026 Apr'],
    ];
    for (const [source, depth, expected] of cases) expect(monthHeading(source, first(source, depth), 2026, 4, depth), source).toBe(expected);
    expect(monthHeading('', undefined, 2026, 4, 3)).toBe('### 4🈷️');
  });

  it('years and days: the digits swap, the rest stays; a day keeps only its date', () => {
    expect(yearHeading('# 📚 2023年\n', first('# 📚 2023年\n', 1), 2026)).toBe('# 📚 2026年');
    expect(yearHeading('', undefined, 2026)).toBe('# 2026');
    expect(dayHeading('# 2019/02/01 - 2019/02/13\n', first('# 2019/02/01 - 2019/02/13\n', 1), 2026, 3, 7)).toBe('# 2026/03/07');
    expect(dayHeading('## 2018-4-1 notes\n', first('## 2018-4-1 notes\n', 2), 2026, 11, 29)).toBe('## 2026-11-29');
    expect(dayHeading('# 2018年4月1日\n', first('# 2018年4月1日\n', 1), 2026, 3, 7)).toBe('# 2026年3月7日');
  });

  it('reads `November 2023` as a month with its own year, and adds in that style', () => {
    const file = tempList({ text: '# Reading\n\n## November 2023\n- [x] a\n\n## October 2023\n- [ ] b\n' });
    expect((JSON.parse(read(['list', '--json', '--file', file]).stdout) as { items: { id: string; title: string }[] }).items)
      .toEqual([expect.objectContaining({ id: '2023-11.1', title: 'a' }), expect.objectContaining({ id: '2023-10.1', title: 'b' })]);
    expect(read(['add', 'c', '--date', '2024-01', '--file', file]).stdout).toBe('2024-01.1\n');
    expect(readFileSync(file, 'utf8')).toBe('# Reading\n\n## January 2024\n- [ ] c\n\n## November 2023\n- [x] a\n\n## October 2023\n- [ ] b\n');
  });

  it('a file that lists months oldest first gets the new month at the end, with its sub-heading style', () => {
    const text = '# Backlog\n\n## 2024年12月\n\n- [x] a\n\n## 2025年1月\n\n- [x] b\n\n## Notes\n\nkept last\n';
    const file = tempList({ text });
    expect(read(['add', 'c', '--date', '2025-03', '--file', file]).stdout).toBe('2025-03.1\n');
    expect(readFileSync(file, 'utf8')).toBe('# Backlog\n\n## 2024年12月\n\n- [x] a\n\n## 2025年1月\n\n- [x] b\n\n## 2025年3月\n\n- [ ] c\n\n## Notes\n\nkept last\n');
  });
});

describe('reading what a heading says about dates', () => {
  it('reads the plain headings a list writes most as any heading is read (random texts)', () => {
    const piece = fc.constantFrom('1', '2', '0', '9', '12', '13', '2024', '月', '年', '🈷️', '🈷', '\uFE0F', ' ', '-', '.', '/', '日', 'Nov', '#', '１');
    const text = fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join('').trim());
    let plain = 0;
    fc.assert(fc.property(text, (trimmed) => {
      const read = plainHeadingDate(trimmed);
      if (read === undefined) return;
      plain++;
      expect(read).toEqual(anyHeadingDate(trimmed));
    }), { numRuns: 2000 });
    expect(plain).toBeGreaterThan(50);
    expect(['2024', '12', '7月', '12🈷️', '3🈷'].map(plainHeadingDate)).toEqual([
      { kind: 'year', year: 2024 }, { kind: 'month', year: null, month: 12 }, { kind: 'month', year: null, month: 7 },
      { kind: 'month', year: null, month: 12 }, { kind: 'month', year: null, month: 3 },
    ]);
    expect(['13', '2024年', '12 月', '0'].map(plainHeadingDate)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
