/** A list file this long (some 3,000 items) has its young generation held: see heap-flags.ts. */
const LONG_LIST_BYTES = 256 * 1024;

let flags: typeof import('./heap-flags.js') | undefined;

/** Loads node:v8 (5 ms) only for a long list, where it pays. */
export async function heapForList(bytes: number): Promise<void> {
  if (bytes < LONG_LIST_BYTES) return;
  flags ??= await import('./heap-flags.js');
  flags.setHeap({ longList: true });
}

/** The run is over: V8's defaults again, before bin/read.js caches the run's code. */
export function heapDefaults(): void {
  flags?.setHeap({ longList: false });
}
