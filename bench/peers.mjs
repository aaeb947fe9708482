// The same reading list for the tools people use instead, when they are installed
// (`apt-get install taskwarrior todotxt-cli`): N tasks, as many done as in `generateList`, and the
// commands that match `read list`, `add` and `done`. Each tool gets its own data folder.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const installed = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const done = (index) => (index * 7) % 10 < 8;
const title = (index) => `Paper ${index} https://example.com/read/${index}`;

/** Writes the data once; `restore` puts it back before every timed run. */
function dataset(folder, files) {
  const pristine = join(folder, 'pristine');
  const live = join(folder, 'live');
  mkdirSync(pristine, { recursive: true });
  mkdirSync(live, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(pristine, name), text);
  return { live, restore: () => { for (const name of Object.keys(files)) copyFileSync(join(pristine, name), join(live, name)); } };
}

function taskwarrior(size, folder) {
  const stamp = 1_780_000_000;
  const line = (index) => `[description:"${title(index)}" ${done(index) ? `end:"${stamp}" ` : ''}entry:"${stamp}" modified:"${stamp}" status:"${done(index) ? 'completed' : 'pending'}" uuid:"${randomUUID()}"]\n`;
  const all = Array.from({ length: size }, (_, index) => index);
  const { live, restore } = dataset(folder, {
    'pending.data': all.filter((index) => !done(index)).map(line).join(''),
    'completed.data': all.filter(done).map(line).join(''),
  });
  writeFileSync(join(folder, 'taskrc'), `data.location=${live}\nconfirmation=no\nverbose=nothing\nhooks=off\ncolor=off\n`);
  const env = { ...process.env, TASKRC: join(folder, 'taskrc') };
  return { tool: 'taskwarrior', restore, commands: [
    ['list', ['task', 'all'], env],
    ['add', ['task', 'add', 'Bench item'], env],
    ['done', ['task', '2', 'done'], env],
  ] };
}

function todoTxt(size, folder) {
  const lines = Array.from({ length: size }, (_, index) => `${done(index) ? 'x 2026-01-02 ' : ''}${title(index)}\n`);
  const { live, restore } = dataset(folder, { 'todo.txt': lines.join(''), 'done.txt': '' });
  const config = join(folder, 'config');
  writeFileSync(config, `export TODO_DIR=${live}\nexport TODO_FILE=$TODO_DIR/todo.txt\nexport DONE_FILE=$TODO_DIR/done.txt\nexport REPORT_FILE=$TODO_DIR/report.txt\nexport TODOTXT_AUTO_ARCHIVE=0\n`);
  const todo = (...args) => ['todo-txt', '-d', config, '-p', '-f', ...args];
  return { tool: 'todo.txt', restore, commands: [
    ['list', todo('ls'), process.env],
    ['add', todo('add', 'Bench item'), process.env],
    ['done', todo('do', '2'), process.env],
  ] };
}

/** The peers installed here, with their data for `size` items under `work`. */
export function peers(size, work) {
  const found = [];
  if (installed('task')) found.push(taskwarrior(size, join(work, `taskwarrior-${size}`)));
  if (installed('todo-txt')) found.push(todoTxt(size, join(work, `todo-txt-${size}`)));
  return found;
}
