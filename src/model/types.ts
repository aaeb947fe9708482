/** Where an item sits in the source; offsets are UTF-16 indexes into the text without its BOM. */
export interface ItemSource {
  start: number;
  end: number;
  /** The character between `[` and `]`. */
  checkOffset: number;
  /** The list marker as written: `-`, `*`, `+`, `1.`, `1)`. */
  marker: string;
  /** Columns of indentation before the marker. */
  indent: number;
}

export interface Item {
  id: string;
  year: number | null;
  month: number | null;
  day: number | null;
  title: string;
  url: string | null;
  done: boolean;
  /** 1-based line of the item's first line. */
  line: number;
  parent: string | null;
  notes: string[];
  subtasks: Item[];
  source: ItemSource;
}

export interface Heading {
  depth: number;
  /** Plain text, as a reader sees it. */
  text: string;
  line: number;
  start: number;
  end: number;
  /** ATX (`## 5月`) or setext (underlined). */
  setext: boolean;
}

export interface Month {
  /** `YYYY-MM`. */
  id: string;
  year: number;
  month: number;
  /** The first heading that opened this month (a day heading for day-organised files). */
  heading: Heading;
  /** Every heading that opened this month, in file order: a month may be written more than once. */
  headings: Heading[];
  /** The month heading's text as written (`4🈷️`); null when only day headings opened the month. */
  label: string | null;
  items: Item[];
  /**
   * Where its items' checkboxes stand: what `done` needs of every month but the one it changes, and
   * `progress` of every month (the cached list reads a month's items only on demand).
   */
  checkboxes: MonthCheckboxes;
}

/**
 * Offsets of checkboxes in the text: the month's items', and their subtasks' (any depth), each in
 * file order. A cached month's are views of the cache's integers, read without a copy.
 */
export interface MonthCheckboxes {
  items: Int32Array;
  subtasks: Int32Array;
  /**
   * The same boxes' offsets among the text's UTF-8 bytes, where known (a cached month's): read
   * there, `progress` need not decode the text at all.
   */
  bytes?: { items: Int32Array; subtasks: Int32Array };
}

export interface Year {
  year: number;
  /** The year heading, when the file has one. */
  heading: Heading | null;
  months: Month[];
  /** Task items directly under the year heading, outside any month (`YYYY.N`). */
  items: Item[];
}

/** Content under a heading that is not a date: kept, shown by `list --all`, never counted. */
export interface Section {
  /** The heading's anchor as GitHub makes it. */
  id: string;
  title: string;
  line: number;
  items: Item[];
  /** Plain (non-task) bullets of the section's lists, for `list --all`. */
  entries: Entry[];
}

export interface Entry {
  title: string;
  url: string | null;
  line: number;
}

/** A heading the model could not place, or read as a date that does not exist. */
export interface HeadingProblem {
  heading: Heading;
  kind: 'unreadable-date' | 'month-outside-year';
}

export interface ReadingList {
  /** Years in file order (a year seen twice is one year). */
  years: Year[];
  /** Months in file order of first appearance. */
  months: Month[];
  sections: Section[];
  headings: Heading[];
  headingProblems: HeadingProblem[];
}
