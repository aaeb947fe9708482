import { lineBreaks } from '../edit/lines.js';
import type { InsertedText } from '../model/insertion.js';
import type { Item } from '../model/types.js';
import { boxesAt, bytesOf, ItemWriter, packedHead, RUN, runsEnd, subtaskCountAt, type PackedList, type PackedParts } from './list-codec.js';

/**
 * The packed list of a text, made into the packed list of that text with `insertion` made, which
 * adds `item` to its month right after `follows` (a month's item, not a subtask): what add leaves
 * for the next command. Everything that stands past the insertion moves by its length and its line
 * breaks; the rest is as it was. Encoding the whole list again would cost an add at 10,000 items
 * some 50 ms; without it, the next command would build the list from every section's digest.
 * Undefined when `follows` is not found where its month's items are, or `item` has subtasks.
 * Given the packed list a read split (not split again: 10 ms at 100,000 items), whose outline it
 * changes in place; the bytes to write, in parts (see `PackedParts`).
 */
export function packedWithItem(packed: PackedList, insertion: InsertedText, item: Item, follows: Item): PackedParts | undefined {
  const { outline } = packed;
  // Changed in place below: a copy, not the integers read, which the list read from them may still use.
  const ints = packed.ints.slice();
  const [headings, months, , sections, , strings, , monthsEnd] = outline;
  const { at, length, lines } = insertion;
  const month = months.find(([id]) => id === item.id.slice(0, item.id.lastIndexOf('.')));
  const itemsEnd = runsEnd(months, ints);
  let insertAt = -1;
  // Every item's run in turn, months' then years' then sections': a run's subtasks follow it, so
  // one pass visits every item; `inside` counts the runs still to come within the current top-level item.
  let inside = 0;
  let topStart = -1;
  for (let index = 0; index < itemsEnd;) {
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
    for (let string = index + RUN.title; string < subtaskCount; string += string === index + RUN.marker ? 3 : 2) {
      if ((ints[string] as number) >= at) ints[string] = (ints[string] as number) + length;
    }
    inside += ints[subtaskCount] as number;
    index = subtaskCount + 1;
    if (inside === 0 && topStart === follows.source.start && month && index > month[6] && index <= monthsEnd) insertAt = index;
  }
  if (!month || insertAt === -1 || item.subtasks.length > 0) return undefined;
  // The months' checkboxes: those past the insertion move (in the text and among its bytes), and the
  // item's goes in after the one it follows, in both.
  const byteLength = Buffer.byteLength(insertion.text);
  let boxAt = -1;
  let byteBoxAt = -1;
  for (const packed of months) {
    const boxes = boxesAt(ints, packed[7]);
    for (let box = boxes.items; box < boxes.bytes; box++) {
      if ((ints[box] as number) < at) continue;
      ints[box] = (ints[box] as number) + length;
      ints[box + boxes.count] = (ints[box + boxes.count] as number) + byteLength;
    }
    const followed = packed === month ? ints.subarray(boxes.items, boxes.subtasks).indexOf(follows.source.checkOffset) : -1;
    if (followed !== -1) [boxAt, byteBoxAt] = [boxes.items + followed + 1, boxes.bytes + followed + 1];
  }
  if (boxAt === -1) return undefined;
  ints[month[7]] = (ints[month[7]] as number) + 1;
  const box = item.source.checkOffset;
  const byteBox = insertion.byteAt + Buffer.byteLength(insertion.text.slice(0, box - at));

  // The item's strings are looked for in the text inserted, which holds the whole item.
  const writer = new ItemWriter(insertion.text, strings, at);
  writer.items([item]);
  const run = writer.ints;
  // The integers in the pieces they are written in, not joined: another copy of them all.
  const runs = [ints.subarray(0, insertAt), Int32Array.from(run), ints.subarray(insertAt, itemsEnd)];
  const boxes = [ints.subarray(itemsEnd, boxAt), Int32Array.of(box), ints.subarray(boxAt, byteBoxAt), Int32Array.of(byteBox), ints.subarray(byteBoxAt)];
  const monthBoxes = month[7];
  month[5]++;
  for (const other of months) {
    if (other !== month && other[6] >= insertAt) other[6] += run.length;
    // Every month's checkboxes stand past the runs, one run longer; those after this month's, one box
    // more (its offset and its byte offset).
    other[7] += run.length + (other[7] > monthBoxes ? 2 : 0);
  }
  outline[7] = monthsEnd + run.length;
  for (const heading of headings) {
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
  return { head: packedHead(outline), runs: runs.map(bytesOf), boxes: boxes.map(bytesOf) };
}
