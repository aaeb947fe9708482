type Parser = typeof import('./parser.js');
let parser: Parser | undefined;

/**
 * The parser is most of the start-up cost: it is loaded only when a section is not cached. A module
 * of its own, imported by nothing heavier, so that asking whether it was loaded costs start-up nothing.
 */
export async function loadParser(): Promise<Parser['parseMarkdown']> {
  parser ??= await import('./parser.js');
  return parser.parseMarkdown;
}

/** Whether this run loaded the parser: the code cache made by such a run holds it (bin/read.js). */
export function parserLoaded(): boolean {
  return parser !== undefined;
}

/** A read's parses are over (see parser.ts: the heap setting goes back to every run's). */
export function parsingDone(): void {
  parser?.parsingDone();
}
