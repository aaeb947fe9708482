import { setFlagsFromString } from 'node:v8';

/**
 * V8 set for what a run is doing, and back to the defaults when it is done. V8 stamps the code it
 * caches with a hash of its flags and refuses that code in a process whose flags differ: every run
 * starts with the defaults, so the code cached at the end of a run (bin/read.js) must be made with
 * them too (code cached after a parse was once never used again).
 *
 * - Parsing: the parser makes garbage fast, and V8 let the heap grow to six times what was live
 *   (440 MiB at 100,000 items, 60 MiB live); a gentler growth factor kept the peak near 280 MiB in
 *   the same time.
 * - A long list: V8 doubles the young generation each time much of it survives a collection, and a
 *   list's items all survive until they are printed. At 10,000 items it grew to a quarter of the
 *   peak RSS: held at its first size, `list --json` peaks at 66 MiB, not 81, for a few ms more of
 *   collection (more for `add`, which reads the list twice: some 15 ms at 10,000 items, a tenth of
 *   its time at 100,000). Not while parsing: held there, the collector ran so often that a first
 *   read took twice as long.
 * - Optimizing: V8's optimizing compiler works on other threads, and a run that ends waits for the
 *   functions it is still compiling. Work of a few tens of ms ends before their code pays for them:
 *   at 10,000 items, runs without it took 4 to 20 ms less (`list` 179 → 165 ms, `progress`
 *   161 → 145, `add` 181 → 170), and at 50,000 `list` still did. It pays for the loops over
 *   100,000 items (`list --json` 645 → 758 ms without it), and for a long parse (parser.ts), but
 *   not for drawing a table of months, which cli-table3 does in code that runs a few thousand times
 *   at most.
 */
const state = { parsing: false, longParse: false, longList: false, optimizing: true, drawingTable: false };
let applied = '';

export function setV8(change: Partial<typeof state>): void {
  Object.assign(state, change);
  const flags = [
    `--heap-growing-percent=${state.parsing ? 50 : 0}`,
    `--semi-space-growth-factor=${state.longList && !state.parsing ? 1 : 2}`,
    `--${state.longParse || (state.optimizing && !state.drawingTable) ? '' : 'no-'}opt`,
  ].join(' ');
  if (flags !== applied) setFlagsFromString(flags);
  applied = flags;
}
