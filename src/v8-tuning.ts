/**
 * A list file this long (some 800 items) has V8 set for it (v8-flags.ts), for the price of loading
 * node:v8 (1.7 ms). At 1,000 items `list` took 77 ms so, not 83, without waiting at its end for code
 * still being optimized; at 100 and 300 each command took a millisecond longer.
 */
const LONG_LIST_BYTES = 64 * 1024;
/** A list file this long (some 25,000 items) is long enough for V8 to optimize: see v8-flags.ts. */
const OPTIMIZED_LIST_BYTES = 2 * 1024 * 1024;

let flags: typeof import('./v8-flags.js') | undefined;
let optimizing = false;

/** Loads node:v8 (2.6 ms) only for a long list, where it pays. */
export async function tuneForList(bytes: number): Promise<void> {
  if (bytes < LONG_LIST_BYTES) return;
  flags ??= await import('./v8-flags.js');
  optimizing = bytes >= OPTIMIZED_LIST_BYTES;
  flags.setV8({ longList: true, optimizing });
}

/**
 * Whether the run's list is long enough for V8 to optimize its loops: code that works a byte at a
 * time pays only then (store/month-json.ts: at 10,000 items, interpreted, it took 150 ms, not 100).
 */
export function longListOptimized(): boolean {
  return optimizing;
}

/** Draws a table without optimizing the code that draws it, where a long list loaded node:v8. */
export function drawingTable<T>(draw: () => T): T {
  flags?.setV8({ drawingTable: true });
  try {
    return draw();
  } finally {
    flags?.setV8({ drawingTable: false });
  }
}

/** The run is over: V8's defaults again, before bin/read.js caches the run's code. */
export function v8Defaults(): void {
  flags?.setV8({ longList: false, optimizing: true });
}
