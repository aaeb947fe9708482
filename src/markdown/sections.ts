import { FenceTracker } from './fences.js';

/** A slice of the source that parses to the same tree alone as inside the whole document. */
export interface SectionSpan {
  /** UTF-16 offset of the first character. */
  start: number;
  end: number;
  /** 1-based line of `start`. */
  line: number;
}

const FRONT_MATTER_OPEN = /^---[ \t]*\r?$/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|\r?$)/;

/**
 * Proposes split points before every column-0 ATX heading outside front matter and top-level fenced
 * code. A column-0 heading closes every open container, so the only constructs that could swallow it
 * are leaf blocks that run past it (fences, HTML blocks): the parse checks each section's last block
 * and merges a section whose last block is still open (see `endsOpen`).
 */
export function splitSections(text: string): SectionSpan[] {
  const spans: SectionSpan[] = [];
  let sectionStart = 0;
  let sectionLine = 1;
  const fences = new FenceTracker();
  let inFrontMatter = FRONT_MATTER_OPEN.test(firstLine(text));
  let offset = 0;
  let line = 1;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const next = newline === -1 ? text.length : newline + 1;
    const content = text.slice(offset, newline === -1 ? text.length : newline);
    if (inFrontMatter) {
      if (line > 1 && /^---[ \t]*\r?$/.test(content)) inFrontMatter = false;
    } else if (!fences.inFence(content) && ATX_HEADING.test(content) && offset > sectionStart) {
      spans.push({ start: sectionStart, end: offset, line: sectionLine });
      sectionStart = offset;
      sectionLine = line;
    }
    offset = next;
    line++;
  }
  spans.push({ start: sectionStart, end: text.length, line: sectionLine });
  return spans;
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline === -1 ? text : text.slice(0, newline);
}
