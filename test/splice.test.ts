import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySplices, samePieces, spliceBytes, type Splice } from '../src/edit/splice.js';

/** Text of ASCII, CJK, emoji (surrogate pairs), line breaks and a BOM-like character. */
const text = fc.array(fc.constantFrom('a', ' ', '\n', '\r\n', '[x]', '研究', '🈷️', '📚', 'é', '\uFEFF', '✅'), { maxLength: 40 }).map((parts) => parts.join(''));

/** Offsets between characters, never inside a surrogate pair. */
const boundaries = (source: string): number[] => {
  const offsets = [0];
  for (const char of source) offsets.push((offsets.at(-1) ?? 0) + char.length);
  return offsets;
};

const textAndSplices = text.chain((source) => {
  const offsets = boundaries(source);
  const splice = fc.tuple(fc.constantFrom(...offsets), fc.constantFrom(...offsets), text)
    .map(([a, b, inserted]): Splice => ({ start: Math.min(a, b), end: Math.max(a, b), text: inserted }));
  // Non-overlapping: each splice taken from the part of the text after the one before.
  return fc.array(splice, { maxLength: 4 }).map((candidates) => {
    const splices: Splice[] = [];
    for (const candidate of [...candidates].sort((a, b) => a.start - b.start)) {
      const last = splices.at(-1);
      if (!last || candidate.start >= last.end) splices.push(candidate);
    }
    return { source, splices };
  });
});

describe('splices applied to the bytes', () => {
  it('give the bytes of the spliced text', () => {
    fc.assert(fc.property(textAndSplices, ({ source, splices }) => {
      const pieces = spliceBytes(source, Buffer.from(source, 'utf8'), splices);
      expect(Buffer.concat(pieces).equals(Buffer.from(applySplices(source, splices), 'utf8'))).toBe(true);
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 500) });
  });

  it('are compared with the bytes before in place: the same exactly when the spliced text is the same', () => {
    fc.assert(fc.property(textAndSplices, ({ source, splices }) => {
      const before = Buffer.from(source, 'utf8');
      const pieces = spliceBytes(source, before, splices);
      const after = Buffer.concat(pieces);
      expect(samePieces(pieces, before)).toBe(applySplices(source, splices) === source);
      expect(samePieces(pieces, after)).toBe(true);
      // Longer or shorter by a byte at the end: never the same.
      expect(samePieces([...pieces, Buffer.from('a')], after)).toBe(false);
      expect(samePieces(pieces, Buffer.concat([after, Buffer.from('a')]))).toBe(false);
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 500) });
  });

  it('refuse a splice inside a character', () => {
    const source = 'a📚b';
    expect(() => spliceBytes(source, Buffer.from(source, 'utf8'), [{ start: 2, end: 2, text: 'x' }])).toThrow(/inside a character/);
  });
});
