import { listAfterChecks } from '../edit/check.js';
import { conventionsOf, type Conventions } from '../edit/conventions.js';
import { applySplices, invertSplices, samePieces, spliceBytes, type Splice } from '../edit/splice.js';
import type { ItemAdded } from '../model/read-list.js';
import type { ReadingList } from '../model/types.js';
import { renderDiff } from '../render/diff.js';
import { styleFor } from '../render/style.js';
import { writeAtomically } from '../store/atomic-write.js';
import { readJournal, writeJournal } from '../store/journal.js';
import { fileBytes, fileIdentity, type ListFile } from '../store/list-file.js';
import { locateList } from '../store/locate.js';
import { withLock } from '../store/lock.js';
import { listReader, loadList, shownPath, textOf, type GlobalOptions, type ListReader } from './context.js';
import { wantsCommit } from './commit-option.js';
import { standardOutput } from './stdout.js';

export interface EditOptions extends GlobalOptions {
  dryRun?: boolean;
  /** `--commit` (or READ_COMMIT=1): git-commit just the list file after the edit. */
  commit?: boolean;
}

/** What the file holds now, as an edit sees it under the lock. */
export interface EditContext {
  file: ListFile;
  list: ReadingList;
  style: Conventions;
}

export interface EditPlan {
  splices: Splice[];
  /** What the edit did, for the undo history and the commit: `done 2023-04.3  研究 …`. */
  message: string;
  /**
   * Checks the edited text before it is written; throws to refuse. Resolves to how the list of the
   * edited text follows from the list before, when the check found out (kept for the next command).
   */
  verify?: (text: string, read: ReadBack) => Promise<ItemAdded | undefined>;
}

/** How a check reads the edited text: the whole list, or only the sections it changed. */
export interface ReadBack {
  list(): Promise<ReadingList>;
  sections: ListReader['sections'];
  knownSection: ListReader['knownSection'];
}

/**
 * Every write goes through here: lock, re-read what is there now, plan on it, apply the splices,
 * write atomically, remember how to undo. A plan with no splices writes nothing.
 */
export async function editList(options: EditOptions, plan: (context: EditContext) => EditPlan): Promise<void> {
  const path = locateList(options.file);
  const reader = listReader(path, options);
  const run = async (): Promise<void> => {
    const file = await loadList(path);
    // The file is about to change: the whole list is kept for the result, not for what it was.
    const list = await reader.read(textOf(file), { keepList: false });
    const planned = plan({ file, list, style: conventionsOf(file, list) });
    // Compared as bytes: a long text spliced is a string of pieces, which comparing would copy whole.
    const utf8 = spliceBytes(file.text, file.utf8, planned.splices);
    if (samePieces(utf8, file.utf8)) return;
    const after = applySplices(file.text, planned.splices);
    const checked = listAfterChecks(file.text, list, planned.splices);
    // Found once: the key of the list kept for the next command, and asked for by the read back.
    let afterIdentity: string | undefined;
    const identity = () => (afterIdentity ??= fileIdentity(file, utf8));
    // Reading the result also leaves its changed sections in the cache for the next command.
    const readBack = () => reader.read({ utf8: Buffer.concat(utf8), text: () => after, identity }, { keepList: false });
    const added = planned.verify ? await planned.verify(after, { list: readBack, sections: reader.sections, knownSection: reader.knownSection }) : undefined;
    if (!planned.verify && !checked) await readBack();
    if (options.dryRun) {
      standardOutput().write(`${renderDiff(shownPath(path), file.text, after, await styleFor({ noColor: options.color === false, stream: standardOutput() }))}\n`);
      return;
    }
    writeAtomically(path, fileBytes(file, utf8), file.mode);
    // Ticked boxes leave the list's cached bytes as they were: the next command reads it whole for
    // the price of a copy. An item added after another leaves them with the item put in. Where the
    // list was folded from the digests (after a hand edit), either packs it first (35 ms at 10,000
    // items), which every later command would otherwise pay again in folding. Any other edit's list
    // (an add that starts a month, say) is read back whole and not kept.
    if (checked) reader.known(after, checked, { tickedFrom: list, identity: identity() });
    if (added) reader.knownWithItem(identity(), added, file.text);
    await reader.bound(after);
    const journal = readJournal(path);
    writeJournal(path, [...journal, { command: planned.message, after: identity(), inverse: invertSplices(file.text, planned.splices) }]);
    if (wantsCommit(options.commit)) (await import('./git-commit.js')).commitList(path, planned.message);
  };
  return options.dryRun ? run() : withLock(path, run);
}
