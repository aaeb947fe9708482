/** The text of a new, empty reading list for the month of `date`, in the seed's style. */
export function newListText(date: Date): string {
  return `# ${date.getFullYear()}\n\n## ${date.getMonth() + 1}🈷️\n`;
}
