import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32Hex, fingerprint } from '../src/store/hashes.js';

/** CRC-32's polynomial, x^32 + x^26 + … + 1, and the same read backwards. */
const G = 0x104c11db7n;
const G_REVERSED = BigInt(`0b${G.toString(2).split('').reverse().join('')}`);

/** The product of two polynomials over GF(2), as bits. */
function times(a: bigint, b: bigint): bigint {
  let product = 0n;
  for (let shift = 0n; b >> shift > 0n; shift++) if ((b >> shift) & 1n) product ^= a << shift;
  return product;
}

/**
 * `bytes` with the polynomial `difference` (times x^`shift`) added to the polynomial CRC-32 reads
 * them as: zlib's CRC-32 takes each byte's bits lowest first, the first bit as the highest power.
 */
function differingBy(bytes: Uint8Array, difference: bigint, shift: number): Buffer {
  const changed = Buffer.from(bytes);
  const highest = 8 * bytes.length - 1;
  for (let power = 0; difference >> BigInt(power) > 0n; power++) {
    if (((difference >> BigInt(power)) & 1n) === 0n) continue;
    const bit = highest - (power + shift);
    changed[bit >> 3] = (changed[bit >> 3] as number) ^ (1 << (bit & 7));
  }
  return changed;
}

const crcOf = (key: string) => key.slice(8, 16);
const crcBackwardsOf = (key: string) => key.slice(16);

describe('fingerprint', () => {
  const text = fc.uint8Array({ minLength: 40, maxLength: 200 });

  it('is the length and the CRC-32 of the parts one after another, strings as UTF-8, then a CRC-32 of their bits backwards', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.uint8Array({ maxLength: 50 })), { maxLength: 6 }), (parts) => {
      const joined = Buffer.concat(parts.map((part) => Buffer.from(part)));
      const key = fingerprint(...parts);
      expect(key).toHaveLength(24);
      expect(key).toBe(fingerprint(joined));
      expect(key.slice(0, 8)).toBe(joined.length.toString(16).padStart(8, '0'));
      expect(crcOf(key)).toBe(crc32Hex(joined));
    }));
  });

  it('texts that differ by a multiple of G share the first CRC, of G reversed the second, and only of both the fingerprint', () => {
    fc.assert(fc.property(text, fc.nat(200), (bytes, at) => {
      const shift = at % (8 * bytes.length - 64);
      const key = fingerprint(bytes);
      const byG = fingerprint(differingBy(bytes, G, shift));
      const byReversed = fingerprint(differingBy(bytes, G_REVERSED, shift));
      const byBoth = differingBy(bytes, times(G, G_REVERSED), shift);
      // Each CRC alone is fooled by its own polynomial: it is the other that tells them apart.
      expect(crcOf(byG)).toBe(crcOf(key));
      expect(crcBackwardsOf(byG)).not.toBe(crcBackwardsOf(key));
      expect(crcBackwardsOf(byReversed)).toBe(crcBackwardsOf(key));
      expect(crcOf(byReversed)).not.toBe(crcOf(key));
      // G·G*, of degree 64, fools both: no change within fewer bits can.
      expect(byBoth.equals(bytes)).toBe(false);
      expect(fingerprint(byBoth)).toBe(key);
    }));
  });

  it('tells apart any two texts of one length that differ only within 64 bits in a row', () => {
    fc.assert(fc.property(text, fc.nat(), fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }), (bytes, at, difference) => {
      expect(fingerprint(differingBy(bytes, difference, at % (8 * bytes.length - 64)))).not.toBe(fingerprint(bytes));
    }), { numRuns: 2000 });
  });
});
