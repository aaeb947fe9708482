import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Splice } from '../edit/splice.js';
import { fingerprint } from './hashes.js';
import { stateDir } from './state-dir.js';

/** One edit `read` made, and how to take it back. */
export interface JournalEntry {
  /** What was run, for the message: `done 2023-04.3`. */
  command: string;
  /** The file's identity right after the edit (see `fileIdentity`): undo refuses when it differs now. */
  after: string;
  /** Splices on the edited text that restore the text before. */
  inverse: Splice[];
}

const KEPT = 20;

function journalPath(listPath: string): string {
  return join(stateDir(), 'undo', `${fingerprint(listPath)}.json`);
}

export function readJournal(listPath: string): JournalEntry[] {
  try {
    const entries: unknown = JSON.parse(readFileSync(journalPath(listPath), 'utf8'));
    return Array.isArray(entries) ? (entries as JournalEntry[]) : [];
  } catch {
    return [];
  }
}

/** Called under the list's lock, so the journal needs none of its own. */
export function writeJournal(listPath: string, entries: readonly JournalEntry[]): void {
  const path = journalPath(listPath);
  mkdirSync(join(path, '..'), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(entries.slice(-KEPT)));
  renameSync(temp, path);
}
