import { collectDefinitions, definitionsSuffix, mayHoldDefinitions, type Definitions } from '../markdown/definitions.js';
import { parseMarkdown } from '../markdown/parser.js';
import { splitSections, type SectionSpan } from '../markdown/sections.js';
import { buildReadingList, type PlacedDigest } from './build.js';
import { digestSection, type SectionDigest } from './digest.js';
import type { ReadingList } from './types.js';

/** Where digests of sections already seen are kept; keyed by everything a digest depends on. */
export interface DigestCache {
  get(key: string): SectionDigest | undefined;
  set(key: string, digest: SectionDigest): void;
}

export interface ReadStats {
  sections: number;
  /** Sections that had to be parsed (not found in the cache). */
  parsed: number;
}

/** Bump when a change to the parser set-up or the digest would change a digest. */
export const DIGEST_VERSION = '1';

/**
 * Reads the reading list from the file's text (BOM removed). The parser is slow and worse than
 * linear on a whole large file, so each top-level section is parsed alone, and only when the cache
 * has not seen it; the result equals one whole parse.
 */
export function readListFromText(text: string, cache?: DigestCache, hash?: (input: string) => string): { list: ReadingList; stats: ReadStats } {
  const spans = splitSections(text);
  const definitions = definitionsOf(text, spans);
  const suffix = definitionsSuffix(definitions);
  const context = definitions.size > 0 ? JSON.stringify([...definitions]) : '';
  const stats: ReadStats = { sections: 0, parsed: 0 };
  const digestOf = (source: string): SectionDigest => {
    const key = cache && hash ? hash(`${DIGEST_VERSION}\0${context}\0${source}`) : '';
    const cached = key ? cache?.get(key) : undefined;
    if (cached) return cached;
    stats.parsed++;
    const digest = digestSection(parseMarkdown(source + suffix), source, definitions);
    if (key) cache?.set(key, digest);
    return digest;
  };

  const placed: PlacedDigest[] = [];
  for (let index = 0; index < spans.length; index++) {
    let span = spans[index] as SectionSpan;
    let digest = digestOf(text.slice(span.start, span.end));
    // A fence or HTML block left open may swallow the next heading: parse the two together.
    while (digest.endsOpen && index + 1 < spans.length) {
      span = { ...span, end: (spans[++index] as SectionSpan).end };
      digest = digestOf(text.slice(span.start, span.end));
    }
    placed.push({ digest, offset: span.start, line: span.line });
  }
  stats.sections = placed.length;
  return { list: buildReadingList(placed), stats };
}

function definitionsOf(text: string, spans: readonly SectionSpan[]): Definitions {
  const definitions: Definitions = new Map();
  if (!mayHoldDefinitions(text)) return definitions;
  for (const span of spans) {
    const source = text.slice(span.start, span.end);
    if (mayHoldDefinitions(source)) collectDefinitions(parseMarkdown(source), definitions);
  }
  return definitions;
}
