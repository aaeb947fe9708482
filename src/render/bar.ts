const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** `done/total` as a bar of `width` cells in block characters, eighths included; 0/0 is empty. */
export function bar(done: number, total: number, width: number): string {
  const eighths = total === 0 ? 0 : Math.round((done / total) * width * 8);
  const full = Math.floor(eighths / 8);
  const partial = EIGHTHS[eighths % 8] ?? '';
  return '█'.repeat(full) + partial + '░'.repeat(width - full - (partial ? 1 : 0));
}

/** `71%`, or `—` when there is nothing to count (never `NaN`). */
export function percent(done: number, total: number): string {
  return total === 0 ? '—' : `${Math.round((done / total) * 100)}%`;
}
