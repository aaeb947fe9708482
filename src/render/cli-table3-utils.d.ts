// cli-table3's own measure of a cell (its string-width, escape sequences stripped), which its
// package does not type: column widths given to it must be the ones it would compute itself.
declare module 'cli-table3/src/utils.js' {
  export function strlen(text: string): number;
}
