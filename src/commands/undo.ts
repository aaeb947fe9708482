import { UserError } from '../errors.js';
import { spliceBytes } from '../edit/splice.js';
import { writeAtomically } from '../store/atomic-write.js';
import { readJournal, writeJournal } from '../store/journal.js';
import { fileBytes, fileIdentity, loadListFile } from '../store/list-file.js';
import { locateList } from '../store/locate.js';
import { withLock } from '../store/lock.js';
import type { EditOptions } from './edit-session.js';
import { wantsCommit } from './commit-option.js';
import { standardOutput } from './stdout.js';

/** Reverts the last edit `read` made, only if the file is still exactly what that edit left. */
export async function runUndo(options: Pick<EditOptions, 'file' | 'commit'>): Promise<void> {
  const path = locateList(options.file);
  const command = await withLock(path, async () => {
    const journal = readJournal(path);
    const last = journal.at(-1);
    if (!last) throw new UserError(`read has no edit of ${path} to undo.`);
    const file = loadListFile(path);
    if (fileIdentity(file, [file.utf8]) !== last.after) {
      throw new UserError(`${path} changed since read's last edit (${last.command}); undo would overwrite that change, so it does nothing.`);
    }
    writeAtomically(path, fileBytes(file, spliceBytes(file.text, file.utf8, last.inverse)), file.mode);
    writeJournal(path, journal.slice(0, -1));
    if (wantsCommit(options.commit)) (await import('./git-commit.js')).commitList(path, `undo ${last.command}`);
    return last.command;
  });
  standardOutput().write(`Undid: ${command}\n`);
}
