import type { ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import type { Definitions } from '../markdown/definitions.js';
import { plainText } from '../markdown/plain-text.js';
import type { Heading } from './types.js';

/**
 * What one section of the file holds, before any context is known: its headings and its top-level
 * lists, in order. Offsets and lines are relative to the section's start, so a digest stays valid
 * (and cacheable) when text above the section changes.
 */
export interface SectionDigest {
  blocks: Block[];
  /** The last block is a fence or HTML block that may run on into the next section. */
  endsOpen: boolean;
}

export type Block = { kind: 'heading'; heading: Heading } | { kind: 'list'; items: RawItem[] };

/** A list item as written, task or not; the model decides what it is from where it stands. */
export interface RawItem {
  task: boolean;
  done: boolean;
  checkOffset: number;
  title: string;
  url: string | null;
  day: number | null;
  line: number;
  start: number;
  end: number;
  marker: string;
  indent: number;
  notes: string[];
  children: RawItem[];
}

const DAY_PREFIX = /^(\d{1,2})[ \t]+/;
const MARKER = /^(?:[-*+]|\d{1,9}[.)])/;

export function digestSection(root: Root, source: string, definitions: Definitions): SectionDigest {
  const blocks: Block[] = [];
  let last: RootContent | undefined;
  for (const node of root.children) {
    const start = node.position?.start.offset ?? 0;
    last = node;
    if (node.type === 'heading') {
      blocks.push({ kind: 'heading', heading: {
        depth: node.depth,
        text: plainText(node).trim(),
        line: node.position?.start.line ?? 1,
        start,
        end: node.position?.end.offset ?? start,
        setext: source[start] !== '#',
      } });
    } else if (node.type === 'list') {
      blocks.push({ kind: 'list', items: node.children.map((item) => rawItem(item, source, definitions)) });
    }
  }
  const endsOpen = (last?.type === 'code' || last?.type === 'html')
    && (last.position?.end.offset ?? 0) >= source.trimEnd().length;
  return { blocks, endsOpen };
}

function rawItem(item: ListItem, source: string, definitions: Definitions): RawItem {
  const start = item.position?.start.offset ?? 0;
  const [first, ...rest] = item.children;
  const lead = first?.type === 'paragraph' ? firstLine(first, source, definitions) : { title: '', url: null, day: null, more: '' };
  const notes: string[] = lead.more ? [lead.more] : [];
  const children: RawItem[] = [];
  for (const child of first?.type === 'paragraph' ? rest : item.children) {
    if (child.type === 'paragraph') {
      const note = oneLine(plainText(child));
      if (note) notes.push(note);
    }
    else if (child.type === 'list') for (const nested of child.children) children.push(rawItem(nested, source, definitions));
  }
  const task = typeof item.checked === 'boolean' && item.data?.checkOffset !== undefined;
  return {
    task,
    done: item.checked === true,
    checkOffset: task ? item.data?.checkOffset ?? -1 : -1,
    title: lead.title,
    url: lead.url,
    day: task ? lead.day : null,
    line: item.position?.start.line ?? 1,
    start,
    end: item.position?.end.offset ?? start,
    marker: MARKER.exec(source.slice(start, start + 11))?.[0] ?? '-',
    indent: (item.position?.start.column ?? 1) - 1,
    notes,
    children,
  };
}

interface Lead { title: string; url: string | null; day: number | null; more: string }

/** Title, url and day come from the item's first line only; the paragraph's other lines are a note. */
function firstLine(paragraph: Paragraph, source: string, definitions: Definitions): Lead {
  const [titleLine = '', ...moreLines] = plainText(paragraph).split('\n');
  let title = titleLine.trim();
  let day: number | null = null;
  const head = paragraph.children[0];
  if (head?.type === 'text' && head.position) {
    // Read from the source so that `&#49;2 monkeys` stays a title and never becomes day 12.
    const written = DAY_PREFIX.exec(source.slice(head.position.start.offset, head.position.end.offset));
    const value = Number(written?.[1]);
    if (written && value >= 1 && value <= 31 && title.startsWith(written[1] ?? '')) {
      day = value;
      title = title.replace(DAY_PREFIX, '');
    }
  }
  const line = paragraph.position?.start.line;
  return { title, url: firstUrl(paragraph, line, definitions), day, more: oneLine(moreLines.join('\n')) };
}

function firstUrl(node: Nodes, line: number | undefined, definitions: Definitions): string | null {
  if (node.position && node.position.start.line !== line) return null;
  if (node.type === 'link') return node.url || null;
  if (node.type === 'linkReference') return definitions.get(node.identifier)?.url || null;
  if ('children' in node) {
    for (const child of node.children) {
      const url = firstUrl(child as Nodes, line, definitions);
      if (url !== null) return url;
    }
  }
  return null;
}

function oneLine(text: string): string {
  return text.split('\n').map((part) => part.trim()).filter(Boolean).join(' ');
}
