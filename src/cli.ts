import { Command, CommanderError } from 'commander';
import { UsageError, UserError } from './errors.js';
import { v8Defaults } from './v8-tuning.js';
import { monthId } from './model/dates.js';
import { looksLikeId } from './model/ids.js';
import { sanitize } from './render/sanitize.js';
import { printTo, standardOutput, type Stdout } from './commands/stdout.js';

export { parserLoaded } from './markdown/load-parser.js';
export { stillPrinting } from './commands/stdout.js';

declare const PACKAGE_VERSION: string;

const TODAY = 'today';
/** The hidden entry the shell completion calls: `read __complete WORD…`. */
const COMPLETE = '__complete';

function currentMonth(now = new Date()): string {
  return monthId(now.getFullYear(), now.getMonth() + 1);
}

/**
 * Section ids are GitHub slugs, and a heading such as `## 📚 Books` gives `-books`: the commands that
 * take ids accept unknown options, so that `read done -books.1` works, and refuse the rest here.
 */
function idTargets(targets: string[]): string[] {
  const option = targets.find((target) => target.startsWith('-') && !looksLikeId(target));
  if (option !== undefined) throw new UsageError(`unknown option '${option}'`);
  return targets;
}

/** Where a command that finished without an error reports a non-zero exit (lint found problems). */
export interface ExitStatus {
  code: number;
}

export function buildProgram(status: ExitStatus = { code: 0 }): Command {
  const program = new Command('read')
    .description('Track a reading list kept in one Markdown page. The page is edited in place, never reformatted.')
    .version(PACKAGE_VERSION, '-V, --version')
    .option('-f, --file <path>', 'the reading list (default: $READ_FILE, then ./read.md)')
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR works too)')
    .option('--no-cache', 'parse every section again; keep no cache (READ_NO_CACHE=1 works too)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText('after', `
Examples:
  read list                          open and done items, by year and month
  read list --open --year 2023       what is still open from 2023
  read add "Title" https://…         add to this month; prints the new id
  read done 2023-04.3                check it off (one character changes)
  read undo                          take read's last edit back
  read progress                      done / total per month, with bars
  read lint                          broken links, duplicate urls, dates out of order
  eval "$(readlist shell-init bash)" make \`read list\` work beside the shell builtin

The list is --file PATH, else $READ_FILE, else ./read.md (read init creates one).`);

  // What `read` alone shows: this month's open items. Hidden: it is reached by giving no command.
  program.command(TODAY, { hidden: true })
    .action(async (_options: unknown, command: Command) => {
      const { runList } = await import('./commands/list.js');
      await runList(undefined, { ...command.optsWithGlobals(), open: true, month: currentMonth() });
      process.stderr.write(`Open items of ${currentMonth()}. See everything with 'read list', all commands with 'read --help'.\n`);
    });

  program.command('list [query]')
    .description('list items grouped by year and month; a query matches title or url, case-insensitively')
    .option('--open', 'only open items')
    .option('--todo', 'same as --open')
    .option('--done', 'only done items')
    .option('--year <YYYY>', 'only this year')
    .option('--month <YYYY-MM>', 'only this month')
    .option('--all', 'also non-date sections and notes')
    .option('--json', 'print JSON (one document, no colour)')
    .addHelpText('after', `
Examples:
  read list
  read list --open
  read list --month 2023-04 --all
  read list 研究 --json`)
    .action(async (query: string | undefined, _options: unknown, command: Command) => {
      const { runList } = await import('./commands/list.js');
      await runList(query, command.optsWithGlobals());
    });

  program.command('add <title> [url]')
    .description('add an item to the month of --date (default: today), creating its headings when missing')
    .option('--date <date>', 'YYYY-MM-DD, YYYY-MM, or YYYY for a year item (default: today)')
    .option('--done', 'add it checked')
    .option('--dry-run', 'print the diff, write nothing')
    .option('--commit', 'git-commit just the list file (READ_COMMIT=1 works too)')
    .addHelpText('after', `
Examples:
  read add "Attention Is All You Need" https://arxiv.org/abs/1706.03762
  read add "State of GPT" https://karpathy.ai/stateofgpt.pdf --date 2023-05-30 --done
  read add "Reread SICP" --date 2024`)
    .action(async (title: string, url: string | undefined, _options: unknown, command: Command) => {
      const { runAdd } = await import('./commands/add.js');
      await runAdd(title, url, command.optsWithGlobals());
    });

  for (const [name, done, alias] of [['done', true, undefined], ['undone', false, 'reopen']] as const) {
    const check = program.command(`${name} ${done ? '[id|query...]' : '<id|query...>'}`)
      .description(done ? 'check items off (one character each); with no argument on a terminal, pick from a list' : 'uncheck items')
      .option('--dry-run', 'print the diff, write nothing')
      .option('--commit', 'git-commit just the list file (READ_COMMIT=1 works too)')
      .option('--stamp', 'add / remove a ✅ YYYY-MM-DD completion stamp (default: when the file has them)')
      .option('--no-stamp', 'never touch completion stamps')
      .addHelpText('after', `
Examples:
  read ${name} 2023-04.3
  read ${name} ModelScope 2023-04.7.2
  read ${name} 2023-04.3 --dry-run`)
      .allowUnknownOption()
      .action(async (targets: string[], _options: unknown, command: Command) => {
        const { runCheck } = await import('./commands/check.js');
        await runCheck(idTargets(targets), done, command.optsWithGlobals());
      });
    if (alias) check.alias(alias);
  }

  program.command('undo')
    .description("revert the last edit read made to the file, unless the file changed since")
    .option('--commit', 'git-commit just the list file (READ_COMMIT=1 works too)')
    .addHelpText('after', `
Examples:
  read done 2023-04.3 && read undo`)
    .action(async (_options: unknown, command: Command) => {
      const { runUndo } = await import('./commands/undo.js');
      await runUndo(command.optsWithGlobals());
    });

  program.command('progress').alias('report')
    .description('done / total per month with a bar, a subtotal per year, the overall total')
    .option('--year <YYYY>', 'only this year')
    .option('--since <YYYY-MM>', 'only months from this one on')
    .option('--json', 'print JSON')
    .option('--markdown', 'print a GitHub Markdown table')
    .option('--calendar', 'each year as a line of twelve shaded months')
    .addHelpText('after', `
Examples:
  read progress
  read progress --year 2023 --markdown
  read progress --calendar`)
    .action(async (_options: unknown, command: Command) => {
      const { runProgress } = await import('./commands/progress.js');
      await runProgress(command.optsWithGlobals());
    });

  program.command('lint').alias('doctor')
    .description('find structural problems: broken links, duplicate urls, months out of order, dates that cannot be read')
    .option('--json', 'print JSON')
    .addHelpText('after', `
Exit status: 0 when clean (hints alone too), 1 when it found problems.

Examples:
  read lint
  read lint --json`)
    .action(async (_options: unknown, command: Command) => {
      const { runLint } = await import('./commands/lint.js');
      status.code = await runLint(command.optsWithGlobals());
    });

  program.command('open <id|query>')
    .description("open an item's url in the browser")
    .option('--print', 'print the url instead')
    .addHelpText('after', `
Examples:
  read open 2023-04.3
  read open ModelScope --print`)
    .allowUnknownOption()
    .action(async (target: string, _options: unknown, command: Command) => {
      const { runOpen } = await import('./commands/open.js');
      await runOpen(idTargets([target])[0] as string, command.optsWithGlobals());
    });

  program.command('shell-init <shell>')
    .description('print shell code that makes `read list` work beside the builtin (bash, zsh, fish)')
    .addHelpText('after', `
Examples:
  eval "$(readlist shell-init bash)"     # in ~/.bashrc
  eval "$(readlist shell-init zsh)"      # in ~/.zshrc
  readlist shell-init fish | source      # in ~/.config/fish/config.fish`)
    .action(async (shell: string) => {
      const { runShellInit } = await import('./commands/shell-init.js');
      runShellInit(shell, program.createHelp().visibleCommands(program).flatMap((command) => [command.name(), ...command.aliases()]));
    });

  program.command('init [path]')
    .description('create a new, empty reading list (never overwrites one)')
    .addHelpText('after', `
Examples:
  read init
  read init ~/notes/read.md`)
    .action(async (path: string | undefined) => {
      const { runInit } = await import('./commands/init.js');
      runInit(path);
    });

  return program;
}

