import type { Nodes } from 'mdast';

/**
 * The text a reader sees: links, emphasis and code flattened, images to their alt text. Footnote
 * references keep their source form so that a title reads the same whether or not the footnote is
 * defined in the part of the file that was parsed.
 */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'html':
      return node.value;
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'break':
      return '\n';
    case 'footnoteReference':
      return `[^${node.label ?? node.identifier}]`;
    default:
      return 'children' in node ? node.children.map((child) => plainText(child as Nodes)).join('') : '';
  }
}
