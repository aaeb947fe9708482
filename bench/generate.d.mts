/** Reading lists in the seed's style of `items` items, `perMonth` a month (see generate.mjs). */
export function generateList(items: number, perMonth?: number): string;
