import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressOf } from '../src/model/progress.js';
import { SEED, SHARED } from './helpers/cli.js';
import { countedText, itemsById, listOf, summary } from './helpers/model.js';

const seedText = readFileSync(SEED, 'utf8');
const list = await listOf(seedText);
const byId = itemsById(list);

// Written by hand from fixtures/seed.md, line by line: [id, line, done, day, title, url].
const EXPECTED: [string, number, boolean, number | null, string, string | null][] = [
  ['2025-11.1', 10, true, null, '李飞飞最新长文：AI的下一个十年——构建真正具备空间智能的机器', 'https://mp.weixin.qq.com/s/3w5zgnMXe13mKIR_ePBwAw'],
  ['2023-06.1', 16, true, null, 'To Repeat or Not To Repeat: Insights from Scaling LLM under Token-Crisis', 'https://arxiv.org/abs/2305.13230'],
  ['2023-05.1', 21, true, null, '研究 OpenAI API 开发文档', 'https://platform.openai.com/docs/introduction'],
  ['2023-05.2', 22, true, 23, '大模型时代下做科研的四个思路', 'https://www.youtube.com/watch?v=sh79Z8i15PI'],
  ['2023-05.3', 27, true, 24, 'GPT，GPT-2，GPT-3 论文精读', 'https://www.youtube.com/watch?v=t70Bl3w7bxY'],
  ['2023-05.4', 49, true, 26, 'What are Vector Embeddings?', 'https://www.pinecone.io/learn/vector-embeddings/'],
  ['2023-05.5', 50, true, 26, 'Semantic search with Pinecone', 'https://www.pinecone.io/learn/search-with-pinecone/'],
  ['2023-05.6', 51, true, 30, 'State of GPT - Video', 'https://build.microsoft.com/en-US/sessions/db3f4859-cd30-4445-a0cd-553c3304f8e2?source=sessions'],
  ['2023-04.1', 57, true, null, 'ChatGLM-6B 模型微调', null],
  ['2023-04.2', 58, true, null, '试用 GitHub Copilot', 'https://github.com/features/copilot'],
  ['2023-04.3', 59, false, null, '研究 GitHub REST API 文档', 'https://docs.github.com/zh/rest'],
  ['2023-04.4', 60, true, null, '研究 OpenAI API 开发文档', 'https://platform.openai.com/docs/introduction'],
  ['2023-04.5', 61, false, null, '研究 ModelScope 文档', 'https://www.modelscope.cn/docs/'],
  ['2023-04.6', 62, true, null, '编写 YOLOv8 的推理服务', null],
  // The seed's broken link: text, then an autolink literal, then `)`.
  ['2023-04.6.1', 63, true, null, 'Ultralytics Serving](https://github.com/gouchicao/ultralytics-serving)', 'https://github.com/gouchicao/ultralytics-serving'],
  ['2023-04.7', 64, true, null, '开发 Python 程序', null],
  ['2023-04.7.1', 65, true, null, '没有源代码发布', null],
  ['2023-04.7.2', 66, false, null, '开发使用 pip 安装', null],
  ['2023-03.1', 69, true, null, 'Ultralytics YOLOv8', 'https://github.com/ultralytics/ultralytics/blob/main/README.zh-CN.md'],
  ['2023-03.1.1', 70, true, null, '使用 Comet 让训练可视化', null],
  ['2023-03.1.2', 71, true, null, 'Ultralytics Hub 试用（训练、部署）', null],
  ['2023-03.1.3', 72, true, null, 'Roboflow 试用（标注、训练、部署）', null],
];

describe('the seed', () => {
  it('is ../shared/seed/read.md byte for byte', () => {
    const shared = join(SHARED, 'seed/read.md');
    if (!existsSync(shared)) return;
    expect(readFileSync(SEED).equals(readFileSync(shared))).toBe(true);
  });

  it('holds exactly the items the contract states, and no others', () => {
    expect([...byId.keys()]).toEqual(EXPECTED.map(([id]) => id));
    for (const [id, line, done, day, title, url] of EXPECTED) {
      expect(summary(byId.get(id)), id).toEqual({ title, url, day, done });
      expect(byId.get(id)?.line, id).toBe(line);
    }
  });

  it('knows each checkbox character from the tokenizer', () => {
    for (const [id, , done] of EXPECTED) {
      const { checkOffset } = byId.get(id)?.source ?? { checkOffset: -1 };
      expect(seedText[checkOffset], id).toBe(done ? 'X' : ' ');
      expect(seedText.slice(checkOffset - 1, checkOffset + 2), id).toMatch(/^\[[X ]\]$/);
    }
  });

  it('gives subtasks their parent and days to day-prefixed items only', () => {
    expect(byId.get('2023-04.7.2')?.parent).toBe('2023-04.7');
    expect(byId.get('2023-04.7')?.parent).toBeNull();
    expect(byId.get('2023-05.2')?.notes).toEqual(['Efficient modeling (PEFT)', 'Pretrained model, new topics', 'Plug-and-play', 'Dataset, evaluation and survey']);
    expect(byId.get('2023-05.6')?.notes).toEqual(['微软2023年Build大会演讲：如何训练和应用GPT', 'State of GPT - PDF']);
    expect(byId.get('2023-05.3')?.notes).toHaveLength(21);
  });

  it('counts per month, per year and overall as the contract says', () => {
    const progress = progressOf(list, countedText(seedText));
    expect(progress.months.map(({ id, done, total, subtasksDone, subtasksTotal }) => [id, done, total, subtasksDone, subtasksTotal])).toEqual([
      ['2025-11', 1, 1, 0, 0],
      ['2023-06', 1, 1, 0, 0],
      ['2023-05', 6, 6, 0, 0],
      ['2023-04', 5, 7, 2, 3],
      ['2023-03', 1, 1, 3, 3],
    ]);
    expect(progress.years).toEqual([{ year: 2025, done: 1, total: 1 }, { year: 2023, done: 13, total: 15 }]);
    expect(progress.total).toEqual({ done: 14, total: 16 });
  });

  it('keeps non-date sections apart, uncounted', () => {
    expect(list.sections.map(({ id, title, line, items }) => [id, title, line, items.length])).toEqual([
      ['开发文档', '开发文档', 75, 0],
      ['ai', 'AI', 76, 0],
      ['学习资料', '学习资料', 81, 0],
    ]);
    expect(list.sections.map((section) => section.entries.map((entry) => entry.title))).toEqual([
      [],
      ['OpenAI API Documention', 'LlamaIndex', 'Pinecone Documention'],
      ['OpenAI Cookbook', 'DL4J快速入门指南'],
    ]);
  });
});
