import type { Heading } from '../model/types.js';
import { lineEnd, lineStart } from './lines.js';

/** New headings are written like the file's own: same level, same words, the date swapped. */

const ENGLISH = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const CHINESE = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];

const pad = (value: number, like: string) => (like.length === 2 && like.startsWith('0') ? String(value).padStart(2, '0') : String(value));

/** The heading's source line; setext headings are rewritten as ATX of the same depth. */
function templateLine(source: string, heading: Heading): string {
  const line = source.slice(lineStart(source, heading.start), lineEnd(source, heading.start));
  return heading.setext ? `${'#'.repeat(heading.depth)} ${line.trim()}` : line;
}

export function yearHeading(source: string, template: Heading | undefined, year: number): string {
  return template ? templateLine(source, template).replace(/\d{4}/, String(year)) : `# ${year}`;
}

export function monthHeading(source: string, template: Heading | undefined, year: number, month: number, depth: number): string {
  if (!template) return `${'#'.repeat(depth)} ${month}🈷️`;
  const line = templateLine(source, template);
  const withYear = /(\d{4})(\s*[-/.年]\s*)(\d{1,2})/;
  // `2018-11` is ISO-like: two-digit months; `2024年12月` writes `2024年1月`.
  if (withYear.test(line)) return line.replace(withYear, (_, _year: string, separator: string, old: string) => `${year}${separator}${separator.includes('年') ? pad(month, old) : String(month).padStart(old.length, '0')}`);
  const english = new RegExp(`\\b(${[...ENGLISH, 'sept', ...ENGLISH.map((name) => name.slice(0, 3))].join('|')})\\b`, 'i');
  const name = english.exec(line)?.[0];
  if (name) {
    const full = ENGLISH[month - 1] ?? '';
    const word = name.length === 3 || name.toLowerCase() === 'sept' ? full.slice(0, 3) : full;
    const cased = name === name.toUpperCase() ? word.toUpperCase() : name[0] === name[0]?.toUpperCase() ? word[0]?.toUpperCase() + word.slice(1) : word;
    return line.replace(name, cased).replace(/\d{4}/, String(year));
  }
  const chinese = [...CHINESE].sort((a, b) => b.length - a.length).find((word) => line.includes(word));
  if (chinese) return line.replace(chinese, CHINESE[month - 1] ?? chinese).replace(/\d{4}/, String(year));
  return line.replace(/(?<=^#*\s*\D*)\d{1,2}/, (old) => pad(month, old));
}

/** Only the date is kept from a day heading: what followed it (a range, a title) was that day's. */
export function dayHeading(source: string, template: Heading | undefined, year: number, month: number, day: number): string {
  if (!template) return `# ${year}/${pad(month, '00')}/${pad(day, '00')}`;
  const line = templateLine(source, template);
  const numeric = /^(#*\s*)(\d{4})(\s*[/.-]\s*)(\d{1,2})(\s*[/.-]\s*)(\d{1,2})/.exec(line);
  if (numeric) {
    const [, lead, , first, oldMonth = '', second, oldDay = ''] = numeric;
    return `${lead}${year}${first}${pad(month, oldMonth)}${second}${pad(day, oldDay)}`;
  }
  const lead = /^#*\s*/.exec(line)?.[0] ?? '# ';
  return `${lead}${year}年${month}月${day}日`;
}
