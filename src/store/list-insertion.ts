import { lineBreaks } from '../edit/lines.js';
import type { InsertedText } from '../model/insertion.js';
import type { Item } from '../model/types.js';
import { boxesAt, bytesOf, ItemWriter, packedHead, RUN, runsEnd, runsIdColumn, STRING_INTS, subtaskCountAt, type PackedList, type PackedMonth, type PackedParts } from './list-codec.js';

/**
 * The packed list of a text, made into the packed list of that text with `insertion` made, which
 * adds `item` to its month right after `follows` (a month's item, not a subtask): what add leaves
 * for the next command. Everything that stands past the insertion moves by its length and its line
 * breaks: a month's runs count from its first item (see `Base`), so only the runs of the item's own
 * month move, and the bases of the months after it; the years' and sections' runs, and every
 * month's checkboxes, count from the start of the text and move where they stand past it. Encoding
 * the whole list again would cost an add at 10,000 items some 50 ms; without it, the next command
 * would build the list from every section's digest. Undefined when `follows` is not found where
 * its month's items are, or `item` has subtasks. Given the packed list a read split (not split
 * again: 10 ms at 100,000 items), whose outline it changes in place; the bytes to write, in parts
 * (see `PackedParts`): what did not move, as it was read.
 */
export function packedWithItem(packed: PackedList, insertion: InsertedText, item: Item, follows: Item): PackedParts | undefined {
  const { outline, ints } = packed;
  const [headings, months, , sections, , strings, , monthsEnd] = outline;
  const { at, length, lines } = insertion;
  const index = months.findIndex(([id]) => id === item.id.slice(0, item.id.lastIndexOf('.')));
  const month = months[index];
  if (!month || item.subtasks.length > 0) return undefined;
  const itemsEnd = runsEnd(months, ints);
  /** Where the runs of the month at `position` stand among the integers. */
  const runsOf = (position: number) => ({ start: months[position]?.[6] as number, end: months[position + 1]?.[6] ?? monthsEnd });

  // The months' checkboxes, in a copy: those past the insertion move (in the text and among its
  // bytes), and the item's goes in after the one it follows, in both.
  const boxInts = ints.slice(itemsEnd);
  const byteLength = Buffer.byteLength(insertion.text);
  /** Months with a box past the insertion: their runs move, or their base. */
  const moving = new Set<PackedMonth>();
  let boxAt = -1;
  let byteBoxAt = -1;
  for (const packed of months) {
    const boxes = boxesAt(ints, packed[7]);
    for (let box = boxes.items - itemsEnd; box < boxes.bytes - itemsEnd; box++) {
      if ((boxInts[box] as number) < at) continue;
      boxInts[box] = (boxInts[box] as number) + length;
      boxInts[box + boxes.count] = (boxInts[box + boxes.count] as number) + byteLength;
      moving.add(packed);
    }
    const found = packed === month ? ints.subarray(boxes.items, boxes.subtasks).indexOf(follows.source.checkOffset) : -1;
    if (found !== -1) [boxAt, byteBoxAt] = [boxes.items - itemsEnd + found + 1, boxes.bytes - itemsEnd + found + 1];
  }
  if (boxAt === -1) return undefined;
  boxInts[month[7] - itemsEnd] = (boxInts[month[7] - itemsEnd] as number) + 1;
  const box = item.source.checkOffset;
  const byteBox = insertion.byteAt + Buffer.byteLength(insertion.text.slice(0, box - at));

  // The item's month: its runs past the insertion move, and the item's goes in after the one it follows.
  const own = runsOf(index);
  const base = { offset: month[8], line: month[9] };
  const ownRuns = ints.slice(own.start, own.end);
  const followed = shiftRuns(ownRuns, { ...insertion, at: at - base.offset }, follows.source.start - base.offset);
  if (followed === undefined) return undefined;
  // The item's strings are looked for in the text inserted, which holds the whole item.
  const writer = new ItemWriter(insertion.text, strings, at);
  writer.items([item], base);
  const run = writer.ints;
  const monthRuns = new Int32Array(ownRuns.length + run.length);
  monthRuns.set(ownRuns.subarray(0, followed));
  monthRuns.set(run, followed);
  monthRuns.set(ownRuns.subarray(followed), followed + run.length);

  // Every other month: one past the insertion moves whole, as its base. One before it with an item
  // past it (written under two headings, around the insertion's month) has those runs moved. The
  // runs that stay are written as they were read, not copied.
  const runs: Int32Array[] = [];
  let kept = 0;
  const moved = (start: number, pieces: Int32Array[], end: number) => {
    runs.push(ints.subarray(kept, start), ...pieces);
    kept = end;
  };
  for (const [position, packed] of months.entries()) {
    if (packed === month) {
      moved(own.start, [monthRuns], own.end);
    } else if (moving.has(packed) && packed[8] >= at) {
      packed[8] += length;
      packed[9] += lines;
    } else if (moving.has(packed)) {
      const { start, end } = runsOf(position);
      const shifted = ints.slice(start, end);
      shiftRuns(shifted, { ...insertion, at: at - packed[8] });
      moved(start, [shifted], end);
    }
  }
  // Years' and sections' runs count from the start of the text.
  const others = ints.slice(monthsEnd, itemsEnd);
  shiftRuns(others, insertion);
  moved(monthsEnd, [others], itemsEnd);

  const insertAt = own.start + followed;
  const monthBoxes = month[7];
  month[5]++;
  // Items after the new one moved up one: their ids, and their subtasks', may be a digit longer.
  month[10] = runsIdColumn(monthRuns, 0, month[5], month[0].length);
  for (const other of months) {
    if (other !== month && other[6] >= insertAt) other[6] += run.length;
    // Every month's checkboxes stand past the runs, one run longer; those after this month's, one box
    // more (its offset and its byte offset).
    other[7] += run.length + (other[7] > monthBoxes ? 2 : 0);
  }
  outline[7] = monthsEnd + run.length;
  for (const heading of headings.list) {
    if (heading[3] >= at) {
      heading[2] += lines;
      heading[3] += length;
    }
    if (heading[4] > at) heading[4] += length;
  }
  // A section and its entries know only their lines: past the insertion's line, they moved.
  const line = item.line - lineBreaks(insertion.text.slice(0, item.source.start - at));
  for (const section of sections) {
    if (section[2] > line) section[2] += lines;
    for (const entry of section[4]) if (entry[2] > line) entry[2] += lines;
  }
  outline[6] += length;
  outline[8] += byteLength;
  const boxes = [boxInts.subarray(0, boxAt), Int32Array.of(box), boxInts.subarray(boxAt, byteBoxAt), Int32Array.of(byteBox), boxInts.subarray(byteBoxAt)];
  return { head: packedHead(outline), runs: runs.map(bytesOf), boxes: boxes.map(bytesOf) };
}

