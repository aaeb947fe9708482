/** Line arithmetic on the source string; offsets are UTF-16 indexes, line ends are `\n` or `\r\n`. */

export function lineStart(text: string, offset: number): number {
  // lastIndexOf clamps a negative start to 0: without the guard a text starting with a blank line
  // would put the start of its first line after that line's own newline.
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the line's ending (`\r\n` or `\n`), or the text's end. */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return text.length;
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** Back from `offset` over blank lines and spaces: the end of the last line with content. */
export function contentEnd(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && /\s/.test(text[at - 1] ?? '')) at--;
  return at === 0 ? 0 : lineEnd(text, at - 1);
}

/** Blank lines directly above the line that starts at `start`. */
export function blankLinesBefore(text: string, start: number): number {
  let count = 0;
  let at = start;
  while (at > 0) {
    const previous = lineStart(text, at - 1);
    if (text.slice(previous, at).trim() !== '') break;
    count++;
    at = previous;
  }
  return count;
}

/** Blank lines directly below the line that ends at `end`. */
export function blankLinesAfter(text: string, end: number): number {
  let count = 0;
  let at = text.indexOf('\n', end);
  while (at !== -1 && at + 1 < text.length) {
    const next = lineEnd(text, at + 1);
    if (text.slice(at + 1, next).trim() !== '') break;
    count++;
    at = text.indexOf('\n', next);
  }
  return count;
}

/** The most frequent value, the earliest on a tie; `fallback` for none. */
export function mostCommon<T>(values: readonly T[], fallback: T): T {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = fallback;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

/** How many line breaks `text` holds. */
export function lineBreaks(text: string): number {
  let count = 0;
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) count++;
  return count;
}
