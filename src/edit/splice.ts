/** Replace `text.slice(start, end)` with `text`: the only way `read` changes a file. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

function inOrder(splices: readonly Splice[]): Splice[] {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  sorted.forEach((splice, index) => {
    const next = sorted[index + 1];
    if (splice.end < splice.start || (next && next.start < splice.end)) throw new Error('overlapping splices');
  });
  return sorted;
}

export function applySplices(source: string, splices: readonly Splice[]): string {
  let out = '';
  let at = 0;
  for (const splice of inOrder(splices)) {
    out += source.slice(at, splice.start) + splice.text;
    at = splice.end;
  }
  return out + source.slice(at);
}

/** The splices that turn the result of `applySplices(source, splices)` back into `source`. */
export function invertSplices(source: string, splices: readonly Splice[]): Splice[] {
  let shift = 0;
  return inOrder(splices).map((splice) => {
    const start = splice.start + shift;
    shift += splice.text.length - (splice.end - splice.start);
    return { start, end: start + splice.text.length, text: source.slice(splice.start, splice.end) };
  });
}
