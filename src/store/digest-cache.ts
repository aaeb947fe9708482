import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SectionDigest } from '../model/digest.js';
import type { CachedList, DigestCache, ItemAdded, ListText } from '../model/read-list.js';
import type { ReadingList } from '../model/types.js';
import { writeAll } from './atomic-write.js';
import { packDigest, unpackDigest, type PackedDigest } from './digest-codec.js';
import { listOfPacked, packList, splitPacked, type PackedList } from './list-codec.js';
import { packedWithItem } from './list-insertion.js';
import { cacheDir } from './state-dir.js';

declare const BUILD_ID: string | undefined;

/** Digests from another build may differ: the bundle's content hash is part of every cache file. */
const build = typeof BUILD_ID === 'string' ? BUILD_ID : 'source';
const KEPT_FILES = 32;
/** Digests kept beyond those of the sections a whole read used. */
const SPARE_DIGESTS = 32;
/** More than a header holds: build id, key and checksum, each under 30 characters. */
const HEADER_BYTES = 128;
/** The list file starts with the number of sections its text has. */
const SECTIONS_BYTES = 4;

function sha1(...parts: (string | Uint8Array)[]): string {
  return parts.reduce((hash, part) => hash.update(part), createHash('sha1')).digest('base64url');
}

/**
 * One list's cache, in two files under `$XDG_CACHE_HOME/read/`: the digests of its sections, and
 * the whole list last built from it, for a file that has not changed since. Safe to delete; a file
 * that is unreadable, damaged or from another build is ignored and rewritten. The sections the
 * last whole read used are kept, and a few others (see `flush`): the cache never outgrows its list.
 */
export class FileDigestCache implements DigestCache {
  /** Each digest's line in the file, found on first use: an unchanged list never needs them. */
  private lines: Map<string, Buffer> | undefined;
  private readonly entries = new Map<string, SectionDigest>();
  private readonly used = new Set<string>();
  private dirty = false;
  /** The whole list last read from the cache, its file, and what the file's payload held. */
  private lastRead: { list: ReadingList; file: Loaded; packed: PackedList } | undefined;

  private constructor(private readonly path: string, private readonly listPath: string) {}

  static open(listPath: string, env: NodeJS.ProcessEnv = process.env): FileDigestCache {
    const name = sha1(listPath);
    return new FileDigestCache(join(cacheDir(env), `${name}.sections`), join(cacheDir(env), `${name}.list`));
  }

  key(...parts: (string | Uint8Array)[]): string {
    return sha1(...parts);
  }

  private get stored(): Map<string, Buffer> {
    this.lines ??= digestLines(load(this.path, '', { lineByLine: true })?.payload);
    return this.lines;
  }

  get(key: string): SectionDigest | undefined {
    let digest = this.entries.get(key);
    const line = digest ? undefined : this.stored.get(key);
    if (line) {
      const packed = checkedDigest(line);
      // A damaged line is dropped: the section is parsed again and the line written anew.
      if (!packed) this.stored.delete(key);
      digest = packed && unpackDigest(packed);
      if (digest) this.entries.set(key, digest);
    }
    if (digest) this.used.add(key);
    return digest;
  }

  set(key: string, digest: SectionDigest): void {
    this.entries.set(key, digest);
    this.used.add(key);
    this.dirty = true;
  }

  /**
   * Writes what changed; a cache that cannot be written is no error, only slower next time. The
   * digests this run used come first, then the ones it did not (the text before an edit that may be
   * undone, a section an add wrote and the next read did not see): after a run that read only some
   * sections, all of them; otherwise the first SPARE_DIGESTS, so that the cache never holds much
   * more than its list.
   */
  flush({ keepUnused = false } = {}): void {
    const unused = [...this.stored.keys()].filter((key) => !this.used.has(key));
    const kept = keepUnused ? unused : unused.slice(0, SPARE_DIGESTS);
    if (!this.dirty && kept.length === unused.length) return;
    const line = (key: string) => this.stored.get(key) ?? digestLine(key, this.entries.get(key) as SectionDigest);
    save(this.path, '', [Buffer.concat([...this.used, ...kept].map(line))], LINE_BY_LINE);
  }

  lastList(key: string, text: ListText): CachedList | undefined {
    const file = load(this.listPath, key);
    if (!file) return undefined;
    try {
      const packed = splitPacked(file.payload.subarray(SECTIONS_BYTES));
      const read = { sections: file.payload.readUInt32LE(0), list: listOfPacked(packed, text) };
      this.lastRead = { list: read.list, file, packed };
      return read;
    } catch {
      return undefined;
    }
  }

  keepListWithItem(key: string, added: ItemAdded): void {
    if (added.from !== this.lastRead?.list) return;
    const { file, packed } = this.lastRead;
    // The outline read is changed in place: what was read from it is no longer kept.
    this.lastRead = undefined;
    const parts = packedWithItem(packed, added.insertion, added.item, added.follows);
    if (parts) save(this.listPath, key, [file.payload.subarray(0, SECTIONS_BYTES), ...parts]);
  }

  keepList(key: string, text: string, list: ReadingList, sections: number, tickedFrom?: ReadingList): void {
    // Ticked boxes are read from the text: the bytes of the list they were ticked in serve unchanged,
    // and so does their checksum (6.5 MB to hash again at 100,000 items). Only the key changes.
    if (tickedFrom && tickedFrom === this.lastRead?.list) {
      const { file } = this.lastRead;
      if (!rekey(this.listPath, file, key)) save(this.listPath, key, [file.payload], file.sum);
      return;
    }
    const count = Buffer.alloc(SECTIONS_BYTES);
    count.writeUInt32LE(sections);
    save(this.listPath, key, [count, packList(list, text)]);
  }
}

