import { describe, expect, it } from 'vitest';
import { dayHeading, monthHeading, yearHeading } from '../src/edit/headings.js';
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
