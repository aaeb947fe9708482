import type { Nodes, Root } from 'mdast';

/** Link reference definitions of a whole file: normalised label → destination, the first one wins. */
export type Definitions = Map<string, { url: string }>;

// Cheap pre-check: any line that might start a definition, also inside a list item or blockquote;
// a label may run over several lines.
const MAYBE_DEFINITION = /^[ \t>*+\-\d.)]*\[(?!\^)(?:[^\]\\]|\\.)+\]:/m;

export function mayHoldDefinitions(text: string): boolean {
  return text.includes(']:') && MAYBE_DEFINITION.test(text);
}

export function collectDefinitions(root: Root, into: Definitions): void {
  const visit = (node: Nodes): void => {
    if (node.type === 'definition') {
      if (!into.has(node.identifier)) into.set(node.identifier, { url: node.url });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
}

/**
 * Definition lines to append to a section parsed alone, so that references to labels defined in
 * other sections parse as references there too. Destinations come from `Definitions`, not from these
 * lines, so a placeholder is enough. The normalised label is used as written: it is raw label source
 * (escapes kept), and normalising it again gives itself.
 */
export function definitionsSuffix(definitions: Definitions): string {
  if (definitions.size === 0) return '';
  let suffix = '\n\n';
  for (const identifier of definitions.keys()) suffix += `[${identifier}]: #\n`;
  return suffix;
}
