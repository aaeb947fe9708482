// ESC-introduced sequences (CSI, OSC, DCS …) first, so that their parameters go with them; then any
// control character left, and the bidi overrides that can make a title read as something else.
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Text from the file, made safe to print: it can no longer move the cursor or retitle the terminal. */
export function sanitize(text: string): string {
  return UNSAFE.test(text) ? text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '') : text;
}