/**
 * A digest's line: its key, a checksum of its JSON, and the packed digest as JSON. Keys and
 * checksums are base64url SHA-1, 27 characters each.
 */
const KEY_LENGTH = 27;
const JSON_AT = 2 * KEY_LENGTH + 2;
const NEWLINE = 10;
/** In the header of the digests file, for its checksum: each line has its own. */
const LINE_BY_LINE = '-';

function digestLine(key: string, digest: SectionDigest): Buffer {
  const json = Buffer.from(JSON.stringify(packDigest(digest)), 'utf8');
  return Buffer.concat([Buffer.from(`${key} ${sha1(json)} `, 'latin1'), json, Buffer.from('\n')]);
}

/** The line's digest, packed, when the line is whole and its checksum holds. */
function checkedDigest(line: Buffer): PackedDigest | undefined {
  const end = line.at(-1) === NEWLINE ? line.length - 1 : line.length;
  const json = line.subarray(JSON_AT, end);
  if (line.length <= JSON_AT || line.toString('latin1', KEY_LENGTH + 1, JSON_AT - 1) !== sha1(json)) return undefined;
  return JSON.parse(json.toString('utf8')) as PackedDigest;
}

/**
 * The digests file holds a line per digest, each with its own checksum: a run checks and decodes
 * only the lines it uses (an add two of thousands), not the whole file (12 MB at 100,000 items).
 */
function digestLines(payload: Buffer | undefined): Map<string, Buffer> {
  const lines = new Map<string, Buffer>();
  for (let start = 0; payload && start < payload.length;) {
    const end = payload.indexOf(NEWLINE, start) + 1 || payload.length;
    lines.set(payload.toString('latin1', start, start + KEY_LENGTH), payload.subarray(start, end));
    start = end;
  }
  return lines;
}

/** A cache file's payload, its checksum as the file states it (the payload was checked against it), and its header. */
interface Loaded {
  payload: Buffer;
  sum: string;
  header: Buffer;
}

/**
 * Padded with spaces to a multiple of four bytes: a file is read into memory that starts at one, and
 * the list's integers, at a multiple of four in the payload, are then read in place (see `splitPacked`).
 */
const headerOf = (key: string, sum: string): Buffer => {
  const header = `${build} ${key} ${sum}`;
  return Buffer.from(`${header.padEnd(Math.ceil((header.length + 1) / 4) * 4 - 1)}\n`, 'latin1');
};

/**
 * A cache file is `<build> <key> <checksum>\n<payload>`: what it was made by, for which input, and
 * a checksum of the rest, so that a damaged file is never taken for a list that reads differently.
 * `lineByLine`: the digests file, whose lines have a checksum each (see `checkedDigest`).
 */
function load(path: string, key: string, { lineByLine = false } = {}): Loaded | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const bytes = Buffer.allocUnsafe(fstatSync(fd).size);
    // The header first: the list kept for another text (a file edited since) is not read on.
    let read = readSync(fd, bytes, 0, Math.min(bytes.length, HEADER_BYTES), 0);
    const newline = bytes.subarray(0, read).indexOf(10);
    const [fileBuild, fileKey, sum] = bytes.subarray(0, Math.max(newline, 0)).toString('latin1').split(' ');
    if (newline === -1 || fileBuild !== build || fileKey !== key) return undefined;
    while (read < bytes.length) {
      const more = readSync(fd, bytes, read, bytes.length - read, read);
      if (more === 0) break;
      read += more;
    }
    const payload = bytes.subarray(newline + 1, read);
    const checked = lineByLine ? sum === LINE_BY_LINE : sum === sha1(payload);
    return checked ? { payload, sum: sum ?? '', header: bytes.subarray(0, newline + 1) } : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function save(path: string, key: string, payload: Buffer[], sum = sha1(...payload)): void {
  try {
    mkdirSync(join(path, '..'), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    // Header and payload written apart: joining them would copy a list of 100,000 items once more.
    const fd = openSync(temp, 'w');
    try {
      writeAll(fd, headerOf(key, sum));
      for (const part of payload) writeAll(fd, part);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    prune(join(path, '..'));
  } catch {
    // Read-only or full cache folder: the answer is the same without it.
  }
}

/**
 * Gives the file as it was loaded a new key by writing its header over the old one, which is as long
 * (a key and a checksum are always 27 characters): copying the payload to a new file and renaming it
 * over the old one cost a `done` 15 to 25 ms at 100,000 items. False, and nothing written, when the
 * file is no longer the one loaded. A header torn by a crash matches no text: it is ignored, like
 * any damaged cache file.
 */
function rekey(path: string, loaded: Loaded, key: string): boolean {
  const header = headerOf(key, loaded.sum);
  if (header.length !== loaded.header.length) return false;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r+');
    const found = Buffer.alloc(header.length);
    readSync(fd, found, 0, found.length, 0);
    if (!found.equals(loaded.header) || fstatSync(fd).size !== header.length + loaded.payload.length) return false;
    return writeSync(fd, header, 0, header.length, 0) === header.length;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Keeps the cache folder bounded: the lists used most recently stay. */
function prune(folder: string): void {
  const files = readdirSync(folder).filter((name) => name.endsWith('.sections') || name.endsWith('.list'));
  if (files.length <= KEPT_FILES) return;
  const byAge = files.map((name) => ({ name, mtime: statSync(join(folder, name)).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
  for (const { name } of byAge.slice(KEPT_FILES)) unlinkSync(join(folder, name));
}
