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
 * The item an id names, followed along the id (`2023-04.3.2`: month 2023-04, its third item, that
 * one's second subtask) rather than looked for among every item. Dated items first, as in `everyItem`.
 */
function itemById(list: ReadingList, id: string): Item | undefined {
  const [container = '', ...path] = id.split('.');
  const follow = (items: readonly Item[]): Item | undefined => {
    let found: Item | undefined;
    for (const position of path) {
      found = (found ? found.subtasks : items)[Number(position) - 1];
      if (!found) return undefined;
    }
    return found?.id === id ? found : undefined;
  };
  const containers = [
    ...list.months.filter((month) => month.id === container),
    ...list.years.filter((year) => String(year.year) === container),
    ...list.sections.filter((section) => section.id === container),
  ];
  for (const { items } of containers) {
    const found = follow(items);
    if (found) return found;
  }
  return undefined;
}

/**
 * An exact id wins; otherwise a case-insensitive query over title and url, narrowed to the items
 * the command would change (`changes`: open ones for `done`, done ones for `undone`, any for `open`).
 */
export function resolveTarget(list: ReadingList, target: string, changes: (item: Item) => boolean): Resolution {
  const byId = itemById(list, target);
  if (byId) return changes(byId) ? { kind: 'found', item: byId } : { kind: 'already', items: [byId] };
  const items = everyItem(list);
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
