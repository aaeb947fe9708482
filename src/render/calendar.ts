import type { Style } from './style.js';
import { monthsByYear, type Progress } from '../model/progress.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SHADES = [' ', '░', '▒', '▓', '█'];

/**
 * Each year as one line of twelve cells shaded by how many items were done that month, like a
 * contribution graph. Shades are characters, so it reads without colour.
 */
export function renderCalendar(progress: Progress, style: Style): string {
  const busiest = Math.max(0, ...progress.months.map((month) => month.done));
  const level = (done: number) => (done === 0 || busiest === 0 ? 0 : Math.min(4, Math.ceil((done / busiest) * 4)));
  const lines = [`${' '.repeat(6)}${MONTHS.join(' ')}`];
  const byYear = monthsByYear(progress);
  for (const year of progress.years) {
    const months = byYear.get(year.year) ?? [];
    const cells = MONTHS.map((_, index) => {
      const done = months.filter((month) => month.month === index + 1).reduce((sum, month) => sum + month.done, 0);
      const shade = (SHADES[level(done)] ?? ' ').repeat(2);
      return `${level(done) === 4 ? style.green(shade) : shade}  `;
    });
    lines.push(`${style.bold(String(year.year).padEnd(6))}${cells.join('')}${year.done}/${year.total}`);
  }
  // Each shade with the counts it stands for; shades no count reaches are left out (with at most
  // one item a month, every done month is █, and a legend of ░ 1+ ▒ 1+ … would say otherwise).
  const ranges = new Map<number, { from: number; to: number }>();
  for (let done = 1; done <= busiest; done++) {
    const range = ranges.get(level(done));
    if (range) range.to = done;
    else ranges.set(level(done), { from: done, to: done });
  }
  const legend = busiest === 0 ? 'nothing done yet' : [...ranges].map(([step, { from, to }]) => `${SHADES[step]} ${from === to ? from : `${from}–${to}`}`).join('  ');
  lines.push('', style.dim(`done per month: '  ' none  ${legend}`));
  return `${lines.join('\n')}\n`;
}
