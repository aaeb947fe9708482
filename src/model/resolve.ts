import { distance } from 'fastest-levenshtein';
import { looksLikeId } from './ids.js';
import { datedItems, flatten, matchesText } from './select.js';
import type { Item, ReadingList } from './types.js';

/** What an id or a query given on the command line names. */
export type Resolution =
  | { kind: 'found'; item: Item }
  /** Matched, but every match is already in the wanted state. */
  | { kind: 'already'; items: Item[] }
  | { kind: 'ambiguous'; candidates: Item[] }
  | { kind: 'none'; suggestions: Item[] };

export function everyItem(list: ReadingList): Item[] {
  const items = datedItems(list);
  for (const section of list.sections) flatten(section.items, items);
  return items;
}

/**
 * An exact id wins; otherwise a case-insensitive query over title and url, narrowed to the items
 * the command would change (`changes`: open ones for `done`, done ones for `undone`, any for `open`).
 */
export function resolveTarget(list: ReadingList, target: string, changes: (item: Item) => boolean): Resolution {
  const items = everyItem(list);
  const byId = items.find((item) => item.id === target);
  if (byId) return changes(byId) ? { kind: 'found', item: byId } : { kind: 'already', items: [byId] };
  if (looksLikeId(target)) {
    const near = items
      .map((item) => ({ item, far: distance(item.id, target) }))
      .filter(({ far }) => far <= 3)
      .sort((a, b) => a.far - b.far)
      .slice(0, 5)
      .map(({ item }) => item);
    return { kind: 'none', suggestions: near };
  }
  const matching = items.filter((item) => matchesText(item, target));
  const changeable = matching.filter(changes);
  if (changeable.length === 1 && changeable[0]) return { kind: 'found', item: changeable[0] };
  if (changeable.length > 1) return { kind: 'ambiguous', candidates: changeable };
  return matching.length > 0 ? { kind: 'already', items: matching } : { kind: 'none', suggestions: [] };
}
