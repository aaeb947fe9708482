import { UserError } from '../errors.js';
import type { Resolution } from '../model/resolve.js';
import type { Item } from '../model/types.js';
import { sanitize } from '../render/sanitize.js';

/** `2023-04.3  研究 GitHub REST API 文档`: how items are named in messages. */
export function describeItem(item: Item): string {
  return `${item.id}  ${sanitize(item.title)}`;
}

/** Nothing or more than one matched: a user error that lists what could have been meant. */
export function unresolved(target: string, found: Extract<Resolution, { kind: 'none' | 'ambiguous' }>): UserError {
  if (found.kind === 'ambiguous') return new UserError(`'${target}' matches ${found.candidates.length} items; give an id:\n${found.candidates.map(describeItem).join('\n')}`);
  const hint = found.suggestions.length > 0 ? `\nDid you mean:\n${found.suggestions.map(describeItem).join('\n')}` : '';
  return new UserError(`nothing matches '${target}'.${hint}`);
}
