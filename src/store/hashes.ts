import type { BinaryToTextEncoding } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * Loaded on first use: a command that reads its list whole from the cache hashes nothing, and
 * node:crypto took 2.6 ms to load, node:zlib (for `crc32`) 0.5 once node:stream, which writing
 * output loads anyway, is loaded.
 */
let crypto: typeof import('node:crypto') | undefined;

/**
 * Loads node:crypto now, for a run that will hash (an edit): once a long list has set V8's flags
 * (v8-flags.ts), V8 refuses Node's own compiled code for the modules loaded after, and node:crypto
 * then took 4.1 ms to load, not 1.5.
 */
export function loadHashing(): typeof import('node:crypto') {
  crypto ??= process.getBuiltinModule('node:crypto');
  return crypto;
}

function hashOf(algorithm: string, encoding: BinaryToTextEncoding, parts: readonly (string | Uint8Array)[]): string {
  return parts.reduce((hash, part) => hash.update(part), loadHashing().createHash(algorithm)).digest(encoding);
}

/** Of the parts one after another, base64url (27 characters): the sections' keys and checksums. */
export function sha1(...parts: readonly (string | Uint8Array)[]): string {
  return hashOf('sha1', 'base64url', parts);
}

/** Of the parts one after another, hex: a file's bytes, hashed in the pieces they are written in. */
export function sha256(...parts: readonly Uint8Array[]): string {
  return hashOf('sha256', 'hex', parts);
}

/**
 * The CRC-32 of the parts one after another, as 8 hex digits: a checksum against damage, and with
 * a length what tells one list file from another (see `fileIdentity` in list-file.ts), never a key
 * that two different sections could share. At 8 MB, 2.5 ms where SHA-1 took 4 and SHA-256 5.5.
 */
export function crc32Hex(...parts: readonly (string | Uint8Array)[]): string {
  // An empty part is passed over: zlib takes one with no memory behind it (an empty Int32Array's)
  // for a request for the CRC's start, and gives 0 whatever came before.
  return (parts.reduce((crc: number, part) => (part.length === 0 ? crc : crc32(part, crc)), 0) >>> 0).toString(16).padStart(8, '0');
}
