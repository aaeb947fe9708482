/**
 * `--commit`, or READ_COMMIT=1 without it. Apart from the commit itself (git-commit.ts), which loads
 * child_process: every edit asks this, and few commit.
 */
export function wantsCommit(option: boolean | undefined): boolean {
  return option ?? process.env.READ_COMMIT === '1';
}
