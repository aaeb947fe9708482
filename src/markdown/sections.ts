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
const FRONT_MATTER_CLOSE = new RegExp(FRONT_MATTER_OPEN.source, 'gm');
const ATX_HEADING = /^#{1,6}(?:[ \t]|\r?$)/;
/** The only lines that can split or stop a split: headings and fence lines. The rest is skipped unread. */
const CANDIDATE = /^(?:#| {0,3}(?:`{3}|~{3}))/gm;

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
  const lines = new LineCounter(text);
  CANDIDATE.lastIndex = 0;
  if (FRONT_MATTER_OPEN.test(text.slice(0, lineEnd(text, 0)))) {
    FRONT_MATTER_CLOSE.lastIndex = lineEnd(text, 0);
    if (!FRONT_MATTER_CLOSE.exec(text)) return [{ start: 0, end: text.length, line: 1 }];
    CANDIDATE.lastIndex = FRONT_MATTER_CLOSE.lastIndex;
  }
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
    const offset = match.index;
    const content = text.slice(offset, lineEnd(text, offset));
    if (!fences.inFence(content) && ATX_HEADING.test(content) && offset > sectionStart) {
      spans.push({ start: sectionStart, end: offset, line: sectionLine });
      sectionStart = offset;
      sectionLine = lines.lineAt(offset);
    }
    CANDIDATE.lastIndex = offset + content.length;
  }
  spans.push({ start: sectionStart, end: text.length, line: sectionLine });
  return spans;
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}

/** 1-based line numbers of offsets asked for in increasing order, counted without splitting the text. */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    for (let newline = this.text.indexOf('\n', this.offset); newline !== -1 && newline < offset; newline = this.text.indexOf('\n', newline + 1)) this.line++;
    this.offset = offset;
    return this.line;
  }
}
