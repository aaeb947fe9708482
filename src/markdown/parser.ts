import { fromMarkdown, type CompileContext, type Extension as FromMarkdownExtension, type Token } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type {} from 'micromark-extension-gfm-task-list-item';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Extension as MicromarkExtension } from 'micromark-util-types';
import type { Root } from 'mdast';
import { setV8 } from '../v8-flags.js';

declare module 'mdast' {
  interface ListItemData {
    /** UTF-16 offset of the character between the brackets of `[ ]` / `[x]`, from the tokenizer itself. */
    checkOffset?: number;
  }
}

/**
 * The checkbox's offset cannot be derived from node positions (a paragraph that starts with a link
 * still spans the `[x]`), so take it from the token. Must come after `gfmFromMarkdown()`: the last
 * exit handler for a token type wins, so this one also sets `checked` as the gfm handler would.
 */
const checkboxOffsets: FromMarkdownExtension = {
  exit: {
    taskListCheckValueChecked: exitCheck,
    taskListCheckValueUnchecked: exitCheck,
  },
};

function exitCheck(this: CompileContext, token: Token): void {
  const node = this.stack[this.stack.length - 2];
  if (node?.type !== 'listItem') return;
  node.checked = token.type === 'taskListCheckValueChecked';
  node.data = { ...node.data, checkOffset: token.start.offset };
}

/**
 * Makes the tokenizer take `identifiers` (mdast form) as defined, as if their definitions stood
 * elsewhere in the document: whether `[a][b]` is a reference is decided in the tokenizer, by
 * `parser.defined`, which only the tokenizer can reach. It runs before label ends (`]`), which is
 * where that list is read, and lets them go on.
 */
function knownDefinitions(identifiers: readonly string[]): MicromarkExtension {
  const keys = identifiers.map((identifier) => normalizeIdentifier(identifier));
  let seeded = false;
  return { text: { 93: { tokenize(_effects, _ok, nok) {
    if (!seeded) this.parser.defined.push(...keys);
    seeded = true;
    return nok;
  } } } };
}

/** A read's parses are over: V8 goes back to what the run had before (v8-flags.ts). */
export function parsingDone(): void {
  setV8({ parsing: false, longParse: false });
}

/**
 * Past this much text parsed in a run, the parse is long enough for V8's optimizing compiler to pay
 * (see v8-flags.ts): a first read of 10,000 items took 4.8 s without it, 3.1 s with it. The section
 * an `add` checks (a few KiB) is not.
 */
const LONG_PARSE_LENGTH = 64 * 1024;
let parsedLength = 0;

const extensions = [frontmatter(), gfm()];
const mdastExtensions = [frontmatterFromMarkdown(), gfmFromMarkdown(), checkboxOffsets];

/**
 * Parses Markdown (BOM already removed) into mdast; offsets are UTF-16 indexes into `text`.
 * `defined`: labels of link definitions outside `text` that its references may use.
 */
export function parseMarkdown(text: string, defined: readonly string[] = []): Root {
  parsedLength += text.length;
  setV8({ parsing: true, longParse: parsedLength >= LONG_PARSE_LENGTH });
  return fromMarkdown(text, {
    extensions: defined.length > 0 ? [...extensions, knownDefinitions(defined)] : extensions,
    mdastExtensions,
  });
}
