import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every test file gets its own cache and state folders: nothing of the person's, nothing shared.
process.env.XDG_CACHE_HOME = mkdtempSync(join(tmpdir(), 'read-cache-'));
process.env.XDG_STATE_HOME ??= mkdtempSync(join(tmpdir(), 'read-state-'));
if (process.env.READ_TEST_CACHE === 'off') process.env.READ_NO_CACHE = '1';
