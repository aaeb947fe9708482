// Reading lists in the seed's style (years newest first, `## M🈷️` months, day prefixes, notes and
// subtasks now and then), of any size, for the benchmark.
const TITLES = ['研究 GitHub REST API 文档', 'Attention Is All You Need', 'GPT，GPT-2，GPT-3 论文精读', 'What are Vector Embeddings?', 'Semantic search with Pinecone'];

export function generateList(items, perMonth = 30) {
  const months = Math.max(1, Math.ceil(items / perMonth));
  const lines = ['---', 'layout: single', 'title: 必读', '---', ''];
  let written = 0;
  let lastYear = null;
  for (let index = 0; index < months && written < items; index++) {
    const year = 2026 - Math.floor(index / 12);
    const month = 12 - (index % 12);
    if (year !== lastYear) {
      if (lastYear !== null) lines.push('', '');
      lines.push(`# ${year}`, '');
      lastYear = year;
    } else {
      lines.push('');
    }
    lines.push(`## ${month}🈷️`);
    for (let n = 0; n < perMonth && written < items; n++, written++) {
      const done = (written * 7) % 10 < 8 ? 'X' : ' ';
      const day = (n % 28) + 1;
      lines.push(`- [${done}] ${day} [${TITLES[written % TITLES.length]} ${written}](https://example.com/read/${written})`);
      if (written % 10 === 3) lines.push('  * a note about it', `  * [X] a subtask of ${written}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