/**
 * Moves the runs in `ints` (from `insertion.at` in the offsets they count in) that stand past the
 * insertion by its length and line breaks, and the ends of those that hold it. Where the top-level
 * item that starts at `follows` ends among them, if asked for and found. A string's bytes from its
 * item's checkbox stay as they are: the item added goes after a whole item, never between a
 * checkbox and its item's strings.
 */
function shiftRuns(ints: Int32Array, { at, length, lines }: Pick<InsertedText, 'at' | 'length' | 'lines'>, follows?: number): number | undefined {
  let after: number | undefined;
  // Every run in turn: a run's subtasks follow it, so one pass visits every item; `inside` counts
  // the runs still to come within the current top-level item.
  let inside = 0;
  let topStart = -1;
  for (let index = 0; index < ints.length;) {
    const start = ints[index + RUN.start] as number;
    if (inside === 0) topStart = start;
    else inside--;
    if (start >= at) {
      ints[index + RUN.line] = (ints[index + RUN.line] as number) + lines;
      ints[index + RUN.start] = start + length;
      ints[index + RUN.checkbox] = (ints[index + RUN.checkbox] as number) + length;
    }
    if ((ints[index + RUN.end] as number) > at) ints[index + RUN.end] = (ints[index + RUN.end] as number) + length;
    const subtaskCount = subtaskCountAt(ints, index);
    // Title, url and marker, then the notes: each string's offset, or a negative number for none.
    for (let string = index + RUN.title; string < subtaskCount; string += STRING_INTS + (string === index + RUN.marker ? 1 : 0)) {
      if ((ints[string] as number) >= at) ints[string] = (ints[string] as number) + length;
    }
    inside += ints[subtaskCount] as number;
    index = subtaskCount + 1;
    if (inside === 0 && topStart === follows) after = index;
  }
  return after;
}
