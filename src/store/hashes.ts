import { createHash, type BinaryToTextEncoding } from 'node:crypto';

function hashOf(algorithm: string, encoding: BinaryToTextEncoding, parts: readonly (string | Uint8Array)[]): string {
  return parts.reduce((hash, part) => hash.update(part), createHash(algorithm)).digest(encoding);
}

/** Of the parts one after another, base64url (27 characters): the cache's keys and checksums. */
export function sha1(...parts: readonly (string | Uint8Array)[]): string {
  return hashOf('sha1', 'base64url', parts);
}

/** Of the parts one after another, hex: a file's bytes, hashed in the pieces they are written in. */
export function sha256(...parts: readonly Uint8Array[]): string {
  return hashOf('sha256', 'hex', parts);
}
