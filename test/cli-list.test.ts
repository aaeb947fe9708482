import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { BIN, SEED, cleanEnv, read, readOnTty, tempDir, tempList } from './helpers/cli.js';

const seedBytes = readFileSync(SEED);
const ESC = '\u001b';

interface JsonItem { id: string; title: string; url: string | null; done: boolean; day: number | null; month: number | null; parent: string | null; line: number }
const listJson = (args: string[]) => JSON.parse(read(['list', '--json', ...args]).stdout) as { file: string; items: JsonItem[]; sections: { id: string }[] };

describe('read list, the built CLI', () => {
  it('prints the seed grouped by year and month with ids, days, titles and urls', () => {
    const { status, stdout, stderr } = read(['list', '--file', SEED]);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toContain(ESC);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('2025');
    expect(lines.findIndex((line) => line.startsWith('  2023-04'))).toBeGreaterThan(lines.indexOf('2023'));
    expect(stdout).toMatch(/\[ \] 2023-04\.3 +研究 GitHub REST API 文档 {2}https:\/\/docs\.github\.com\/zh\/rest/);
    expect(stdout).toMatch(/\[x\] 2023-05\.2 +23 大模型时代下做科研的四个思路/);
    expect(stdout).toMatch(/\n {6}\[ \] 2023-04\.7\.2 +开发使用 pip 安装\n/);
    for (const title of ['李飞飞最新长文', 'To Repeat or Not To Repeat', 'ChatGLM-6B 模型微调', 'Roboflow 试用（标注、训练、部署）']) expect(stdout).toContain(title);
    expect(stdout).not.toContain('§');
  });

  it('aligns titles by display width, CJK ids and all', () => {
    const file = tempList({ text: '# 2024\n\n## 1月\n- [ ] alpha\n  - [ ] 12 beta\n\n## 以后再读\n- [ ] gamma\n' });
    const { stdout } = read(['list', '--all', '--file', file]);
    const columns = ['alpha', 'beta', 'gamma'].map((title) => {
      const line = stdout.split('\n').find((candidate) => candidate.includes(title)) ?? '';
      return stringWidth(line.slice(0, line.indexOf(title)));
    });
    expect(stdout).toContain('以后再读.1');
    expect(columns).toEqual([columns[0], columns[0], columns[0]]);
  });

  it('--json is one document with the contract shape', () => {
    const { status, stdout } = read(['list', '--json', '--file', SEED]);
    expect(status).toBe(0);
    const doc = JSON.parse(stdout) as { file: string; items: JsonItem[]; sections: { id: string; title: string; line: number; items: unknown[] }[] };
    expect(doc.file).toBe('fixtures/seed.md');
    expect(doc.items).toHaveLength(22);
    expect(doc.items.find((item) => item.id === '2023-05.2')).toEqual({
      id: '2023-05.2', year: 2023, month: 5, day: 23, title: '大模型时代下做科研的四个思路',
      url: 'https://www.youtube.com/watch?v=sh79Z8i15PI', done: true, line: 22, parent: null,
      notes: ['Efficient modeling (PEFT)', 'Pretrained model, new topics', 'Plug-and-play', 'Dataset, evaluation and survey'],
    });
    expect(doc.items.find((item) => item.id === '2023-04.7.2')?.parent).toBe('2023-04.7');
    expect(doc.sections).toEqual([
      { id: '开发文档', title: '开发文档', line: 75, items: [] },
      { id: 'ai', title: 'AI', line: 76, items: [] },
      { id: '学习资料', title: '学习资料', line: 81, items: [] },
    ]);
  });

  it('--json is compact for a program (a pipe), indented for a person (a terminal), and the same document', () => {
    for (const args of [['list', '--json'], ['progress', '--json'], ['lint', '--json']]) {
      const piped = read([...args, '--file', SEED]).stdout;
      // script(1) turns the terminal's newlines into CRLF.
      const onTerminal = readOnTty([...args, '--file', SEED]).stdout.replace(/\r\n/g, '\n');
      expect(piped.split('\n'), args.join(' ')).toEqual([expect.stringMatching(/^\{"\w+":/), '']);
      expect(onTerminal.split('\n').length, args.join(' ')).toBeGreaterThan(args[0] === 'lint' ? 2 : 40);
      expect(onTerminal, args.join(' ')).toMatch(/^\{\n {2}"\w+": /);
      expect(JSON.parse(onTerminal), args.join(' ')).toEqual(JSON.parse(piped));
    }
  });

  it('filters: --open, --done, --year, --month, a query in CJK, case-insensitive', () => {
    expect(listJson(['--file', SEED, '--open']).items.map((item) => item.id)).toEqual(['2023-04.3', '2023-04.5', '2023-04.7.2']);
    expect(listJson(['--file', SEED, '--todo']).items.map((item) => item.id)).toEqual(['2023-04.3', '2023-04.5', '2023-04.7.2']);
    expect(listJson(['--file', SEED, '--done', '--month', '2023-03']).items.map((item) => item.id)).toEqual(['2023-03.1', '2023-03.1.1', '2023-03.1.2', '2023-03.1.3']);
    expect(listJson(['--file', SEED, '--year', '2025']).items.map((item) => item.id)).toEqual(['2025-11.1']);
    expect(listJson(['--file', SEED, '--year', '2025']).sections).toEqual([]);
    expect(listJson(['研究', '--file', SEED]).items.map((item) => item.id)).toEqual(['2023-05.1', '2023-04.3', '2023-04.4', '2023-04.5']);
    expect(listJson(['MODELSCOPE', '--file', SEED]).items.map((item) => item.id)).toEqual(['2023-04.5']);
    expect(listJson(['youtube.com/watch?v=sh79', '--file', SEED]).items.map((item) => item.id)).toEqual(['2023-05.2']);
  });

  it('--all shows notes and non-date sections', () => {
    const { stdout } = read(['list', '--all', '--file', SEED]);
    expect(stdout).toContain('· Efficient modeling (PEFT)');
    expect(stdout).toContain('§ 开发文档');
    expect(stdout).toMatch(/• +LlamaIndex {2}https:\/\/gpt-index\.readthedocs\.io/);
  });

  it('puts one blank line between years and sections and none at the end, however many writes it takes', () => {
    // 1,500 items are some 20,000 pieces of text: the list is printed in several writes.
    const many = Array.from({ length: 1500 }, (_, index) => `- [ ] item ${index + 1}\n`).join('');
    const file = tempList({ text: `# 2024\n\n## 1月\n${many}\n## 2月\n- [x] last\n\n# 2023\n\n## 12月\n- [ ] old\n\n## Later\n- [ ] someday\n` });
    const { status, stdout } = read(['list', '--all', '--file', file]);
    expect(status).toBe(0);
    const blocks = stdout.split('\n\n');
    expect(blocks.map((block) => block.split('\n')[0])).toEqual(['2024', '2023', '§ Later']);
    expect(stdout.endsWith('someday\n')).toBe(true);
    const items = stdout.split('\n').filter((line) => /\bitem \d+$/.test(line)).map((line) => Number(/(\d+)$/.exec(line)?.[1]));
    expect(items).toEqual(Array.from({ length: 1500 }, (_, index) => index + 1));
    expect(blocks[0]?.split('\n').at(-1)).toMatch(/\[x\] 2024-02\.1 +last$/);
  });
  it('gives every line to a reader that keeps it waiting: the run exits early only once its output is written', () => {
    // Some 150 KB through a shell pipe (64 KB): the CLI waits on the reader before it can finish.
    const many = Array.from({ length: 3000 }, (_, index) => `- [ ] item ${index + 1}  https://example.com/${index}\n`).join('');
    const file = tempList({ text: `# 2024\n\n## 1月\n${many}` });
    const expected = read(['list', '--file', file]);
    expect(expected.stdout.length).toBeGreaterThan(150_000);
    const slow = spawnSync('bash', ['-c', 'set -o pipefail; "$0" "$1" list --file "$2" | { sleep 0.3; cat; }', process.execPath, BIN, file], {
      env: cleanEnv(), encoding: 'utf8', maxBuffer: 1 << 24, timeout: 30_000,
    });
    expect(slow.status, slow.stderr).toBe(0);
    expect(slow.stdout).toBe(expected.stdout);
  });
  it('a query that matches nothing exits 1; bad flags exit 2', () => {
    const none = read(['list', 'no-such-thing-anywhere', '--file', SEED]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('no-such-thing-anywhere');
    expect(read(['list', '--month', '2023-13', '--file', SEED]).status).toBe(2);
    expect(read(['list', '--open', '--done', '--file', SEED]).status).toBe(2);
    expect(read(['lst', '--file', SEED])).toMatchObject({ status: 2, stderr: expect.stringContaining('list') });
    expect(read(['list', '--bogus', '--file', SEED]).status).toBe(2);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(dirname(SEED), '../package.json'), 'utf8')) as { version: string };
    expect(read(['--version']).stdout.trim()).toBe(version);
  });
});

describe('colour and terminal safety', () => {
  it('colours on a terminal, never with NO_COLOR, --no-color or TERM=dumb', () => {
    expect(readOnTty(['list', '--file', SEED]).stdout).toContain(`${ESC}[`);
    expect(readOnTty(['list', '--file', SEED], { NO_COLOR: '1' }).stdout).not.toContain(ESC);
    // no-color.org: an empty NO_COLOR is not set.
    expect(readOnTty(['list', '--file', SEED], { NO_COLOR: '' }).stdout).toContain(`${ESC}[`);
    expect(readOnTty(['list', '--file', SEED, '--no-color']).stdout).not.toContain(ESC);
    for (const args of [['list'], ['progress']]) expect(readOnTty([...args, '--file', SEED], { TERM: 'dumb' }).stdout).not.toContain(ESC);
  });

  it('strips escape sequences and control characters that come from the file', () => {
    const file = tempList({ text: '# 2024\n\n## 1月\n- [ ] evil \u001b]0;pwned\u0007title\n- [ ] clear \u001b[2Jscreen [x](https://e.example/\u001b[31m)\n' });
    for (const run of [read(['list', '--file', file]), readOnTty(['list', '--file', file])]) {
      expect(run.status).toBe(0);
      expect(run.stdout).not.toContain(`${ESC}]`);
      expect(run.stdout).not.toContain(`${ESC}[2J`);
      expect(run.stdout).not.toContain('\u0007');
      expect(run.stdout).toContain('evil title');
      expect(run.stdout).toContain('clear screen');
    }
    expect(read(['list', '--file', file]).stdout).not.toContain(ESC);
  });
});

describe('the file', () => {
  it('read-only commands never write: bytes and mtime unchanged', () => {
    const file = tempList(SEED);
    const before = statSync(file).mtimeMs;
    for (const args of [['list'], ['list', '--json'], ['list', '--all'], ['progress', '--json'], [], ['list', 'nothing-matches']]) read([...args, '--file', file]);
    expect(readFileSync(file).equals(seedBytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('reads BOM, CRLF and no final newline as the same list', () => {
    const expected = listJson(['--file', SEED]).items.map(({ id, title, url, done, day }) => ({ id, title, url, done, day }));
    const seed = seedBytes.toString('utf8');
    for (const text of [`\uFEFF${seed}`, seed.replace(/\n/g, '\r\n'), seed.replace(/\n+$/, ''), `\uFEFF${seed.replace(/\n/g, '\r\n').trimEnd()}`]) {
      const file = tempList({ text });
      expect(listJson(['--file', file]).items.map(({ id, title, url, done, day }) => ({ id, title, url, done, day }))).toEqual(expected);
    }
  });

  it('refuses invalid UTF-8 and binary files with a clear error, untouched', () => {
    for (const [bytes, message] of [[Buffer.from([0x23, 0x20, 0x32, 0x30, 0x32, 0x34, 0x0a, 0xff, 0xfe, 0x0a]), 'not valid UTF-8'], [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'binary']] as const) {
      const file = tempList({ text: bytes });
      const run = read(['list', '--file', file]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(message);
      expect(readFileSync(file).equals(bytes)).toBe(true);
    }
  });

  it('is found by --file, then $READ_FILE, then ./read.md; a missing one names all three', () => {
    const dir = tempDir();
    const missing = read(['list'], { cwd: dir });
    expect(missing.status).toBe(1);
    for (const words of ['--file', '$READ_FILE', './read.md', 'read init']) expect(missing.stderr).toContain(words);
    writeFileSync(join(dir, 'read.md'), '# 2024\n\n## 2月\n- [ ] from cwd\n');
    writeFileSync(join(dir, 'env.md'), '# 2024\n\n## 2月\n- [ ] from env\n');
    writeFileSync(join(dir, 'flag.md'), '# 2024\n\n## 2月\n- [ ] from flag\n');
    expect(read(['list'], { cwd: dir }).stdout).toContain('from cwd');
    expect(read(['list'], { cwd: dir, env: { READ_FILE: join(dir, 'env.md') } }).stdout).toContain('from env');
    expect(read(['list', '--file', 'flag.md'], { cwd: dir, env: { READ_FILE: join(dir, 'env.md') } }).stdout).toContain('from flag');
  });

  it('init creates a minimal list and never overwrites one', () => {
    const dir = tempDir();
    const created = read(['init', 'new.md'], { cwd: dir });
    expect(created.status).toBe(0);
    const text = readFileSync(join(dir, 'new.md'), 'utf8');
    expect(text).toMatch(/^# \d{4}\n\n## \d{1,2}🈷️\n$/);
    writeFileSync(join(dir, 'new.md'), 'mine\n');
    const again = read(['init', 'new.md'], { cwd: dir });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(join(dir, 'new.md'), 'utf8')).toBe('mine\n');
  });
});
