import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

// Every test file gets its own folder for its lists, cache and state: nothing of the person's,
// nothing shared, and nothing left behind (a full run of the suite made some 2,500 folders).
const scratch = mkdtempSync(join(tmpdir(), 'read-test-'));
process.env.READ_TEST_SCRATCH = scratch;
process.env.XDG_CACHE_HOME = join(scratch, 'cache');
process.env.XDG_STATE_HOME = join(scratch, 'state');
mkdirSync(process.env.XDG_CACHE_HOME);
if (process.env.READ_TEST_CACHE === 'off') process.env.READ_NO_CACHE = '1';

// Retries: a process a test started may still be closing its files.
afterAll(() => rmSync(scratch, { recursive: true, force: true, maxRetries: 5 }));
