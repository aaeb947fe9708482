import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, SEED, cleanEnv, read, readAsync, tempDir, tempList } from './helpers/cli.js';

const seed = readFileSync(SEED);
const seedText = seed.toString('utf8');
let state: string;
beforeAll(() => {
  state = tempDir();
});
const env = () => ({ XDG_STATE_HOME: state });
const run = (args: string[]) => read(args, { env: env() });

interface JsonItem { id: string; title: string; url: string | null; day: number | null; done: boolean }
const items = (file: string) => (JSON.parse(run(['list', '--json', '--file', file]).stdout) as { items: JsonItem[] }).items;
const byId = (file: string, id: string) => items(file).find((item) => item.id === id);

/** Indexes where two buffers differ (same length expected). */
function differingBytes(a: Buffer, b: Buffer): number[] {
  expect(a.length).toBe(b.length);
  return [...a.keys()].filter((index) => a[index] !== b[index]);
}

describe('done and undone', () => {
  it('done changes exactly one byte, space to X; undone restores the original bytes', () => {
    const file = tempList(SEED);
    const done = run(['done', '2023-04.3', '--file', file]);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('2023-04.3');
    const after = readFileSync(file);
    const changed = differingBytes(seed, after);
    expect(changed).toHaveLength(1);
    expect([seed[changed[0] ?? 0], after[changed[0] ?? 0]]).toEqual([0x20, 0x58]);
    expect(run(['undone', '2023-04.3', '--file', file]).status).toBe(0);
    expect(readFileSync(file).equals(seed)).toBe(true);
  });

  it('a query checks the one open item it names', () => {
    const file = tempList(SEED);
    expect(run(['done', 'ModelScope', '--file', file]).status).toBe(0);
    expect(byId(file, '2023-04.5')?.done).toBe(true);
    expect(differingBytes(seed, readFileSync(file))).toHaveLength(1);
  });

  it('an ambiguous query lists the candidates, exits 1 and writes nothing', () => {
    const file = tempList(SEED);
    const mtime = statSync(file).mtimeMs;
    const result = run(['done', '研究', '--file', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('2023-04.3');
    expect(result.stderr).toContain('2023-04.5');
    expect(readFileSync(file).equals(seed)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('an unknown id exits 1 naming the nearest ids; nothing is written when any target fails', () => {
    const file = tempList(SEED);
    const result = run(['done', '2023-04.3', '2023-04.9', '--file', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/2023-04\.\d/);
    expect(readFileSync(file).equals(seed)).toBe(true);
  });

  it('takes a section id that starts with a dash (`## 📚 Books` → -books), and still refuses unknown options', () => {
    const file = tempList({ text: '## 📚 Books\n- [ ] a\n- [ ] b\n' });
    expect(run(['done', '-books.2', '--file', file])).toMatchObject({ status: 0, stdout: '[x] -books.2  b\n' });
    expect(readFileSync(file, 'utf8')).toBe('## 📚 Books\n- [ ] a\n- [x] b\n');
    expect(run(['undone', '--file', file, '-books.2'])).toMatchObject({ status: 0 });
    for (const typo of [['done', '--dry-rn', '-books.1'], ['undone', '-x'], ['open', '--prnt']]) {
      const refused = run([...typo, '--file', file]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain(`unknown option '${typo[1]}'`);
    }
    expect(readFileSync(file, 'utf8')).toBe('## 📚 Books\n- [ ] a\n- [ ] b\n');
  });

  it('writes the mark most done dated items have, subtasks and year items counted, other sections not', () => {
    // Dated: x, x (a subtask), x (a year item) against X, X; the section's X items do not count.
    const mostlyLower = '# 2024\n- [x] y\n## 1月\n- [X] a\n- [x] b\n  - [x] c\n## 2月\n- [X] d\n- [ ] e\n# Later\n- [X] f\n- [X] g\n- [X] h\n';
    const file = tempList({ text: mostlyLower });
    expect(run(['done', '2024-02.2', '--file', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(mostlyLower.replace('- [ ] e', '- [x] e'));
    // One lower-case mark fewer, and X is as common: the rule wants a majority for x.
    const even = mostlyLower.replace('- [x] y', '- [ ] y');
    const other = tempList({ text: even });
    expect(run(['done', '2024-02.2', '--file', other]).status).toBe(0);
    expect(readFileSync(other, 'utf8')).toBe(even.replace('- [ ] e', '- [X] e'));
  });

  it('an item already done is reported, exit 0, and the file is not written', () => {
    const file = tempList(SEED);
    const mtime = statSync(file).mtimeMs;
    const result = run(['done', '2023-04.2', '--file', file]);
    expect(result).toMatchObject({ status: 0 });
    expect(result.stderr).toContain('already done');
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('--dry-run prints the diff and writes nothing', () => {
    const file = tempList(SEED);
    const result = run(['done', '2023-04.3', '--dry-run', '--file', file]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('-- [ ] [研究 GitHub REST API 文档](https://docs.github.com/zh/rest)');
    expect(result.stdout).toContain('+- [X] [研究 GitHub REST API 文档](https://docs.github.com/zh/rest)');
    expect(readFileSync(file).equals(seed)).toBe(true);
  });

  it('done stamps: added and removed when the file uses them, never in the seed; flags override', () => {
    const today = new Date();
    const stamp = `✅ ${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const text = '# 2024\n\n## January\n- [x] Alice ✅ 2023-12-29\n- [ ] Getting things Done\n';
    const file = tempList({ text });
    expect(run(['done', '2024-01.2', '--file', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`# 2024\n\n## January\n- [x] Alice ✅ 2023-12-29\n- [x] Getting things Done ${stamp}\n`);
    expect(run(['undone', '2024-01.2', '--file', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(run(['done', '2024-01.2', '--no-stamp', '--file', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text.replace('- [ ] Getting', '- [x] Getting'));
    const seedCopy = tempList(SEED);
    run(['done', '2023-04.3', '--file', seedCopy]);
    expect(readFileSync(seedCopy, 'utf8')).not.toContain('✅');
    run(['done', '2023-04.5', '--stamp', '--file', seedCopy]);
    expect(readFileSync(seedCopy, 'utf8')).toContain(`[研究 ModelScope 文档](https://www.modelscope.cn/docs/) ${stamp}\n`);
  });
});

describe('add', () => {
  it('inserts exactly one line after the notes of the month\'s last item', () => {
    const file = tempList(SEED);
    const result = run(['add', 'T', 'https://t.example/x', '--date', '2023-05-31', '--file', file]);
    expect(result).toMatchObject({ status: 0, stdout: '2023-05.7\n' });
    const lines = seedText.split('\n');
    // Line 53 is the last note of 2023-05.6 (`  * [State of GPT - PDF](…)`).
    expect(lines[52]).toBe('  * [State of GPT - PDF](https://karpathy.ai/stateofgpt.pdf)');
    expect(readFileSync(file, 'utf8')).toBe([...lines.slice(0, 53), '- [ ] 31 [T](https://t.example/x)', ...lines.slice(53)].join('\n'));
    expect(byId(file, '2023-05.7')).toMatchObject({ title: 'T', url: 'https://t.example/x', day: 31, done: false });
  });

  it('creates a new year and month in the seed\'s style and order, front matter untouched', () => {
    const file = tempList(SEED);
    expect(run(['add', 'x', '--date', '2026-12', '--file', file])).toMatchObject({ status: 0, stdout: '2026-12.1\n' });
    expect(readFileSync(file, 'utf8')).toBe(seedText.replace('---\n\n# 2025\n', '---\n\n# 2026\n\n## 12🈷️\n- [ ] x\n\n\n# 2025\n'));
  });

  it('creates a month inside an existing year, in date order', () => {
    const file = tempList(SEED);
    expect(run(['add', 'y', '--date', '2023-02', '--done', '--file', file])).toMatchObject({ status: 0, stdout: '2023-02.1\n' });
    const expected = seedText.replace('  * [X] Roboflow 试用（标注、训练、部署）\n', '  * [X] Roboflow 试用（标注、训练、部署）\n\n## 2🈷️\n- [X] y\n');
    expect(readFileSync(file, 'utf8')).toBe(expected);
    const middle = tempList(SEED);
    expect(run(['add', 'z', '--date', '2024-07-04', '--file', middle]).stdout).toBe('2024-07.1\n');
    expect(readFileSync(middle, 'utf8')).toBe(seedText.replace('\n# 2023\n', '\n# 2024\n\n## 7🈷️\n- [ ] 4 z\n\n\n# 2023\n'));
  });

  it('adds year items with --date YYYY and writes days as the file does', () => {
    const file = tempList(SEED);
    expect(run(['add', 'year thing', '--date', '2023', '--file', file]).stdout).toBe('2023.1\n');
    expect(readFileSync(file, 'utf8')).toBe(seedText.replace('# 2023\n', '# 2023\n- [ ] year thing\n'));
    const padded = tempList({ text: '# 2024\n\n## 3月\n- [ ] 07 a\n' });
    run(['add', 'b', '--date', '2024-03-09', '--file', padded]);
    expect(readFileSync(padded, 'utf8')).toBe('# 2024\n\n## 3月\n- [ ] 07 a\n- [ ] 09 b\n');
  });

  it('adds to a file that starts with a blank line (it used to hang; found by the add property)', () => {
    const years = tempList({ text: '\n# 2018/04/01\n# 2024\n' });
    expect(run(['add', 'New', '--date', '2023-05', '--file', years]).stdout).toBe('2023-05.1\n');
    expect(readFileSync(years, 'utf8')).toBe('\n# 2018/04/01\n# 2024\n\n# 2023\n\n## 5🈷️\n- [ ] New\n');
    const months = tempList({ text: '\n## 2023-05\ntext\n' });
    expect(run(['add', 'New', '--date', '2026-12', '--file', months]).stdout).toBe('2026-12.1\n');
    expect(readFileSync(months, 'utf8')).toBe('\n## 2026-12\n- [ ] New\n\n## 2023-05\ntext\n');
  });

  it('follows the month\'s bullet and indentation, and numbers ordered lists', () => {
    const file = tempList({ text: '# 2024\n\n## 3月\n\n1. [x] one\n2. [ ] two\n   * a note\n\nafter\n' });
    run(['add', 'three', '--date', '2024-03', '--file', file]);
    expect(readFileSync(file, 'utf8')).toBe('# 2024\n\n## 3月\n\n1. [x] one\n2. [ ] two\n   * a note\n3. [ ] three\n\nafter\n');
  });

  it('goes under the day heading in a file organised by days', () => {
    const file = tempList({ text: '# 2018/04/01\n- [x] a\n\n# 2018/04/07\n- [ ] b\n' });
    expect(run(['add', 'c', '--date', '2018-04-01', '--file', file]).stdout).toBe('2018-04.2\n');
    expect(run(['add', 'd', '--date', '2018-04-09', '--file', file]).stdout).toBe('2018-04.4\n');
    expect(readFileSync(file, 'utf8')).toBe('# 2018/04/01\n- [x] a\n- [ ] c\n\n# 2018/04/07\n- [ ] b\n\n# 2018/04/09\n- [ ] d\n');
  });

  it('warns when the url is already in the file, and still adds', () => {
    const file = tempList(SEED);
    const result = run(['add', 'again', 'https://docs.github.com/zh/rest', '--date', '2023-04', '--file', file]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('2023-04.3');
    expect(byId(file, '2023-04.8')?.url).toBe('https://docs.github.com/zh/rest');
  });

  it('warns as well when the url is written otherwise in the file, and the list is read from the cache', () => {
    // An escape, an entity and a bare www link: the url the item has is not written out in the text.
    const file = tempList({ text: '# 2024\n## 3月\n- [ ] [a](https://a.example/x\\_y)\n- [ ] [b](https://b.example/?p=1&amp;q=2)\n- [ ] see www.c.example\n' });
    const warned = (url: string) => {
      run(['list', '--file', file]);
      return run(['add', 'again', url, '--date', '2024-03', '--file', file]).stderr;
    };
    expect(warned('https://a.example/x_y')).toContain('already in the file as 2024-03.1');
    expect(warned('https://b.example/?p=1&q=2')).toContain('already in the file as 2024-03.2');
    expect(warned('http://www.c.example')).toContain('already in the file as 2024-03.3');
  });

  it('refuses a title with a line break (exit 2) and a bad date, writing nothing', () => {
    const file = tempList(SEED);
    expect(run(['add', 'two\nlines', '--file', file]).status).toBe(2);
    expect(run(['add', 'x', '--date', '2023-02-30', '--file', file]).status).toBe(2);
    expect(readFileSync(file).equals(seed)).toBe(true);
  });

  it('catches a title typed without quotes instead of linking it to a word, writing nothing', () => {
    const file = tempList(SEED);
    const twoWords = run(['add', 'Attention', 'Paper', '--file', file]);
    expect(twoWords.status).toBe(2);
    expect(twoWords.stderr).toContain('read add "Attention Paper"');
    const manyWords = run(['add', 'Attention', 'Is', 'All', 'You', 'Need', '--file', file]);
    expect(manyWords.status).toBe(2);
    expect(manyWords.stderr).toContain('words with spaces go in quotes');
    expect(readFileSync(file).equals(seed)).toBe(true);
    // Relative links and bare domains are still urls.
    for (const url of ['./notes/paper.pdf', 'example.com', 'localhost:8080']) {
      const added = run(['add', 'Local', url, '--date', '2023-04', '--file', file]);
      expect(added.status, url).toBe(0);
      expect(byId(file, added.stdout.trim())?.url).toBe(url);
    }
  });

  it('writes a title that looks like a day so that it reads back as a title', () => {
    const file = tempList(SEED);
    const id = run(['add', '12 monkeys', '--date', '2023-03', '--file', file]).stdout.trim();
    expect(byId(file, id)).toMatchObject({ title: '12 monkeys', day: null, url: null });
  });

  it('keeps plain titles that GFM would turn into links as plain text (found by the property test)', () => {
    const file = tempList(SEED);
    for (const title of ['-@.A', 'mail me@example.com now', 'see www.example.com', 'at https://x.example/a_b)']) {
      const added = run(['add', '--date', '2023-03', '--file', file, '--', title]);
      expect(added.status, added.stderr).toBe(0);
      expect(byId(file, added.stdout.trim())).toMatchObject({ title, url: null });
    }
  });
});

describe('the file as found is the file as written', () => {
  it('edits the file a symbolic link points to, and leaves the link a link', () => {
    const target = tempList(SEED);
    const link = join(tempDir(), 'read.md');
    symlinkSync(target, link);
    expect(run(['done', '2023-04.3', '--file', link]).status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(differingBytes(readFileSync(target), seed)).toHaveLength(1);
    expect(readdirSync(dirname(link))).toEqual(['read.md']);
    expect(run(['undo', '--file', link]).status).toBe(0);
    expect(readFileSync(target).equals(seed)).toBe(true);
  });

  const variants = {
    crlf: seedText.replace(/\n/g, '\r\n'),
    bom: `\uFEFF${seedText}`,
    'no final newline': seedText.trimEnd(),
    'bom crlf no final newline': `\uFEFF${seedText.replace(/\n/g, '\r\n').trimEnd()}`,
  };
  for (const [name, text] of Object.entries(variants)) {
    it(`keeps ${name} through done, add (new month too) and undone`, () => {
      const file = tempList({ text });
      for (const args of [['done', '2023-04.3'], ['add', 'New', 'https://n.example', '--date', '2023-04-02'], ['add', 'Other', '--date', '2022-01'], ['add', 'Last', '--date', '2020-01'], ['undone', '2023-04.3']]) {
        expect(run([...args, '--file', file]).status, args.join(' ')).toBe(0);
      }
      const after = readFileSync(file, 'utf8');
      expect(after.startsWith('\uFEFF')).toBe(text.startsWith('\uFEFF'));
      expect(/\r\n$|\n$/.test(after)).toBe(/\n$/.test(text));
      if (text.includes('\r\n')) expect(after.replace(/\r\n/g, '')).not.toContain('\n');
      else expect(after).not.toContain('\r');
      expect(after.split(/\r?\n/).filter((line) => line.includes('New') || line.includes('Other') || line.includes('Last'))).toHaveLength(3);
    });
  }
});

describe('writes are atomic and locked', () => {
  it('twenty adds at once leave twenty new lines and nothing else changed', async () => {
    const file = tempList(SEED);
    const runs = await Promise.all(Array.from({ length: 20 }, (_, index) => readAsync(['add', `parallel ${index}`, '--date', '2023-05-15', '--file', file], { env: env() })));
    expect(runs.map((result) => result.status), runs.map((result) => result.stderr).join('')).toEqual(Array.from({ length: 20 }, () => 0));
    const after = readFileSync(file, 'utf8').split('\n');
    const added = after.filter((line) => /^- \[ \] 15 parallel \d+$/.test(line));
    expect(new Set(added).size).toBe(20);
    expect(after.filter((line) => !added.includes(line))).toEqual(seedText.split('\n'));
    expect(readdirSync(dirname(file)).sort()).toEqual(['read.md']);
  });

  it('ten dones at once on ten items check all ten and change ten bytes', async () => {
    const text = `# 2024\n\n## 1月\n${Array.from({ length: 10 }, (_, index) => `- [ ] item ${index}\n`).join('')}`;
    const file = tempList({ text });
    const runs = await Promise.all(Array.from({ length: 10 }, (_, index) => readAsync(['done', `2024-01.${index + 1}`, '--file', file], { env: env() })));
    expect(runs.map((result) => result.status), runs.map((result) => result.stderr).join('')).toEqual(Array.from({ length: 10 }, () => 0));
    expect(readFileSync(file, 'utf8')).toBe(text.replace(/\[ \]/g, '[x]'));
  });

  it('a crash between writing the temp file and the rename leaves the original intact; the stale lock is reported', () => {
    const file = tempList(SEED);
    const crashed = read(['done', '2023-04.3', '--file', file], { env: { ...env(), READ_FAULT: 'before-rename' } });
    expect(crashed.status).not.toBe(0);
    expect(readFileSync(file).equals(seed)).toBe(true);
    const next = run(['done', '2023-04.3', '--file', file]);
    expect(next.status).toBe(1);
    expect(next.stderr).toContain('no longer running');
    expect(next.stderr).toContain(`rm '${file}.lock'`);
    expect(readFileSync(file).equals(seed)).toBe(true);
  });

  it('a read-only file is refused with a clear error, nothing lost, no temp file left', () => {
    const file = tempList(SEED);
    chmodSync(file, 0o444);
    const result = run(['done', '2023-04.3', '--file', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('read-only');
    expect(readFileSync(file).equals(seed)).toBe(true);
    expect(readdirSync(dirname(file))).toEqual(['read.md']);
  });

  it('a write the disk cuts short (here a 4 KiB file-size limit) is refused and the file left whole', () => {
    const file = tempList(SEED);
    // It used to rename the first 4,096 bytes over the list and report success.
    const limited = spawnSync('bash', ['-c', `ulimit -f 4; exec '${process.execPath}' '${BIN}' done 2023-04.3 --file '${file}'`], { env: cleanEnv(env()), encoding: 'utf8' });
    expect(limited.stderr).toContain('the file is unchanged');
    expect(limited.status).toBe(1);
    expect(readFileSync(file).equals(seed)).toBe(true);
    expect(readdirSync(dirname(file))).toEqual(['read.md']);
  });

  it('keeps the file\'s mode', () => {
    const file = tempList(SEED);
    chmodSync(file, 0o640);
    run(['done', '2023-04.3', '--file', file]);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });
});

describe('undo', () => {
  it('done → add → undo → undo gives back the seed byte for byte', () => {
    const file = tempList(SEED);
    run(['done', '2023-04.3', '--file', file]);
    run(['add', 'T', 'https://t.example', '--date', '2026-12-01', '--file', file]);
    expect(run(['undo', '--file', file])).toMatchObject({ status: 0, stdout: expect.stringContaining('add 2026-12.1') });
    expect(run(['undo', '--file', file])).toMatchObject({ status: 0, stdout: expect.stringContaining('done 2023-04.3') });
    expect(readFileSync(file).equals(seed)).toBe(true);
    expect(run(['undo', '--file', file]).status).toBe(1);
  });

  it('refuses after a hand edit and leaves the hand edit in place', () => {
    const file = tempList(SEED);
    run(['done', '2023-04.3', '--file', file]);
    const edited = `${readFileSync(file, 'utf8')}\nmy own line\n`;
    writeFileSync(file, edited);
    const result = run(['undo', '--file', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('changed since');
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it('keeps its history in the XDG state folder, never beside the page', () => {
    const file = tempList(SEED);
    run(['done', '2023-04.3', '--file', file]);
    expect(readdirSync(dirname(file))).toEqual(['read.md']);
    expect(existsSync(join(state, 'read/undo'))).toBe(true);
  });

  it('takes $XDG_STATE_HOME only as an absolute path: a relative one is ignored, not made beside the page', () => {
    const home = tempDir();
    const file = tempList(SEED);
    const here = { env: { HOME: home, XDG_STATE_HOME: 'state' }, cwd: dirname(file) };
    expect(read(['done', '2023-04.3', '--file', 'read.md'], here).status).toBe(0);
    expect(readdirSync(dirname(file))).toEqual(['read.md']);
    expect(existsSync(join(home, '.local/state/read/undo'))).toBe(true);
    expect(read(['undo', '--file', 'read.md'], here).status).toBe(0);
    expect(readFileSync(file).equals(seed)).toBe(true);
  });
});
