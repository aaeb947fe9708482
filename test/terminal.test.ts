import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, SEED, cleanEnv, read, tempDir, tempList } from './helpers/cli.js';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const init = (shell: string) => `eval "$('${process.execPath}' '${BIN}' shell-init ${shell})"`;

/** Types `lines` into an interactive shell on a pseudo-terminal (util-linux `script`): stdin is a TTY. */
function interactive(shell: string[], lines: string[]): string {
  const command = shell.map((word) => `'${word}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { input: `${lines.join('\n')}\nexit\n`, env: cleanEnv({ TERM: 'dumb', HOME: tempDir() }), encoding: 'utf8', timeout: 60_000 });
  return result.stdout;
}

/** Runs a script in `bash -ic` / `zsh -ic` whose stdin is not a terminal. */
function scripted(shell: string[], script: string, cwd: string = ROOT): string {
  return execFileSync(shell[0] ?? 'bash', [...shell.slice(1), '-ic', script], { cwd, env: cleanEnv({ HOME: tempDir() }), encoding: 'utf8', input: '', stdio: ['pipe', 'pipe', 'pipe'] });
}

const shells: [string, string[]][] = [['bash', ['bash', '--norc', '--noprofile']], ['zsh', ['zsh', '-f']]];

describe('read beside the shell builtin', () => {
  for (const [name, shell] of shells) {
    const available = has(name);
    it.skipIf(!available)(`${name}: typed at a terminal, \`read list\` runs the CLI`, () => {
      const out = interactive([...shell, '-i'], [init(name), `read list --file '${SEED}'`]);
      expect(out).toContain('研究 GitHub REST API 文档');
      expect(out).toContain('2023-04.7.2');
    });

    it.skipIf(!available)(`${name}: anything else is the builtin, untouched`, () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'lines.txt'), 'one\ntwo words\nthree\n');
      writeFileSync(join(dir, 'list.txt'), 'not a command\n');
      const script = [
        init(name),
        'read -r x <<< hello; echo "r:$x"',
        'IFS=: read a b <<< "1:2"; echo "ifs:$a-$b"',
        'while read l; do echo "[$l]"; done < lines.txt',
        'read list < list.txt; echo "var:$list"',
        'echo piped | { read done; echo "pipe:$done"; }',
        name === 'bash' ? 'read -a arr <<< "a b c"; echo "a:${arr[1]}"' : 'read -A arr <<< "a b c"; echo "a:${arr[2]}"',
        name === 'bash' ? 'read -t 1 t <<< timed; echo "t:$t"' : 'read -t 1 t <<< timed; echo "t:$t"',
        name === 'bash' ? 'read -p "prompt> " p <<< answered; echo "p:$p"' : 'read "p?prompt> " <<< answered; echo "p:$p"',
      ].join('\n');
      const out = scripted(shell, script, dir);
      for (const expected of ['r:hello', 'ifs:1-2', '[one]', '[two words]', '[three]', 'var:not a command', 'pipe:piped', 'a:b', 't:timed', 'p:answered']) {
        expect(out).toContain(expected);
      }
    });
  }

  it.skipIf(!has('bash'))('bash: `complete -p read` shows the completion; it offers commands, flags and ids', () => {
    expect(scripted(['bash', '--norc', '--noprofile'], `${init('bash')}\ncomplete -p read`)).toContain('-F _read_complete read');
    expect(read(['__complete', 'do']).stdout.split('\n')).toEqual(expect.arrayContaining(['done', 'doctor']));
    expect(read(['__complete', '--file', SEED, 'done', '']).stdout.split('\n').filter(Boolean)).toEqual(['2023-04.3', '2023-04.5', '2023-04.7.2']);
    expect(read(['__complete', '--file', SEED, 'list', '--month', '']).stdout).toContain('2023-04\n');
    expect(read(['__complete', 'progress', '--']).stdout).toContain('--calendar\n');
  });

  it.skipIf(!has('zsh'))('zsh: the completion is registered with compdef', () => {
    const out = scripted(['zsh', '-f'], `autoload -Uz compinit && compinit -u -D\n${init('zsh')}\necho "comp:$_comps[read]"`);
    expect(out).toContain('comp:_read_complete');
  });

  it('the command words come from the CLI\'s own command table; fish gets readlist completion and no `read` function', () => {
    const bash = read(['shell-init', 'bash']).stdout;
    const help = read(['--help']).stdout;
    const commands = [...help.slice(help.indexOf('Commands:'), help.indexOf('Examples:')).matchAll(/^ {2}([a-z][a-z-]*)(?:\|([a-z-]+))?/gm)].flatMap((match) => [match[1], match[2]]).filter((word): word is string => Boolean(word));
    expect(commands).toEqual(expect.arrayContaining(['list', 'add', 'done', 'undone', 'reopen', 'undo', 'progress', 'report', 'lint', 'doctor', 'open', 'init', 'shell-init']));
    for (const command of commands) expect(bash).toMatch(new RegExp(`[|( ]${command}[|)]`));
    expect(bash).not.toMatch(/\|today\|/);
    const fish = read(['shell-init', 'fish']).stdout;
    expect(fish).toContain('complete -c readlist');
    expect(fish).not.toMatch(/function read\b/);
    expect(read(['shell-init', 'tcsh']).status).toBe(2);
  });
});

