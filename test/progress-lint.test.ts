import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import Table from 'cli-table3';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { bar, percent } from '../src/render/bar.js';
import { ROOT, SEED, read, readOnTty, tempList } from './helpers/cli.js';

const progressJson = (args: string[]) => JSON.parse(read(['progress', '--json', ...args]).stdout) as {
  months: { id: string; done: number; total: number; subtasksDone: number; subtasksTotal: number }[];
  years: { year: number; done: number; total: number }[];
  total: { done: number; total: number };
};

describe('read progress', () => {
  it('the table shows each month, the year subtotals and the total of the seed', () => {
    const { status, stdout } = read(['progress', '--file', SEED]);
    expect(status).toBe(0);
    const row = (label: string) => stdout.split('\n').find((line) => line.includes(` ${label} `)) ?? '';
    expect(row('2025-11')).toMatch(/11🈷️ +│ +1\/1 │ 100% │/);
    expect(row('2023-06')).toMatch(/│ +1\/1 │ 100% │/);
    expect(row('2023-05')).toMatch(/│ +6\/6 │ 100% │/);
    expect(row('2023-04')).toMatch(/4🈷️ +│ +5\/7 │ +71% │ .* │ +2\/3 │$/);
    expect(row('2023-03')).toMatch(/│ +1\/1 │ 100% │ .* │ +3\/3 │$/);
    expect(row('2023')).toMatch(/│ +13\/15 │ +87% │/);
    expect(row('Total')).toMatch(/│ +14\/16 │ +88% │/);
    expect(stdout).not.toContain('\u001b');
  });

  it('--json has exactly the contract numbers', () => {
    expect(progressJson(['--file', SEED])).toEqual({
      months: [
        { id: '2025-11', year: 2025, month: 11, done: 1, total: 1, subtasksDone: 0, subtasksTotal: 0 },
        { id: '2023-06', year: 2023, month: 6, done: 1, total: 1, subtasksDone: 0, subtasksTotal: 0 },
        { id: '2023-05', year: 2023, month: 5, done: 6, total: 6, subtasksDone: 0, subtasksTotal: 0 },
        { id: '2023-04', year: 2023, month: 4, done: 5, total: 7, subtasksDone: 2, subtasksTotal: 3 },
        { id: '2023-03', year: 2023, month: 3, done: 1, total: 1, subtasksDone: 3, subtasksTotal: 3 },
      ],
      years: [{ year: 2025, done: 1, total: 1 }, { year: 2023, done: 13, total: 15 }],
      total: { done: 14, total: 16 },
    });
    expect(progressJson(['--file', SEED, '--year', '2023']).total).toEqual({ done: 13, total: 15 });
    expect(progressJson(['--file', SEED, '--since', '2023-05']).months.map((month) => month.id)).toEqual(['2025-11', '2023-06', '2023-05']);
    expect(progressJson(['--file', SEED, '--since', '2023-05']).total).toEqual({ done: 8, total: 8 });
  });

  it('--markdown parses as a GFM table with the same rows', () => {
    const { stdout } = read(['progress', '--markdown', '--file', SEED]);
    const tree = fromMarkdown(stdout, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    const table = tree.children[0];
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    const text = (cell: unknown): string => JSON.stringify(cell).match(/"value":"([^"]*)"/g)?.map((value) => value.slice(9, -1)).join('') ?? '';
    const rows = table.children.map((row) => row.children.map(text));
    expect(rows).toHaveLength(1 + 5 + 2 + 1);
    expect(rows[5]?.slice(0, 4)).toEqual(['2023-04', '4🈷️', '5/7', '71%']);
    expect(rows.at(-1)?.slice(0, 4)).toEqual(['Total', '', '14/16', '88%']);
  });

  it('the bar for 5/7 fills 71 % of its cells (±1); 0/0 is an empty bar and —', () => {
    for (const width of [10, 20, 33]) {
      const drawn = bar(5, 7, width);
      expect(stringWidth(drawn)).toBe(width);
      const filled = [...drawn].filter((char) => char !== '░').length;
      expect(Math.abs(filled - (5 / 7) * width)).toBeLessThanOrEqual(1);
    }
    expect(bar(0, 0, 12)).toBe('░'.repeat(12));
    expect(percent(0, 0)).toBe('—');
    const empty = tempList({ text: '# 2024\n\n## 1月\n\n## 2月\n- [ ] x\n' });
    const { stdout } = read(['progress', '--file', empty]);
    expect(stdout).not.toContain('NaN');
    expect(stdout.split('\n').find((line) => line.includes('2024-01'))).toMatch(/0\/0 │ +— │ ░+ │/);
  });

  it('--calendar: 2023 fills Mar–Jun, 2025 only Nov; readable without colour', () => {
    const { stdout } = read(['progress', '--calendar', '--file', SEED]);
    const lines = stdout.split('\n');
    const header = lines[0] ?? '';
    const cells = (year: string) => {
      const line = lines.find((candidate) => candidate.startsWith(year)) ?? '';
      return ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((month) => line.slice(header.indexOf(month), header.indexOf(month) + 2).trim() !== '');
    };
    expect(cells('2023')).toEqual([false, false, true, true, true, true, false, false, false, false, false, false]);
    expect(cells('2025')).toEqual([false, false, false, false, false, false, false, false, false, false, true, false]);
    expect(lines.find((line) => line.startsWith('2023'))).toMatch(/13\/15$/);
    expect(stdout).not.toContain('\u001b');
    // The busiest month (2023-05) has 6 done: each shade covers a quarter of that, worked by hand.
    expect(lines.at(-2)).toBe("done per month: '  ' none  ░ 1  ▒ 2–3  ▓ 4  █ 5–6");
  });

  it('--calendar legend shows only the shades a month can reach', () => {
    const file = tempList({ text: '# 2024\n\n## 1月\n- [x] one\n\n## 2月\n- [ ] open\n' });
    const lines = read(['progress', '--calendar', '--file', file]).stdout.split('\n');
    expect(lines.find((line) => line.startsWith('2024'))).toBe(`2024  ██${' '.repeat(46)}1/2`);
    expect(lines.at(-2)).toBe("done per month: '  ' none  █ 1");
  });

  it('a long history prints exactly the table of one cli-table3 row per month, in colour too', () => {
    // 11 years of months in mixed heading styles, with and without subtasks: cells of every width.
    const years = Array.from({ length: 11 }, (_, index) => {
      const year = 2030 - index;
      const months = Array.from({ length: 12 }, (__, m) => {
        const month = 12 - m;
        const heading = [`## ${month}🈷️`, `## ${month}月`, `## ${year}-${String(month).padStart(2, '0')}`][(index + m) % 3];
        const items = Array.from({ length: (m % 4) + 1 }, (___, n) => `- [${(n + m) % 3 === 0 ? ' ' : 'x'}] ${n + 1} Paper ${n}${n === 1 ? '\n  - [x] a subtask' : ''}`);
        return `${heading}\n${items.join('\n')}\n`;
      });
      return `# ${year}\n\n${months.join('\n')}`;
    });
    const file = tempList({ text: years.join('\n') });
    const markdown = read(['progress', '--markdown', '--file', file]).stdout.trimEnd().split('\n').slice(2);
    const rows = markdown.map((line) => line.slice(2, -2).split(' | ').map((cell) => cell.replace(/^\*\*(.*)\*\*$/, '$1')));
    expect(rows).toHaveLength(11 * 12 + 11 + 1);
    const oneTable = new Table({
      head: ['Month', '', 'Done', '%', 'Progress', 'Subtasks'],
      colAligns: ['left', 'left', 'right', 'right', 'left', 'right'],
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      style: { head: [], border: [] },
    });
    oneTable.push(...rows);
    const plain = read(['progress', '--file', file]).stdout;
    expect(plain).toBe(`${oneTable.toString()}\n`);
    // On a terminal each line of a many-line cell carries its own colour, and widths are measured
    // without it: the same table once the colour is taken out, with colour on every line. Also on
    // GitHub's CI, which Node gives colour and cli-table3's colour library does not (CI found that).
    for (const env of [{}, { CI: 'true', GITHUB_ACTIONS: 'true' }]) {
      const coloured = readOnTty(['progress', '--file', file], env).stdout.replace(/\r\n/g, '\n');
      expect(coloured.replace(/\u001b\[[\d;]*m/g, '')).toBe(plain);
      expect(coloured.trimEnd().split('\n').filter((line) => !line.includes('\u001b['))).toEqual([]);
    }
  });

  it('fits an 80-column terminal with the seed\'s CJK and emoji headings', () => {
    for (const args of [['progress'], ['progress', '--calendar']]) {
      const widths = read([...args, '--file', SEED]).stdout.split('\n').map((line) => stringWidth(line));
      expect(Math.max(...widths)).toBeLessThanOrEqual(80);
    }
  });
});

describe('read lint', () => {
  it('reports the seed\'s malformed link and duplicate url, and nothing else; exit 1; never writes', () => {
    const file = tempList(SEED);
    const mtime = statSync(file).mtimeMs;
    const { status, stdout } = read(['lint', '--json', '--file', file]);
    expect(status).toBe(1);
    const { problems } = JSON.parse(stdout) as { problems: { line: number; kind: string; message: string }[] };
    expect(problems.map(({ line, kind }) => [line, kind])).toEqual([[60, 'duplicate-url'], [63, 'malformed-link']]);
    expect(problems[0]?.message).toContain('line 21');
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(read(['lint', '--file', file]).stdout).toContain(':63: malformed-link');
  });

  it('finds what each planted fixture holds', () => {
    const text = [
      '## 5月', // a month with no year above it
      '- [ ] early',
      '# 2023',
      '## 4月',
      '- [ ] 31 April has 30 days',
      '- [ ] [spaced] (https://s.example)',
      '- [ ] empty []()',
      '## 6月', // out of order: the file goes newest first below
      '## 3月',
      '## 2月',
      '## 13月',
      '# 2023/02/30',
      '# Notes 2023-01-05',
      '## Someday',
      '- [ ] a task outside the dates',
      '',
    ].join('\n');
    const { status, stdout } = read(['lint', '--json', '--file', tempList({ text })]);
    expect(status).toBe(1);
    const { problems } = JSON.parse(stdout) as { problems: { line: number; kind: string }[] };
    expect(problems.map(({ line, kind }) => [line, kind])).toEqual([
      [1, 'month-outside-year'],
      [1, 'task-outside-dates'], // its task counts nowhere
      [5, 'day-past-month-end'],
      [6, 'malformed-link'],
      [7, 'empty-link'],
      [8, 'month-order'],
      [11, 'unreadable-date'],
      [12, 'unreadable-date'],
      [13, 'unreadable-date'],
      [14, 'task-outside-dates'],
    ]);
  });

  it('a clean file: exit 0, no output; a fence hides what looks broken', () => {
    const clean = tempList({ text: '# 2024\n\n## 2月\n- [x] [fine](https://f.example)\n\n```\nnot](a link)\n```\n\n## 1月\n- [ ] `code](x)` too\n' });
    expect(read(['lint', '--file', clean])).toMatchObject({ status: 0, stdout: '' });
  });

  it('on every rule fixture: exactly what it plants, with its line', () => {
    const planted: Record<string, [number, string][]> = {
      'containers.md': [], // tasks in a blockquote, code and HTML are not items, so nothing to report
      'day-headings.md': [],
      'front-matter.md': [],
      'groups.md': [[14, 'task-outside-dates']], // `## Links` under the year
      'month-headings.md': [[25, 'month-order']], // `## 1` of 2023 again, after 2024-11
      'sections.md': [[5, 'task-outside-dates'], [9, 'task-outside-dates']],
      'titles.md': [],
      'year-headings.md': [],
      'year-items.md': [],
    };
    expect(readdirSync(join(ROOT, 'fixtures/rules')).sort()).toEqual(Object.keys(planted).sort());
    for (const [name, expected] of Object.entries(planted)) {
      const { status, stdout } = read(['lint', '--json', '--file', `fixtures/rules/${name}`]);
      const { problems } = JSON.parse(stdout) as { problems: { line: number; kind: string }[] };
      expect(problems.map(({ line, kind }) => [line, kind]), name).toEqual(expected);
      expect(status, name).toBe(expected.some(([, kind]) => kind !== 'task-outside-dates') ? 1 : 0);
    }
  });
});
