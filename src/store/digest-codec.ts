import type { Block, RawItem, SectionDigest } from '../model/digest.js';

/**
 * Digests as positional arrays: a cache of 10,000 items is half the size of plain JSON objects, and
 * reading it (JSON.parse) is most of a warm run's work.
 */
type PackedItem = [flags: number, checkOffset: number, title: string, url: string | null, day: number | null, line: number, start: number, end: number, marker: string, indent: number, notes: string[], children: PackedItem[]];
type PackedBlock = [0, depth: number, text: string, line: number, start: number, end: number, setext: number] | [1, PackedItem[]];
export type PackedDigest = [endsOpen: number, blocks: PackedBlock[]];

const packItem = (item: RawItem): PackedItem => [
  (item.task ? 1 : 0) | (item.done ? 2 : 0), item.checkOffset, item.title, item.url, item.day, item.line, item.start, item.end,
  item.marker, item.indent, item.notes, item.children.map(packItem),
];

const unpackItem = ([flags, checkOffset, title, url, day, line, start, end, marker, indent, notes, children]: PackedItem): RawItem => ({
  task: (flags & 1) !== 0, done: (flags & 2) !== 0, checkOffset, title, url, day, line, start, end, marker, indent, notes, children: children.map(unpackItem),
});

export function packDigest(digest: SectionDigest): PackedDigest {
  return [digest.endsOpen ? 1 : 0, digest.blocks.map((block): PackedBlock => (block.kind === 'heading'
    ? [0, block.heading.depth, block.heading.text, block.heading.line, block.heading.start, block.heading.end, block.heading.setext ? 1 : 0]
    : [1, block.items.map(packItem)]))];
}

export function unpackDigest([endsOpen, blocks]: PackedDigest): SectionDigest {
  return {
    endsOpen: endsOpen === 1,
    blocks: blocks.map((block): Block => (block[0] === 0
      ? { kind: 'heading', heading: { depth: block[1], text: block[2], line: block[3], start: block[4], end: block[5], setext: block[6] === 1 } }
      : { kind: 'list', items: block[1].map(unpackItem) })),
  };
}
