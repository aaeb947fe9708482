import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Offsets } from '../src/store/utf8-offsets.js';

describe('offsets among the UTF-8 bytes', () => {
  it('are where the text before each offset ends once encoded, for offsets in any order and lists of any length', () => {
    const text = fc.array(fc.oneof(fc.constantFrom('a', '\n', 'é', '研', '😀', '\u0800', '\u07ff', '\uffff'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), { maxLength: 60 })
      .map((characters) => characters.join(''));
    fc.assert(fc.property(text, fc.array(fc.array(fc.nat(), { maxLength: 8 }), { maxLength: 5 }), (chosen, picks) => {
      // Offsets at the start of a character, as a checkbox always is: never inside a surrogate pair.
      const starts = [...chosen].reduce<number[]>((at, character) => [...at, (at.at(-1) ?? 0) + character.length], [0]);
      const lists = picks.map((list) => Int32Array.from(list, (pick) => starts[pick % starts.length] as number));
      const found = utf8Offsets(chosen, lists);
      expect(found.map((list) => Array.from(list))).toEqual(lists.map((list) => Array.from(list, (offset) => Buffer.byteLength(chosen.slice(0, offset)))));
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) * 3 });
  });
});
