import fc from 'fast-check';

/** Random Markdown from the pieces reading lists and the parser's corner cases are made of. */
const block = fc.oneof(
  fc.constantFrom(
    '# 2024', '## 3月', '## 11🈷️', '### Papers', '# Notes', '## 2023-05', '# 2018/04/01', '#', '#not a heading', ' # indented',
    '- [ ] task', '- [x] 12 done [link](https://l.example)', '* [X] [ref][r]', '1. [ ] ordered', '  - [ ] nested', '    - [x] deeper',
    '- plain', '  - [ ] under plain', '> - [ ] quoted', '> # quoted heading', '```', '~~~', '```js', '    code', '<div>', '</div>',
    '<!--', '-->', '[r]: https://ref.example', '[R]: /other', '---', '***', 'Setext', '===', 'para with https://auto.example',
    '| a | b |', '|---|---|', '- [ ] item\n# heading right after', '', '', '',
  ),
  fc.string({ maxLength: 12 }),
);
export const markdownDocument = fc.array(block, { maxLength: 40 }).map((blocks) => `${blocks.join('\n')}\n`);
