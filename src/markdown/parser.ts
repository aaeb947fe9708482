import { fromMarkdown, type CompileContext, type Extension as FromMarkdownExtension, type Token } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type {} from 'micromark-extension-gfm-task-list-item';
import type { Root } from 'mdast';

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

const options = {
  extensions: [frontmatter(), gfm()],
  mdastExtensions: [frontmatterFromMarkdown(), gfmFromMarkdown(), checkboxOffsets],
};

/** Parses Markdown (BOM already removed) into mdast; offsets are UTF-16 indexes into `text`. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, options);
}
