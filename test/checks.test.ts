import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listAfterChecks } from '../src/edit/check.js';
import { applySplices, type Splice } from '../src/edit/splice.js';
import { SEED } from './helpers/cli.js';
import { itemsById, listOf } from './helpers/model.js';

const seed = readFileSync(SEED, 'utf8');

describe('the list after an edit that only checks boxes', () => {
  it('is the list the edited text reads as, for items, subtasks and several at once', async () => {
    const list = await listOf(seed);
    const items = itemsById(list);
    const at = (id: string) => items.get(id)?.source.checkOffset ?? -1;
    const edits: Splice[][] = [
      [{ start: at('2023-04.3'), end: at('2023-04.3') + 1, text: 'X' }],
      [{ start: at('2023-04.7.2'), end: at('2023-04.7.2') + 1, text: 'x' }],
      [{ start: at('2023-05.1'), end: at('2023-05.1') + 1, text: ' ' }, { start: at('2023-04.3'), end: at('2023-04.3') + 1, text: 'x' }],
    ];
    for (const splices of edits) {
      expect(splices.every((splice) => splice.start >= 0)).toBe(true);
      expect(listAfterChecks(seed, list, splices)).toEqual(await listOf(applySplices(seed, splices)));
    }
    // The list it was given is left as it was.
    expect(list).toEqual(await listOf(seed));
  });

  it('is not derived for any other edit', async () => {
    const list = await listOf(seed);
    const check = itemsById(list).get('2023-04.3')?.source.checkOffset ?? -1;
    const title = seed.indexOf('研究 GitHub REST API 文档');
    for (const splices of [
      [{ start: check, end: check + 1, text: 'XX' }],
      [{ start: check, end: check + 1, text: 'y' }],
      [{ start: check, end: check, text: 'x' }],
      [{ start: title, end: title + 1, text: 'x' }],
      [{ start: check, end: check + 1, text: 'x' }, { start: check + 20, end: check + 20, text: ' ✅ 2026-11-30' }],
    ]) {
      expect(listAfterChecks(seed, list, splices)).toBeUndefined();
    }
  });
});
