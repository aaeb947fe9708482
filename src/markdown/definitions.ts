import type { Nodes, Root } from 'mdast';

/** Link reference definitions of a whole file: normalised label → destination, the first one wins. */
export type Definitions = Map<string, { label: string; url: string }>;

// Cheap pre-check: any line that might hold a definition, also inside a list item or blockquote.
const MAYBE_DEFINITION = /^[ \t>*+\-\d.)]*\[(?!\^)(?:[^\]\\\n]|\\.)+\]:/m;

export function mayHoldDefinitions(text: string): boolean {
  return MAYBE_DEFINITION.test(text);
}

export function collectDefinitions(root: Root, into: Definitions): void {
  const visit = (node: Nodes): void => {
    if (node.type === 'definition') {
      if (!into.has(node.identifier)) into.set(node.identifier, { label: node.label ?? node.identifier, url: node.url });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
}

/**
 * Definition lines to append to a section parsed alone, so that references to labels defined in
 * other sections parse as references there too. Destinations come from `Definitions`, not from these
 * lines, so a placeholder is enough.
 */
export function definitionsSuffix(definitions: Definitions): string {
  if (definitions.size === 0) return '';
  let suffix = '\n\n';
  for (const { label } of definitions.values()) suffix += `[${label}]: #\n`;
  return suffix;
}
