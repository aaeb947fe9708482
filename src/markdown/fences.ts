const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * Follows top-level fenced code line by line (CommonMark's opening and closing rules), for the
 * line scanners that must not look inside code.
 */
export class FenceTracker {
  private open: { char: string; length: number } | null = null;

  /** Feeds one line (without its line ending); true when the line belongs to a fence. */
  inFence(line: string): boolean {
    const fence = FENCE.exec(line.replace(/\r$/, ''));
    if (this.open) {
      if (fence?.[1]?.[0] === this.open.char && fence[1].length >= this.open.length && /^[ \t\r]*$/.test(fence[2] ?? '')) this.open = null;
      return true;
    }
    if (fence?.[1] && !(fence[1][0] === '`' && fence[2]?.includes('`'))) {
      this.open = { char: fence[1][0] ?? '`', length: fence[1].length };
      return true;
    }
    return false;
  }
}
