/** Item ids: `2023-04.3`, `2023.1`, `<slug>.N`, subtasks `.M` on top; a slug may start with `-`. */
const ID_SHAPE = /^(?:\d{4}(?:-\d{1,2})?|[^\s.]+)(?:\.\d+)+$/;

/** Written like an id (whether or not the list has it), as opposed to a query. */
export function looksLikeId(text: string): boolean {
  return ID_SHAPE.test(text);
}
