import fc from 'fast-check';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SEED, read, readOnTty, tempDir, tempList } from './helpers/cli.js';
import { markdownDocument } from './helpers/markdown-arbitrary.js';
import { listOf, wholeParseListOf } from './helpers/model.js';
import { generateList } from '../bench/generate.mjs';
import type { SectionDigest } from '../src/model/digest.js';
import { readListFromText } from '../src/model/read-list.js';
import { FileDigestCache } from '../src/store/digest-cache.js';
import { crc32Hex } from '../src/store/hashes.js';

const parsed = (stderr: string) => /parsed (\d+) of (\d+) sections/.exec(stderr)?.slice(1).map(Number);
const isListCache = (name: string) => name.endsWith('.sections') || name.endsWith('.list');
/** The one list's file in the cache folder `cache`: its sections' digests (`.sections`) or its whole list (`.list`). */
function cacheFile(cache: string, suffix: '.sections' | '.list'): string {
  const folder = join(cache, 'read');
  return join(folder, readdirSync(folder).find((name) => name.endsWith(suffix)) ?? 'none');
}

describe('the section cache', () => {
  it('parses every section once, then none; a hand edit re-parses only its section', () => {
    const cache = tempDir();
    const file = tempList(SEED);
    const env = { XDG_CACHE_HOME: cache, READ_DEBUG: 'parse', READ_NO_CACHE: '' };
    expect(parsed(read(['list', '--file', file], { env }).stderr)).toEqual([11, 11]);
    expect(parsed(read(['list', '--file', file], { env }).stderr)).toEqual([0, 11]);
    writeFileSync(file, readFileSync(file, 'utf8').replace('- [ ] [研究 ModelScope 文档]', '- [x] [研究 ModelScope 文档]'));
    const afterEdit = read(['list', '--json', '--file', file], { env });
    expect(parsed(afterEdit.stderr)).toEqual([1, 11]);
    expect((JSON.parse(afterEdit.stdout) as { items: { id: string; title: string; done: boolean }[] }).items.find(({ id }) => id === '2023-04.5'))
      .toMatchObject({ title: '研究 ModelScope 文档', done: true });
    expect(parsed(read(['progress', '--file', file], { env }).stderr)).toEqual([0, 11]);
  });

  it('done and add refresh their section, so the next command parses nothing; add reads only the lines from the item it follows', () => {
    const cache = tempDir();
    const file = tempList(SEED);
    const env = { XDG_CACHE_HOME: cache, READ_DEBUG: 'parse', READ_NO_CACHE: '' };
    read(['list', '--file', file], { env });
    // Add checks the lines of the section it changed from the item it follows on, as they were and as
    // they are now, not the whole list nor the whole section (that, from the cache).
    const reads = [...read(['add', 'New', '--date', '2023-04-09', '--file', file], { env }).stderr.matchAll(/parsed (\d+) of (\d+) sections \((\d+) characters\)/g)];
    expect(reads.map((report) => report.slice(1, 3).map(Number))).toEqual([[0, 11], [2, 2], [0, 1]]);
    const text = readFileSync(SEED, 'utf8');
    const april = text.slice(text.indexOf('## 4🈷️'), text.indexOf('## 3🈷️'));
    expect(Number(reads[1]?.[3])).toBeLessThan(april.length / 2);
    expect(parsed(read(['list', '--file', file], { env }).stderr)).toEqual([0, 11]);
    read(['done', '2023-04.3', '--file', file], { env });
    expect(parsed(read(['list', '--file', file], { env }).stderr)).toEqual([0, 11]);
  });

  it('keeps a few sections the last read did not use: an add undone and made again parses no section; hand edits do not grow it', () => {
    const cache = tempDir();
    const file = tempList(SEED);
    const env = { XDG_CACHE_HOME: cache, XDG_STATE_HOME: tempDir(), READ_DEBUG: 'parse', READ_NO_CACHE: '' };
    const parses = (args: string[]) => [...read([...args, '--file', file], { env }).stderr.matchAll(/parsed (\d+) of/g)].map((report) => Number(report[1]));
    parses(['list']);
    expect(parses(['add', 'New', '--date', '2023-04-09'])).toEqual([0, 2, 0]);
    expect(parses(['undo'])).toEqual([]);
    expect(parses(['list'])).toEqual([0]);
    // The lines it checks are parsed again, not kept; its section, and the one it made, are.
    expect(parses(['add', 'New', '--date', '2023-04-09'])).toEqual([0, 2, 0]);
    const digests = () => readFileSync(cacheFile(cache, '.sections')).toString('latin1').split('\n').length - 2;
    const text = readFileSync(file, 'utf8');
    for (let edit = 0; edit < 40; edit++) {
      writeFileSync(file, text.replace('研究 ModelScope 文档', `研究 ModelScope 文档 ${edit}`));
      parses(['list']);
    }
    expect(digests()).toBe(11 + 32);
  });

  it('an unchanged file is read as the whole list kept by the last read, by done or by add; a change by hand is not', () => {
    const cache = tempDir();
    const file = tempList(SEED);
    const env = { XDG_CACHE_HOME: cache, READ_DEBUG: 'parse', READ_NO_CACHE: '' };
    const whole = (args: string[]) => read([...args, '--file', file], { env }).stderr.includes('the whole list cached');
    expect(whole(['list'])).toBe(false);
    expect(whole(['list', '--json'])).toBe(true);
    expect(whole(['progress'])).toBe(true);
    // Checking a box changes nothing else: done leaves the list it derived, from one read of the
    // file as it was (the result is not read again). Add leaves the list with its item put in.
    expect(read(['done', '2023-04.3', '--file', file], { env }).stderr.match(/parsed/g)).toHaveLength(1);
    expect(whole(['list'])).toBe(true);
    read(['add', 'New', '--date', '2023-04-09', '--file', file], { env });
    expect(whole(['list'])).toBe(true);
    expect(read(['list', '--json', '--file', file], { env }).stdout).toBe(read(['list', '--json', '--no-cache', '--file', file], { env }).stdout);
    // A new month: the whole list is read back, and only its sections are kept.
    read(['add', 'Newer', '--date', '2024-01-09', '--file', file], { env });
    expect(whole(['list'])).toBe(false);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    expect(whole(['list'])).toBe(false);
    expect(read(['list', '--json', '--file', file], { env }).stdout).toBe(read(['list', '--json', '--no-cache', '--file', file], { env }).stdout);
    // After a hand edit, an add reads the list from the digests, and keeps it with its item put in:
    // the adds after it read that, as they do after a list.
    writeFileSync(file, readFileSync(file, 'utf8').replace('ChatGLM-6B', 'ChatGLM-7B'));
    expect(whole(['add', 'After the edit', '--date', '2023-04-10'])).toBe(false);
    expect(whole(['add', 'And another', '--date', '2023-04-11'])).toBe(true);
    expect(whole(['list'])).toBe(true);
    expect(read(['list', '--json', '--file', file], { env }).stdout).toBe(read(['list', '--json', '--no-cache', '--file', file], { env }).stdout);
  });

  it('an add that takes a month to ten items keeps a list whose ids line up as a fresh read\'s, its id column kept one wider', () => {
    const cache = tempDir();
    const file = tempList({ text: `# 2024\n## 1月\n${Array.from({ length: 9 }, (_, index) => `- [ ] ${index + 1} item ${index + 1}\n`).join('')}` });
    const env = { XDG_CACHE_HOME: cache, XDG_STATE_HOME: tempDir(), READ_DEBUG: 'parse', READ_NO_CACHE: '' };
    read(['list', '--file', file], { env });
    expect(read(['add', 'Tenth', '--date', '2024-01-30', '--file', file], { env }).stdout.trim()).toBe('2024-01.10');
    const list = read(['list', '--file', file], { env });
    expect(list.stderr).toContain('the whole list cached');
    expect(list.stdout).toBe(read(['list', '--no-cache', '--file', file], { env }).stdout);
    expect(list.stdout).toContain('    [ ] 2024-01.9   9 item 9\n    [ ] 2024-01.10 30 Tenth\n');
  });

  it('finds a section an add looks up by reading the digests file from its end, over lines cut between the pieces it reads', () => {
    const cache = tempDir();
    // Ten months of 150 items: lines of some 17 KB, in a file of three 64 KB pieces.
    const file = tempList({ text: generateList(1500, 150) });
    const env = { XDG_CACHE_HOME: cache, READ_DEBUG: 'parse', READ_NO_CACHE: '' };
    expect(parsed(read(['list', '--file', file], { env }).stderr)).toEqual([12, 12]);
    const digests = cacheFile(cache, '.sections');
    expect(statSync(digests).size).toBeGreaterThan(2 * 65536);
    // Written with the sections nearest the page's ends last, where a search from the end meets
    // them first: the newest month (here the first) and the oldest.
    const last = readFileSync(digests, 'utf8').split('\n').slice(-7, -1);
    expect(last.some((line) => line.includes('"12🈷️"')) && last.some((line) => line.includes('"3🈷️"'))).toBe(true);
    // An add to each month looks up its section as it was, wherever its line stands: none parsed.
    for (let month = 12; month >= 3; month--) {
      const run = read(['add', `New ${month}`, '--date', `2026-${month}-05`, '--file', file], { env });
      expect([...run.stderr.matchAll(/parsed (\d+) of (\d+) sections/g)].map((report) => report.slice(1).map(Number)), `month ${month}`).toEqual([[0, 12], [2, 2], [0, 1]]);
    }
  });

  it('a run whose digests file is deleted (or written by another run) after it found a line there still writes what it used', async () => {
    const env = { XDG_CACHE_HOME: tempDir() };
    const page = '/the/page/read.md';
    await readListFromText(readFileSync(SEED, 'utf8'), { cache: FileDigestCache.open(page, env), keepList: false });
    const digests = cacheFile(env.XDG_CACHE_HOME, '.sections');
    const keys = readFileSync(digests, 'latin1').split('\n').slice(1, -1).map((line) => line.slice(0, line.indexOf(' ')));
    expect(keys).toHaveLength(11);
    const cache = FileDigestCache.open(page, env);
    // Found by searching the file (the first lookups do): then the file goes, as the cache may at any time.
    const found = cache.get(keys[0] ?? '');
    expect(found).toBeDefined();
    rmSync(digests);
    // Past the searched lookups the file would be read whole: gone, the rest are parsed again.
    for (const key of keys.slice(1, 6)) expect(cache.get(key)).toBeUndefined();
    cache.set(keys[1] ?? '', found as SectionDigest);
    cache.flush();
    const after = FileDigestCache.open(page, env);
    expect(after.get(keys[0] ?? '')).toEqual(found);
    expect(after.get(keys[1] ?? '')).toEqual(found);
  });

  it('stays bounded when a list is only ever added to: written anew with the page\'s sections once appends double it, nothing parsed again', () => {
    const cache = tempDir();
    const file = tempList(SEED);
    const env = { XDG_CACHE_HOME: cache, READ_DEBUG: 'parse', READ_NO_CACHE: '' };
    read(['list', '--file', file], { env });
    const digests = cacheFile(cache, '.sections');
    const sizes = [statSync(digests).size];
    for (let index = 1; index <= 30; index++) {
      const run = read(['add', `Added ${index}`, `https://added.example/${index}`, '--date', '2023-05-02', '--file', file], { env });
      expect(run.status, run.stderr).toBe(0);
      // The add reads the whole list kept, parses the month it wrote and its item's lines, and nothing else.
      expect([...run.stderr.matchAll(/parsed (\d+) of (\d+) sections/g)].map((report) => report.slice(1).map(Number)), `add ${index}`).toEqual([[0, 11], [2, 2], [0, 1]]);
      sizes.push(statSync(digests).size);
    }
    // Appended to, each add made the file some 7 KB longer (30 adds: 9.5 KB to 230 KB); now it is
    // written anew each time it doubles (and 16 KiB more), and each time comes back.
    const drops = sizes.filter((size, index) => index > 0 && size < (sizes[index - 1] as number));
    expect(drops.length, sizes.join(' ')).toBeGreaterThanOrEqual(2);
    expect(Math.max(...sizes), sizes.join(' ')).toBeLessThan(2 * (drops[0] as number) + 16 * 1024 + 8 * 1024);
    // What it kept serves: a hand edit to one month parses that month alone, and the list reads as without a cache.
    writeFileSync(file, readFileSync(file, 'utf8').replace('ChatGLM-6B', 'ChatGLM-7B'));
    const after = read(['list', '--json', '--file', file], { env });
    expect(parsed(after.stderr)).toEqual([1, 11]);
    expect(after.stdout).toBe(read(['list', '--json', '--no-cache', '--file', file]).stdout);
  });

  it('writes its files over where they stand, cut to their new length: a shorter list is read whole from them', () => {
    const cache = tempDir();
    const file = tempList(SEED);
    const env = { XDG_CACHE_HOME: cache, READ_DEBUG: 'parse', READ_NO_CACHE: '' };
    const folder = join(cache, 'read');
    const files = () => readdirSync(folder).filter((name) => !name.endsWith('.v8')).sort();
    read(['list', '--file', file], { env });
    const kept = files();
    const inode = (name: string) => statSync(join(folder, name)).ino;
    const inodes = kept.map(inode);
    // Most of the list gone by hand: the next read keeps a much shorter list, in the same files.
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.indexOf('## 5🈷️')));
    const shorter = read(['list', '--json', '--file', file], { env });
    expect(files()).toEqual(kept);
    expect(kept.map(inode)).toEqual(inodes);
    const again = read(['list', '--json', '--file', file], { env });
    expect(again.stderr).toContain('the whole list cached');
    expect(again.stdout).toBe(shorter.stdout);
    expect(JSON.parse(again.stdout).items.length).toBeGreaterThan(0);
  });

  it('lives in $XDG_CACHE_HOME/read, never beside the page; --no-cache and READ_NO_CACHE keep nothing', () => {
    const cache = tempDir();
    const file = tempList(SEED);
    read(['list', '--no-cache', '--file', file], { env: { XDG_CACHE_HOME: cache, READ_NO_CACHE: '' } });
    read(['list', '--file', file], { env: { XDG_CACHE_HOME: cache, READ_NO_CACHE: '1' } });
    expect(existsSync(join(cache, 'read')) && readdirSync(join(cache, 'read')).some(isListCache)).toBe(false);
    expect(parsed(read(['list', '--no-cache', '--file', file], { env: { XDG_CACHE_HOME: cache, READ_DEBUG: 'parse', READ_NO_CACHE: '' } }).stderr)).toEqual([11, 11]);
    read(['list', '--file', file], { env: { XDG_CACHE_HOME: cache, READ_NO_CACHE: '' } });
    // The digests of its sections, and the whole list built from them.
    const kept = readdirSync(join(cache, 'read')).filter(isListCache).sort();
    expect(kept).toHaveLength(2);
    expect(kept[1]).toBe((kept[0] ?? '').replace(/\.list$/, '.sections'));
    expect(readdirSync(dirname(file))).toEqual(['read.md']);
  });

  it('takes $XDG_CACHE_HOME only as an absolute path: a relative one is ignored, not made beside the page', () => {
    const home = tempDir();
    const file = tempList(SEED);
    const env = { HOME: home, XDG_CACHE_HOME: 'cache', READ_NO_CACHE: '' };
    expect(read(['list', '--file', 'read.md'], { env, cwd: dirname(file) }).status).toBe(0);
    expect(readdirSync(dirname(file))).toEqual(['read.md']);
    expect(readdirSync(join(home, '.cache', 'read')).some(isListCache)).toBe(true);
  });

  it('done keeps the bytes of the list it ticked, in the same file, which read back right even where a title is a checkbox', () => {
    const cache = tempDir();
    // Titles and notes that are also written inside a checkbox: `x` is in `[x]`, `x]` in `[x] x]`.
    const file = tempList({ text: '# 2024\n## 1月\n- [x] x\n  - x\n  - [ ] x]\n- [ ] X\n  X\n- [X] a\n' });
    const env = { XDG_CACHE_HOME: cache, READ_DEBUG: 'parse', READ_NO_CACHE: '' };
    const truth = () => read(['list', '--json', '--no-cache', '--file', file], { env }).stdout;
    const listFile = () => join(cache, 'read', readdirSync(join(cache, 'read')).find((entry) => entry.endsWith('.list')) ?? '');
    const wholeList = () => {
      const bytes = readFileSync(listFile());
      return bytes.subarray(bytes.indexOf(10) + 1);
    };
    read(['list', '--file', file], { env });
    const before = wholeList();
    // Only the key in its header is written: a long list's bytes are not copied to a new file.
    const { ino } = statSync(listFile());
    for (const args of [['undone', '2024-01.1'], ['done', '2024-01.1.1', '2024-01.2'], ['undone', '2024-01.3', '2024-01.1.1']]) {
      expect(read([...args, '--file', file], { env }).status).toBe(0);
      expect(wholeList().equals(before)).toBe(true);
      expect(statSync(listFile()).ino).toBe(ino);
      const run = read(['list', '--json', '--file', file], { env });
      expect(run.stderr).toContain('the whole list cached');
      expect(run.stdout).toBe(truth());
    }
  });

  it('lays its files out so that a list\'s integers are read in place: the header is a multiple of four bytes', () => {
    const cache = tempDir();
    const file = tempList(SEED);
    const env = { XDG_CACHE_HOME: cache, READ_NO_CACHE: '' };
    read(['list', '--file', file], { env });
    expect(read(['done', '2023-04.3', '--file', file], { env }).status).toBe(0);
    const names = readdirSync(join(cache, 'read')).filter(isListCache);
    expect(names.length).toBe(2);
    for (const name of names) {
      const bytes = readFileSync(join(cache, 'read', name));
      const header = bytes.indexOf(10) + 1;
      expect(header % 4).toBe(0);
      // Build, key and checksum, then the padding: what a reader splits it into. The list's checksum
      // leaves out the items' runs, which have their own, and where they stand. The digests file's
      // lines have theirs: its header has how long they were when it was written anew (none appended since).
      const fields = bytes.toString('latin1', 0, header).trimEnd().split(' ');
      if (name.endsWith('.list')) expect(fields).toHaveLength(6);
      else expect(fields.slice(2)).toEqual(['-', String(bytes.length - header)]);
    }
    expect(read(['list', '--json', '--file', file], { env }).stdout).toBe(read(['list', '--json', '--no-cache', '--file', file], { env }).stdout);
  });

  it('an add puts the digests it made at the end of the digests file, not writing it anew; a key\'s last line is the one read', () => {
    const cache = tempDir();
    const file = tempList(SEED);
    const env = { XDG_CACHE_HOME: cache, READ_DEBUG: 'parse', READ_NO_CACHE: '' };
    const add = (title: string) => expect(read(['add', title, `https://example.com/${title}`, '--date', '2025-11-03', '--file', file], { env }).status).toBe(0);
    // Read from the digests alone: the list kept whole would not look at them.
    const fromDigests = () => {
      rmSync(cacheFile(cache, '.list'));
      const run = read(['list', '--json', '--file', file], { env });
      expect(run.stdout).toBe(read(['list', '--json', '--no-cache', '--file', file], { env }).stdout);
      return parsed(run.stderr);
    };
    read(['list', '--file', file], { env });
    const digests = cacheFile(cache, '.sections');
    const before = readFileSync(digests);
    const { ino } = statSync(digests);
    add('first');
    const after = readFileSync(digests);
    expect(statSync(digests).ino).toBe(ino);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(fromDigests()).toEqual([0, 11]);
    // A damaged copy of every line after them all: each read in place of its line, whether found
    // by a search (the first few lookups) or in the file split into lines, so every section is
    // parsed again.
    const lines = readFileSync(digests).toString('latin1').split('\n').slice(1, -1);
    appendFileSync(digests, Buffer.from(lines.map((line) => `${line.slice(0, -2)}x${line.slice(-1)}\n`).join(''), 'latin1'));
    expect(fromDigests()).toEqual([11, 11]);
    // Cut short in its last line, as by a crash: the next add writes the file anew, its lines whole.
    // The cut line's section (the page's last: see `endsLast`) is read again once, then kept again.
    const whole = readFileSync(digests);
    writeFileSync(digests, whole.subarray(0, whole.length - 10));
    add('second');
    expect(readFileSync(digests).at(-1)).toBe(10);
    expect(fromDigests()).toEqual([1, 11]);
    expect(fromDigests()).toEqual([0, 11]);
  });

  it('an add writes each digest it made once: the section it parsed, and the section it derived with the item put in', () => {
    const cache = tempDir();
    const file = tempList(SEED);
    const env = { XDG_CACHE_HOME: cache, READ_DEBUG: 'parse', READ_NO_CACHE: '' };
    read(['list', '--file', file], { env });
    const digests = cacheFile(cache, '.sections');
    // Every line damaged by a copy after it: the add parses its section again, as it was.
    const lines = readFileSync(digests).toString('latin1').split('\n').slice(1, -1);
    appendFileSync(digests, Buffer.from(lines.map((line) => `${line.slice(0, -2)}x${line.slice(-1)}\n`).join(''), 'latin1'));
    const before = readFileSync(digests).toString('latin1').split('\n').length;
    const run = read(['add', 'New', '--date', '2023-04-09', '--file', file], { env });
    expect([...run.stderr.matchAll(/parsed (\d+) of (\d+) sections/g)].map((report) => report.slice(1).map(Number))).toEqual([[0, 11], [2, 2], [1, 1]]);
    const after = readFileSync(digests).toString('latin1').split('\n');
    expect(after.length - before).toBe(2);
    const keys = after.slice(-3, -1).map((line) => line.split(' ')[0]);
    expect(new Set(keys).size).toBe(2);
    // Read from the digests alone, the list parses the ten other sections, still damaged, and not April's.
    rmSync(cacheFile(cache, '.list'));
    expect(parsed(read(['list', '--file', file], { env }).stderr)).toEqual([10, 11]);
  });

  it('an add writes each digest once however it reads: after a hand edit, and when it reads its list back (found by the property test)', () => {
    let cache = tempDir();
    const keys = () => readFileSync(cacheFile(cache, '.sections'), 'latin1').split('\n').slice(1, -1).map((line) => line.split(' ')[0]);
    const env = { XDG_CACHE_HOME: cache, READ_DEBUG: 'parse', READ_NO_CACHE: '' };
    const seed = tempList(SEED);
    read(['list', '--file', seed], { env });
    // A hand edit: the add parses April again and writes the file anew, then checks its few lines
    // and keeps April with the item put in, at the end of the file. Nothing written twice.
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('- [ ] [研究 ModelScope 文档]', '- [x] [研究 ModelScope 文档]'));
    const added = read(['add', 'New', '--date', '2023-04-09', '--file', seed], { env });
    expect(parsed(added.stderr)).toEqual([1, 11]);
    expect(new Set(keys()).size).toBe(keys().length);
    // The eleven sections read, April as it was (kept for an undo), April with the new item.
    expect(keys().length).toBe(13);

    // A fence left open at the section's end, which the check of a few lines cannot settle: the add
    // parses the list, then its section, and reads the list back whole.
    cache = tempDir();
    env.XDG_CACHE_HOME = cache;
    const file = tempList({ text: '# 2023\n\n- [ ] old\n' });
    read(['list', '--file', file], { env });
    writeFileSync(file, '# 2024\n1. [ ] ordered\n```\n# 2024\n\n');
    const run = read(['add', '--date', '2024', '--file', file, '--', 'New paper', 'https://new.example/a'], { env });
    expect(run.stderr).not.toContain('TypeError');
    expect(run.stdout.trim()).toBe('2024.2');
    expect(readFileSync(file, 'utf8')).toBe('# 2024\n1. [ ] ordered\n2. [ ] [New paper](https://new.example/a)\n```\n# 2024\n\n');
    // What it wrote serves the next read: with the kept list gone, the digests alone, nothing parsed.
    expect(new Set(keys()).size).toBe(keys().length);
    rmSync(cacheFile(cache, '.list'));
    expect(parsed(read(['list', '--file', file], { env }).stderr)).toEqual([0, 1]);
  });

  it('reads the items\' runs of a kept list only for a command that reads items: progress counts without them', () => {
    const cache = tempDir();
    const file = tempList(SEED);
    const env = { XDG_CACHE_HOME: cache, READ_DEBUG: 'parse', READ_NO_CACHE: '' };
    const truth = (command: string) => read([command, '--json', '--no-cache', '--file', file], { env }).stdout;
    read(['list', '--file', file], { env });
    const path = join(cache, 'read', readdirSync(join(cache, 'read')).find((name) => name.endsWith('.list')) ?? '');
    const good = readFileSync(path);
    const header = good.indexOf(10) + 1;
    const [start = 0, end = 0] = good.toString('latin1', 0, header).trimEnd().split(' ').slice(4).map(Number);
    expect(end - start).toBeGreaterThan(good.length / 2);
    const damaged = (at: number) => {
      const bytes = Buffer.from(good);
      bytes[header + at] = (bytes[header + at] ?? 0) ^ 1;
      writeFileSync(path, bytes);
    };
    const run = (command: string) => read([command, '--json', '--file', file], { env });
    // A run's integer damaged: progress never reads them, list finds them damaged and reads the digests.
    damaged(Math.floor((start + end) / 2));
    const counted = run('progress');
    expect(counted.stderr).toContain('the whole list cached');
    expect(counted.stdout).toBe(truth('progress'));
    damaged(Math.floor((start + end) / 2));
    const list = run('list');
    expect(parsed(list.stderr)).toEqual([0, 11]);
    expect(list.stderr).not.toContain('the whole list cached');
    expect(list.stdout).toBe(truth('list'));
    // Past the runs, the months' checkboxes: progress needs those, and finds them damaged.
    damaged(good.length - header - 1);
    const progress = run('progress');
    expect(progress.stderr).not.toContain('the whole list cached');
    expect(progress.stdout).toBe(truth('progress'));
  });

  it('keys a file with a BOM by its bytes, BOM and all: the list kept by a read, by done or by add is found again', () => {
    const cache = tempDir();
    const file = tempList({ text: '\uFEFF# 2024\r\n## 1月\r\n- [ ] 研究 a\r\n- [x] b\r\n' });
    const env = { XDG_CACHE_HOME: cache, READ_DEBUG: 'parse', READ_NO_CACHE: '' };
    const whole = () => read(['list', '--file', file], { env }).stderr.includes('the whole list cached');
    expect(whole()).toBe(false);
    expect(whole()).toBe(true);
    expect(read(['done', '2024-01.1', '--file', file], { env }).status).toBe(0);
    expect(whole()).toBe(true);
    expect(read(['add', 'New', '--date', '2024-01-05', '--file', file], { env }).stdout.trim()).toBe('2024-01.3');
    expect(whole()).toBe(true);
    expect(read(['list', '--json', '--file', file], { env }).stdout).toBe(read(['list', '--json', '--no-cache', '--file', file], { env }).stdout);
  });

  it('a damaged, foreign or unreadable cache is ignored and gives the same answer; a damaged digest alone is parsed again', () => {
    const cache = tempDir();
    const file = tempList(SEED);
    const env = { XDG_CACHE_HOME: cache, READ_DEBUG: 'parse', READ_NO_CACHE: '' };
    const truth = read(['list', '--json', '--no-cache', '--file', file]).stdout;
    read(['list', '--file', file], { env });
    const cacheFiles = readdirSync(join(cache, 'read')).filter(isListCache).map((name) => join(cache, 'read', name));
    expect(cacheFiles).toHaveLength(2);
    const good = new Map(cacheFiles.map((path) => [path, readFileSync(path)]));
    // Bytes as latin1 text: one character a byte, so the binary list file survives the round trip.
    const edited = (change: (text: string) => string) => (bytes: Buffer) => Buffer.from(change(bytes.toString('latin1')), 'latin1');
    // Each with whether it spoils every section's digest (the file as a whole) or only some (their lines).
    const damages: [(bytes: Buffer) => Buffer, boolean][] = [
      [edited((text) => text.slice(0, -100)), false],
      // A title and a heading changed, the checksum not (the list file keeps no title: its titles are in the page).
      [edited((text) => text.replace('ChatGLM-6B', 'ChatGLM-7B').replace('"2023"', '"2024"')), false],
      [(bytes: Buffer) => Buffer.concat([bytes.subarray(0, -1), Buffer.from([(bytes.at(-1) ?? 0) ^ 1])]), false], // the last byte (the list file's: a count)
      [edited((text) => `another-build ${text.slice(text.indexOf(' ') + 1)}`), true],
      [() => Buffer.from('not a cache'), true],
      [() => Buffer.alloc(0), true],
    ];
    for (const [damage, whole] of damages) {
      for (const [path, bytes] of good) {
        const damaged = damage(bytes);
        expect(damaged.equals(bytes)).toBe(false);
        writeFileSync(path, damaged);
      }
      const run = read(['list', '--json', '--file', file], { env });
      expect(run.stdout).toBe(truth);
      const [again = 0, sections] = parsed(run.stderr) ?? [];
      expect(sections).toBe(11);
      if (whole) expect(again).toBe(11);
      else expect(again > 0 && again < 11, `${again} parsed`).toBe(true);
      // The whole list alone damaged: the section digests still serve.
      const wholeList = cacheFiles.find((path) => path.endsWith('.list')) ?? '';
      writeFileSync(wholeList, damage(good.get(wholeList) ?? Buffer.alloc(0)));
      const fromSections = read(['list', '--json', '--file', file], { env });
      expect(fromSections.stdout).toBe(truth);
      expect(parsed(fromSections.stderr)).toEqual([0, 11]);
    }
  });
});

