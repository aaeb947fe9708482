import { fromMarkdown, type CompileContext, type Extension as FromMarkdownExtension, type Token } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type {} from 'micromark-extension-gfm-task-list-item';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Extension as MicromarkExtension } from 'micromark-util-types';
import type { Root } from 'mdast';
import { setFlagsFromString } from 'node:v8';

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

/**
 * The parser makes garbage fast, and V8 let the heap grow to six times what was live (440 MiB at
 * 100,000 items, 60 MiB live); a gentler growth factor kept the peak near 280 MiB in the same time.
 * Only while a read parses: V8 stamps the code it caches with a hash of its flags and refuses that
 * code in a process whose flags differ, and every run starts with the defaults (code cached after a
 * parse was never used again; `add`, which parses its section each time, compiled everything anew).
 * Set here, where parsing starts: a run that finds every section cached never pays for node:v8.
 */
let gentleHeap = false;

function setGentleHeap(on: boolean): void {
  if (on !== gentleHeap) setFlagsFromString(`--heap-growing-percent=${on ? 50 : 0}`);
  gentleHeap = on;
}

/** A read's parses are over: the flags go back to every run's. */
export function parsingDone(): void {
  setGentleHeap(false);
}

const extensions = [frontmatter(), gfm()];
const mdastExtensions = [frontmatterFromMarkdown(), gfmFromMarkdown(), checkboxOffsets];

/**
 * Parses Markdown (BOM already removed) into mdast; offsets are UTF-16 indexes into `text`.
 * `defined`: labels of link definitions outside `text` that its references may use.
 */
export function parseMarkdown(text: string, defined: readonly string[] = []): Root {
  setGentleHeap(true);
  return fromMarkdown(text, {
    extensions: defined.length > 0 ? [...extensions, knownDefinitions(defined)] : extensions,
    mdastExtensions,
  });
}
