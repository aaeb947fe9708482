import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SectionDigest } from '../model/digest.js';
import type { DigestCache } from '../model/read-list.js';
import { packDigest, unpackDigest, type PackedDigest } from './digest-codec.js';
import { cacheDir } from './state-dir.js';

declare const BUILD_ID: string | undefined;

/** Digests from another build may differ: the bundle's content hash is part of every cache file. */
const build = typeof BUILD_ID === 'string' ? BUILD_ID : 'source';
const KEPT_FILES = 32;

function sha1(input: string): string {
  return createHash('sha1').update(input).digest('base64url');
}

/**
 * The digests of one list's sections, in one file under `$XDG_CACHE_HOME/read/`. Safe to delete;
 * a file that is unreadable, damaged or from another build is ignored and rewritten. Only the
 * sections used by the last run are kept, so a file never outgrows its list.
 */
export class FileDigestCache implements DigestCache {
  /** Packed as read from the file; unpacked only when asked for. */
  private readonly packed: Map<string, PackedDigest>;
  private readonly entries = new Map<string, SectionDigest>();
  private readonly used = new Set<string>();
  private dirty = false;

  private constructor(private readonly path: string) {
    this.packed = load(path);
  }

  static open(listPath: string, env: NodeJS.ProcessEnv = process.env): FileDigestCache {
    return new FileDigestCache(join(cacheDir(env), `${sha1(listPath)}.json`));
  }

  key(input: string): string {
    return sha1(input);
  }

  get(key: string): SectionDigest | undefined {
    let digest = this.entries.get(key);
    const packed = digest ? undefined : this.packed.get(key);
    if (packed) {
      digest = unpackDigest(packed);
      this.entries.set(key, digest);
    }
    if (digest) this.used.add(key);
    return digest;
  }

  set(key: string, digest: SectionDigest): void {
    this.entries.set(key, digest);
    this.used.add(key);
    this.dirty = true;
  }

  /** Writes what changed; a cache that cannot be written is no error, only slower next time. */
  flush(): void {
    if (!this.dirty && this.used.size === this.packed.size) return;
    const entry = (key: string) => this.packed.get(key) ?? packDigest(this.entries.get(key) as SectionDigest);
    const payload = JSON.stringify([...this.used].map((key) => [key, entry(key)]));
    try {
      mkdirSync(join(this.path, '..'), { recursive: true });
      const temp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temp, `${build} ${sha1(payload)}\n${payload}`);
      renameSync(temp, this.path);
      prune(join(this.path, '..'));
    } catch {
      // Read-only or full cache folder: the answer is the same without it.
    }
  }
}

function load(path: string): Map<string, PackedDigest> {
  try {
    const text = readFileSync(path, 'utf8');
    const newline = text.indexOf('\n');
    const [fileBuild, sum] = text.slice(0, newline).split(' ');
    const payload = text.slice(newline + 1);
    if (fileBuild !== build || sum !== sha1(payload)) return new Map();
    return new Map(JSON.parse(payload) as [string, PackedDigest][]);
  } catch {
    return new Map();
  }
}

/** Keeps the cache folder bounded: the lists used most recently stay. */
function prune(folder: string): void {
  const files = readdirSync(folder).filter((name) => name.endsWith('.json'));
  if (files.length <= KEPT_FILES) return;
  const byAge = files.map((name) => ({ name, mtime: statSync(join(folder, name)).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
  for (const { name } of byAge.slice(KEPT_FILES)) unlinkSync(join(folder, name));
}