describe('the cache\'s checksums', () => {
  it('are the CRC-32 of their parts\' bytes joined, empty parts and all: an empty Int32Array\'s, with no memory behind it, too', () => {
    const noMemory = new Uint8Array(new Int32Array(0).buffer);
    fc.assert(fc.property(fc.array(fc.oneof(fc.uint8Array(), fc.constant(noMemory))), (parts) => {
      expect(crc32Hex(...parts)).toBe((crc32(Buffer.concat(parts)) >>> 0).toString(16).padStart(8, '0'));
    }));
  });
});

describe('compiled code', () => {
  it('comes from a bundle in ASCII, which bin/read.js reads one byte a character; dates in 年 and 月 still read', () => {
    const bundle = readFileSync(new URL('../dist/cli.cjs', import.meta.url));
    expect(bundle.length).toBeGreaterThan(100_000);
    expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1);
    const file = tempList({ text: '# 2024年\n\n## 2024年4月\n- [ ] [Paper](https://example.com/1)\n' });
    expect(read(['list', '--file', file]).stdout).toContain('2024-04.1');
  });

  it('is kept per command, without the parser unless the command parses every time; a few at most', () => {
    const cache = tempDir();
    const file = tempList(SEED);
    // With the section cache on in every mode of the suite: whether a run parses is the point.
    const env = { XDG_CACHE_HOME: cache, READ_NO_CACHE: '' };
    const codeFiles = () => readdirSync(join(cache, 'read')).filter((name) => name.endsWith('.v8')).sort();
    const commandOf = (name: string) => name.replace(/^code-\d+-\d+-/, '').replace(/\.v8$/, '');
    const codeOf = (command: string) => join(cache, 'read', codeFiles().find((name) => commandOf(name) === command) ?? 'none');
    // The first run parses, and its code holds the parser; the next does not, and drops it; the
    // one after makes the code again without it, and later runs use that as it is.
    read(['list', '--file', file], { env });
    const withParser = statSync(codeOf('list')).size;
    read(['list', '--file', file], { env });
    expect(existsSync(codeOf('list'))).toBe(false);
    read(['list', '--file', file], { env });
    const lean = statSync(codeOf('list'));
    expect(lean.size).toBeLessThan(withParser * 0.7);
    expect(read(['list', '--file', file], { env }).status).toBe(0);
    expect(statSync(codeOf('list')).mtimeMs).toBe(lean.mtimeMs);
    read(['progress', '--file', file], { env });
    expect(codeFiles().map(commandOf)).toEqual(['list', 'progress']);
    // add parses its section every time, and keeps its code, parser and all.
    const state = { ...env, XDG_STATE_HOME: tempDir() };
    read(['add', 'First', '--file', file], { env: state });
    const added = statSync(codeOf('add')).mtimeMs;
    expect(read(['add', 'Second', '--file', file], { env: state }).status).toBe(0);
    expect(statSync(codeOf('add')).mtimeMs).toBe(added);
    // Words that name no command make files too; the oldest go.
    const words = Array.from({ length: 16 }, (_, index) => `nosuch-${String.fromCharCode(97 + index)}`);
    for (const word of words) expect(read([word], { env }).status).toBe(2);
    expect(codeFiles().map(commandOf)).toEqual(words);
  });

  it('is used as it is on a long list too, whose runs set V8 otherwise', () => {
    const cache = tempDir();
    // Well over 64 KiB: a list this long has V8 set for it while it is read.
    const months = Array.from({ length: 100 }, (_, index) => `## ${12 - (index % 12)}🈷️\n${Array.from({ length: 60 }, (__, n) => `- [ ] [Paper ${index}.${n}](https://example.com/${index}/${n})`).join('\n')}\n`);
    const file = tempList({ text: Array.from({ length: 9 }, (_, year) => `# ${2030 - year}\n\n${months.slice(year * 12, year * 12 + 12).join('\n')}`).join('\n') });
    expect(statSync(file).size).toBeGreaterThan(256 * 1024);
    const env = { XDG_CACHE_HOME: cache, XDG_STATE_HOME: tempDir(), READ_NO_CACHE: '' };
    const codeOf = (command: string) => join(cache, 'read', readdirSync(join(cache, 'read')).find((name) => name.endsWith(`-${command}.v8`)) ?? 'none');
    // Made with the parser, dropped, made lean: then used as it is.
    for (let run = 0; run < 3; run++) read(['list', '--file', file], { env });
    const lean = statSync(codeOf('list')).mtimeMs;
    expect(read(['list', '--file', file], { env }).status).toBe(0);
    expect(statSync(codeOf('list')).mtimeMs).toBe(lean);
    read(['add', 'First', '--file', file], { env });
    const added = statSync(codeOf('add')).mtimeMs;
    expect(read(['add', 'Second', '--file', file], { env }).status).toBe(0);
    expect(statSync(codeOf('add')).mtimeMs).toBe(added);
    // progress draws its table with V8's optimizing compiler off.
    for (let run = 0; run < 2; run++) read(['progress', '--file', file], { env });
    const drawn = statSync(codeOf('progress')).mtimeMs;
    expect(read(['progress', '--file', file], { env }).status).toBe(0);
    expect(statSync(codeOf('progress')).mtimeMs).toBe(drawn);
  });

  it('of Node\'s own modules: none is loaded once a long list sets V8\'s flags, and no command loads node:crypto', () => {
    const cache = tempDir();
    const file = tempList({ text: generateList(4000) });
    expect(statSync(file).size).toBeGreaterThan(256 * 1024);
    // Reports whether node:crypto was loaded, and which modules after V8's flags were first set (V8 refuses Node's compiled code for them).
    const report = join(tempDir(), 'modules.cjs');
    writeFileSync(report, `
      const v8 = require('node:v8');
      const set = v8.setFlagsFromString;
      let flagsAt;
      v8.setFlagsFromString = (flags) => { flagsAt ??= process.moduleLoadList.length; set(flags); };
      process.on('exit', () => {
        const after = flagsAt === undefined ? [] : process.moduleLoadList.slice(flagsAt);
        require('node:fs').writeSync(2, JSON.stringify({ crypto: process.moduleLoadList.includes('NativeModule crypto'), after, flags: flagsAt !== undefined }) + '\\n');
      });`);
    const env = { XDG_CACHE_HOME: cache, XDG_STATE_HOME: tempDir(), READ_NO_CACHE: '', NODE_OPTIONS: `--require ${report}` };
    const modules = (args: string[]) => {
      const run = read([...args, '--file', file], { env });
      expect(run.status).toBe(0);
      return { id: run.stdout.trim(), loaded: JSON.parse(run.stderr.trim().split('\n').at(-1) ?? '') as unknown };
    };
    expect(modules(['list']).loaded).toMatchObject({ crypto: false, flags: true });
    const none = { crypto: false, after: [], flags: true };
    for (const command of [['list'], ['list', '--json'], ['progress']]) expect(modules(command).loaded, command.join(' ')).toEqual(none);
    const added = modules(['add', 'New', 'https://example.com/new']);
    expect(added.loaded).toEqual(none);
    expect(modules(['done', added.id]).loaded).toEqual(none);
    expect(modules(['undo']).loaded).toMatchObject({ crypto: false });
  });
});

describe('a long first read', () => {
  it('shows sections done / total on a terminal once it takes more than a second, and nothing when piped', () => {
    const months = Array.from({ length: 240 }, (_, index) => {
      const items = Array.from({ length: 40 }, (__, n) => `- [x] ${(n % 28) + 1} [Paper ${index}.${n}](https://example.com/${index}/${n})\n  * a note`);
      return `## ${12 - (index % 12)}🈷️\n${items.join('\n')}\n`;
    });
    const years = Array.from({ length: 20 }, (_, year) => `# ${2030 - year}\n\n${months.slice(year * 12, year * 12 + 12).join('\n')}`);
    const file = tempList({ text: years.join('\n') });
    const onTerminal = readOnTty(['list', '--file', file], { XDG_CACHE_HOME: tempDir(), READ_NO_CACHE: '' });
    expect(onTerminal.stdout).toMatch(/reading .*read\.md: \d+\/\d+ sections/);
    const piped = read(['list', '--file', file], { env: { XDG_CACHE_HOME: tempDir(), READ_NO_CACHE: '' } });
    expect(piped.stderr).not.toContain('sections');
  });
});

describe('sectioned parsing equals one whole parse', () => {
  it('on random documents of headings, lists, tasks, fences, HTML, blockquotes and definitions', async () => {
    await fc.assert(fc.asyncProperty(markdownDocument, async (text) => {
      expect(await listOf(text)).toEqual(wholeParseListOf(text));
    }), {
      numRuns: Number(process.env.PROPERTY_RUNS ?? 300),
      // Once failed: an HTML block left open at the end swallowed definitions appended to the section.
      examples: [['[r]: https://ref.example\n# 2024\n* [X] [ref][r]\n<!--\n'], ['[r]: /r\n# 2024\n- [ ] [ref][r]\n```\n']],
    });
  });
});