/** `read` with options but no command runs the hidden default view. */
function withDefaultCommand(argv: string[]): string[] {
  const words = argv.slice(2);
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? '';
    if (word === '-f' || word === '--file') index++;
    else if (!word.startsWith('-') || ['-h', '--help', '-V', '--version'].includes(word)) return argv;
  }
  return [...argv, TODAY];
}

/** Runs `read` with the words given, printing to `stdout` when given (for a caller in the same process). */
export async function main(argv: string[], stdout?: Stdout): Promise<number> {
  if (stdout) printTo(stdout);
  const status: ExitStatus = { code: 0 };
  const program = buildProgram(status);
  program.configureOutput({ writeOut: (text) => standardOutput().write(text), writeErr: (text) => process.stderr.write(text) });
  try {
    // Completion gets the words exactly as typed, options included: commander would consume them.
    if (argv[2] === COMPLETE) {
      const { runComplete } = await import('./commands/complete.js');
      await runComplete(program, argv.slice(3));
      return 0;
    }
    await program.parseAsync(withDefaultCommand(argv));
    return status.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.excessArguments') process.stderr.write('(words with spaces go in quotes, like "Attention Is All You Need")\n');
      // Help and version are exits too; anything else commander rejects is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UserError) {
      process.stderr.write(`read: ${error.message.split('\n').map(sanitize).join('\n  ')}\n`);
      return error.exitCode;
    }
    throw error;
  } finally {
    v8Defaults();
  }
}
