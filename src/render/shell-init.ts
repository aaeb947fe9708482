/** The shell code `readlist shell-init SHELL` prints: `read` for the CLI beside the builtin. */

export type Shell = 'bash' | 'zsh' | 'fish';

/** A word for the shell, single-quoted. */
function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * `words` are the CLI's own commands and flags that send `read` to the CLI; `cli` is how to run it
 * (absolute paths, so that it works without the package on PATH).
 */
export function shellInit(shell: Shell, words: readonly string[], cli: readonly string[]): string {
  const run = cli.map(quote).join(' ');
  const cases = words.join('|');
  if (shell === 'fish') {
    return `# readlist for fish. fish will not let a function be called \`read\` (a reserved word), so type
# \`readlist list\`, or \`rl list\` with the abbreviation below. Completion covers both.
function __readlist_complete
    set -l words (commandline -opc) (commandline -ct)
    ${run} __complete $words[2..-1] 2>/dev/null
end
complete -c readlist -f -a '(__readlist_complete)'
abbr -a rl readlist
`;
  }
  const test = shell === 'zsh' ? '[[ -t 0 && $# -gt 0 ]]' : '[ -t 0 ] && [ "$#" -gt 0 ]';
  const pattern = shell === 'zsh' ? `(${cases})` : `${cases})`;
  const completion = shell === 'zsh'
    ? `_read_complete() {
  local -a candidates
  candidates=(\${(f)"$(${run} __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)"})
  compadd -a candidates
}
if (( $+functions[compdef] )); then compdef _read_complete read readlist; fi`
    : `_read_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(compgen -W "$(${run} __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)" -- "\${COMP_WORDS[COMP_CWORD]}"))
}
complete -o default -F _read_complete read readlist`;
  return `# read: the reading-list CLI beside the shell's own \`read\`.
# \`read list\` (or any read command) typed at a terminal runs the CLI; everything else, and anything
# whose input is not a terminal (pipes, redirects, scripts), is the builtin, untouched.
read() {
  if ${test}; then
    case "$1" in
      ${pattern} ${run} "$@"; return ;;
    esac
  fi
  builtin read "$@"
}
${completion}
`;
}
