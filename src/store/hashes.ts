import { crc32 } from 'node:zlib';

/**
 * The CRC-32 of the parts one after another, as 8 hex digits: a checksum against damage, and with
 * a length what tells one list file from another (see `fileIdentity` in list-file.ts), never a key
 * that two different sections could share (see `fingerprint`). At 8 MB, 2.5 ms where SHA-1 took 4
 * and SHA-256 5.5.
 */
export function crc32Hex(...parts: readonly (string | Uint8Array)[]): string {
  // An empty part is passed over: zlib takes one with no memory behind it (an empty Int32Array's)
  // for a request for the CRC's start, and gives 0 whatever came before.
  return (parts.reduce((crc: number, part) => (part.length === 0 ? crc : crc32(part, crc)), 0) >>> 0).toString(16).padStart(8, '0');
}

/** The bytes of `from` in the opposite order, each with its bits in the opposite order, into `into` before `end`. */
function mirror(from: Uint8Array, into: DataView, end: number): void {
  const words = new DataView(from.buffer, from.byteOffset, from.length);
  let at = 0;
  // Four bytes at a time, for code V8 does not optimize (lists under 2 MiB: v8-flags.ts): byte by
  // byte, the first `list` after a hand edit took 28 ms more at 10,000 items, keying every section.
  // A word's bits are swapped in ever smaller halves within each byte; the word is stored big-endian.
  for (; at + 4 <= from.length; at += 4) {
    let word = words.getUint32(at, true);
    word = ((word >>> 1) & 0x55555555) | ((word & 0x55555555) << 1);
    word = ((word >>> 2) & 0x33333333) | ((word & 0x33333333) << 2);
    word = ((word >>> 4) & 0x0f0f0f0f) | ((word & 0x0f0f0f0f) << 4);
    into.setUint32(end - at - 4, word);
  }
  for (; at < from.length; at++) {
    const byte = from[at] as number;
    into.setUint8(end - at - 1, ((((byte * 0x0802) & 0x22110) | ((byte * 0x8020) & 0x88440)) * 0x10101) >> 16);
  }
}

/**
 * What keys a section's digest: of the parts one after another, their length and two CRC-32s (24
 * hex digits), one of the bytes and one of all their bits in the opposite order. Not a SHA-1, which
 * loaded node:crypto (2.5 ms) for every edit.
 *
 * Two texts of one length have the same CRC-32 exactly when the polynomial their bits differ by,
 * E, is a multiple of the CRC's polynomial G; read backwards, when E is a multiple of G reversed,
 * G*. G and G* share no factor, so both CRCs are the same exactly when E is a multiple of G·G*, of
 * degree 64: texts that differ only within 64 bits in a row never share a fingerprint, and others
 * all but once in 2^64 (test/hashes.test.ts shows the first, and that G·G* is what fools both).
 */
export function fingerprint(...parts: readonly (string | Uint8Array)[]): string {
  const bytes = parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part));
  const length = bytes.reduce((total, part) => total + part.length, 0);
  const backwards = Buffer.allocUnsafe(length);
  const into = new DataView(backwards.buffer, backwards.byteOffset, length);
  let end = length;
  for (const part of bytes) {
    mirror(part, into, end);
    end -= part.length;
  }
  return `${lengthAndCrc32(bytes)}${crc32Hex(backwards)}`;
}

/** The parts' length in bytes (8 hex digits) and their CRC-32: a fingerprint's first half, and what `fileIdentity` (list-file.ts) is. */
export function lengthAndCrc32(parts: readonly Uint8Array[]): string {
  const length = parts.reduce((total, part) => total + part.length, 0);
  return `${length.toString(16).padStart(8, '0')}${crc32Hex(...parts)}`;
}
