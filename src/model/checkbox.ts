/**
 * What the parser reads a task's checkbox character as: a space or tab is open, `x` or `X` done;
 * undefined for anything else (it is then no checkbox).
 */
const CHECKBOX_STATES = new Map([[' ', false], ['\t', false], ['x', true], ['X', true]]);

export function checkboxState(character: string): boolean | undefined {
  return CHECKBOX_STATES.get(character);
}
