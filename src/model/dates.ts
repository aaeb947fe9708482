/** What a heading's text says about dates. */
export type HeadingDate =
  | { kind: 'year'; year: number }
  | { kind: 'month'; year: number | null; month: number }
  | { kind: 'day'; year: number; month: number; day: number }
  /** Looks like a date but names none that exists (`13月`, `2023-13`, `2023/02/30`). */
  | { kind: 'unreadable' }
  | null;

const DAY_HEADING = [
  /^(\d{4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)/,
  /^(\d{4})\s*(年)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/,
];
const MONTH_WITH_YEAR = [/^(\d{4})[-/.](\d{1,2})$/, /^(\d{4})年(\d{1,2})月$/];
const DECORATION = /[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F237}]/gu;
const PUNCTUATION = /[\p{P}\p{S}]/gu;

const MONTH_NAMES: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6,
  jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
  一月: 1, 二月: 2, 三月: 3, 四月: 4, 五月: 5, 六月: 6, 七月: 7, 八月: 8, 九月: 9, 十月: 10,
  十一月: 11, 十二月: 12,
};

/** `YYYY-MM`: a month's id, and how `--month` and `--date` name it. */
export function monthId(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return DAYS_IN_MONTH[month - 1] ?? 31;
}

/** A list writes the same few headings (`## 12月`) year after year: each is read once. */
const readHeadings = new Map<string, HeadingDate>();

export function readHeadingDate(text: string): HeadingDate {
  let date = readHeadings.get(text);
  if (date === undefined) readHeadings.set(text, (date = headingDate(text)));
  return date;
}

function headingDate(text: string): HeadingDate {
  const trimmed = text.trim();
  return plainHeadingDate(trimmed) ?? anyHeadingDate(trimmed);
}

const PLAIN_YEAR = /^\d{4}$/;
const PLAIN_MONTH = /^(\d{1,2})(?:月|\u{1F237}\u{FE0F}?)?$/u;

/**
 * The headings a list writes most (`2024`, `12`, `12月`, `12🈷️`), read as `anyHeadingDate` reads
 * them without its Unicode patterns, which took an add 1.5 ms at 10,000 items to compile and run
 * for each year's heading; undefined for any other text.
 */
export function plainHeadingDate(trimmed: string): HeadingDate | undefined {
  if (PLAIN_YEAR.test(trimmed)) return { kind: 'year', year: Number(trimmed) };
  const month = Number(PLAIN_MONTH.exec(trimmed)?.[1]);
  return validMonth(month) ? { kind: 'month', year: null, month } : undefined;
}

/** What the trimmed text of any heading says about dates. */
export function anyHeadingDate(trimmed: string): HeadingDate {
  for (const pattern of DAY_HEADING) {
    const match = pattern.exec(trimmed);
    if (match) {
      const [year, month, day] = [Number(match[1]), Number(match[3]), Number(match[4])];
      return validMonth(month) && day >= 1 && day <= daysInMonth(year, month)
        ? { kind: 'day', year, month, day }
        : { kind: 'unreadable' };
    }
  }
  const bare = trimmed.replace(DECORATION, '');
  for (const pattern of MONTH_WITH_YEAR) {
    const match = pattern.exec(bare);
    if (match) {
      const month = Number(match[2]);
      return validMonth(month) ? { kind: 'month', year: Number(match[1]), month } : { kind: 'unreadable' };
    }
  }
  const stripped = bare.replace(PUNCTUATION, '').toLowerCase();
  const year = /^(\d{4})年?$/.exec(stripped);
  if (year) return { kind: 'year', year: Number(year[1]) };
  const numbered = /^(\d{1,2})(月?)$/.exec(stripped);
  if (numbered) {
    const month = Number(numbered[1]);
    if (validMonth(month)) return { kind: 'month', year: null, month };
    return numbered[2] || bare !== trimmed.replace(/\s/g, '') ? { kind: 'unreadable' } : null;
  }
  const named = MONTH_NAMES[stripped];
  if (named) return { kind: 'month', year: null, month: named };
  // `November 2023`, `Nov 2023`, `2023 November`: a month name that carries its own year.
  const nameAndYear = /^(?:([a-z]+|[一二三四五六七八九十]+月)(\d{4})|(\d{4})([a-z]+))$/.exec(stripped);
  const month = MONTH_NAMES[nameAndYear?.[1] ?? nameAndYear?.[4] ?? ''];
  return month ? { kind: 'month', year: Number(nameAndYear?.[2] ?? nameAndYear?.[3]), month } : null;
}

function validMonth(month: number): boolean {
  return month >= 1 && month <= 12;
}

/** Newest first when dates in file order mostly fall, oldest first when they mostly rise; undefined on a tie. */
export function newestFirst(keys: readonly number[]): boolean | undefined {
  let falling = 0;
  let rising = 0;
  keys.forEach((key, index) => {
    const next = keys[index + 1];
    if (next !== undefined && next < key) falling++;
    if (next !== undefined && next > key) rising++;
  });
  return falling === rising ? undefined : falling > rising;
}
