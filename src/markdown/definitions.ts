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