describe('open, the picker, --commit', () => {
  it('open --print prints the url; an item without one is an error', () => {
    expect(read(['open', '2023-04.3', '--print', '--file', SEED])).toMatchObject({ status: 0, stdout: 'https://docs.github.com/zh/rest\n' });
    expect(read(['open', 'ModelScope', '--print', '--file', SEED]).stdout).toBe('https://www.modelscope.cn/docs/\n');
    const none = read(['open', '2023-04.1', '--print', '--file', SEED]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('no url');
  });

  it('done with no argument off a terminal is a usage error', () => {
    expect(read(['done', '--file', SEED]).status).toBe(2);
  });

  it.skipIf(!has('tmux'))('the interactive picker checks off the picked item, and only it', async () => {
    const file = tempList(SEED);
    const session = `read-test-${process.pid}`;
    const env = Object.entries(cleanEnv({ XDG_STATE_HOME: tempDir() })).filter(([key]) => /^(PATH|HOME|XDG_|LANG|LC_)/.test(key)).map(([key, value]) => `${key}='${value}'`).join(' ');
    execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', '120', '-y', '30', `env ${env} '${process.execPath}' '${BIN}' done --file '${file}'; sleep 30`]);
    const screen = () => execFileSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' });
    const until = async (check: () => boolean) => {
      for (let tries = 0; tries < 100 && !check(); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    };
    try {
      await until(() => screen().includes('2023-04.7.2'));
      expect(screen()).toContain('2023-04.3');
      execFileSync('tmux', ['send-keys', '-t', session, 'Down']);
      execFileSync('tmux', ['send-keys', '-t', session, 'Space']);
      execFileSync('tmux', ['send-keys', '-t', session, 'Enter']);
      await until(() => !readFileSync(file).equals(readFileSync(SEED)));
      await until(() => screen().includes('[x] 2023-04.5'));
    } finally {
      spawnSync('tmux', ['kill-session', '-t', session]);
    }
    const before = readFileSync(SEED);
    const after = readFileSync(file);
    const changed = [...after.keys()].filter((index) => before[index] !== after[index]);
    expect(changed).toHaveLength(1);
    expect(after.toString('utf8')).toContain('- [X] [研究 ModelScope 文档]');
  });

  it('--commit makes exactly one commit touching only the list file; outside git it warns and still edits', () => {
    const dir = tempDir();
    const file = join(dir, 'read.md');
    writeFileSync(file, readFileSync(SEED));
    writeFileSync(join(dir, 'other.txt'), 'staged, not mine\n');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: cleanEnv({ GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' }) });
    git('init', '-q');
    git('add', 'read.md');
    git('-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-qm', 'start');
    git('add', 'other.txt');
    const env = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
    expect(read(['done', '2023-04.3', '--commit', '--file', file], { env }).status).toBe(0);
    expect(git('log', '--format=%s').trim().split('\n')).toEqual(['read: done 2023-04.3  研究 GitHub REST API 文档', 'start']);
    expect(git('show', '--name-only', '--format=', 'HEAD').trim()).toBe('read.md');
    expect(git('diff', '--cached', '--name-only').trim()).toBe('other.txt');
    expect(read(['add', 'Via env', '--date', '2023-04', '--file', file], { env: { ...env, READ_COMMIT: '1' } }).status).toBe(0);
    expect(git('log', '--format=%s').trim().split('\n')[0]).toBe('read: add 2023-04.8  Via env');

    const outside = tempList(SEED);
    const result = read(['done', '2023-04.3', '--commit', '--file', outside]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('not in a git work tree');
    expect(readFileSync(outside, 'utf8')).toContain('- [X] [研究 GitHub REST API 文档]');
    expect(existsSync(join(outside, '..', '.git'))).toBe(false);
  });
});
