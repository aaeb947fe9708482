import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { UserError } from '../errors.js';
import { lengthAndCrc32 } from './hashes.js';

/** The file as found on disk, with what must be put back exactly when it is written. */
export interface ListFile {
  path: string;
  /**
   * The text without its BOM: parser offsets index this string. Decoded when first asked for: a
   * command that reads the whole list from the cache may need only the bytes (`progress`), and a
   * long text takes a while to decode (35 ms at 100,000 items).
   */
  readonly text: string;
  bom: boolean;
  /** The text as UTF-8: the file's bytes after its BOM. */
  utf8: Uint8Array;
  /** The line ending the file uses most (LF when it has none); counted when first asked for, by an edit. */
  readonly eol: '\n' | '\r\n';
  mode: number;
}

export function loadListFile(path: string): ListFile {
  let bytes: Buffer;
  let mode: number;
  try {
    bytes = readFileSync(path);
    mode = statSync(path).mode;
  } catch (error) {
    throw new UserError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  // Assigned onto, not spread: a spread would count the line endings that only an edit needs.
  return Object.assign(decodeList(bytes, path), { path, mode });
}

/** Refuses what is not UTF-8 text: a round trip through U+FFFD would corrupt it on the next write. */
export function decodeList(bytes: Uint8Array, path: string): Pick<ListFile, 'text' | 'bom' | 'eol' | 'utf8'> {
  if (bytes.includes(0)) throw new UserError(`${path} looks like a binary file (it holds NUL bytes); read only edits UTF-8 Markdown.`);
  // Checked before decoding: a decode would turn bad bytes into U+FFFD, and the next write would keep them.
  if (!isUtf8(bytes)) throw new UserError(`${path} is not valid UTF-8; read leaves it untouched. Convert it to UTF-8 first.`);
  const bom = BOM.equals(bytes.subarray(0, BOM.length));
  const utf8 = textBytes({ bom }, bytes);
  let text: string | undefined;
  let eol: ListFile['eol'] | undefined;
  return {
    bom,
    utf8,
    get text() {
      return (text ??= Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength).toString('utf8'));
    },
    get eol() {
      return (eol ??= lineEnding(this.text));
    },
  };
}

function lineEnding(text: string): '\n' | '\r\n' {
  if (!text.includes('\r')) return '\n';
  let lines = 0;
  let crlf = 0;
  // Counted in place: splitting a large file into lines only to count them costs more than the read.
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) {
    lines++;
    if (text.charCodeAt(newline - 1) === 13) crlf++;
  }
  return lines > 0 && crlf * 2 >= lines ? '\r\n' : '\n';
}

const BOM = Buffer.from('\uFEFF', 'utf8');

/** The text's own bytes among a file's: all but its BOM. */
function textBytes(file: Pick<ListFile, 'bom'>, bytes: Uint8Array): Uint8Array {
  return file.bom ? bytes.subarray(BOM.length) : bytes;
}

/**
 * What keys the whole list kept for the file (16 hex digits): its length in bytes and their CRC-32,
 * BOM and all, given as the text's UTF-8 pieces. Every command that reads a list checks it, and an
 * undo what its edit left: SHA-256 cost each one node:crypto (2.6 ms) and 5.5 ms at 100,000 items,
 * where this takes 2.5. A CRC-32 tells apart any two texts of one length that differ in no more than
 * 32 consecutive bits (one character changed, a box ticked), and others all but once in four billion.
 */
export function fileIdentity(file: Pick<ListFile, 'bom'>, pieces: readonly Uint8Array[]): string {
  return lengthAndCrc32(fileBytes(file, pieces));
}

/**
 * The bytes to write for a text given as UTF-8 pieces, with the BOM put back when the file had one:
 * still in pieces, written and hashed one after another. Joined, a long list would be copied
 * whole once more (8 MB of fresh memory at 100,000 items, 25 ms on this machine).
 */
export function fileBytes(file: Pick<ListFile, 'bom'>, pieces: readonly Uint8Array[]): Uint8Array[] {
  return file.bom ? [BOM, ...pieces] : [...pieces];
}
