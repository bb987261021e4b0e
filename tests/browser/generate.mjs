// Generated content for the browser tests: big Markdown posts.

// The benchmarks' seeded generator (mulberry32), so a failing size is reproducible.
import { prng } from '../../bench/lib/prng.mjs';

const WORDS = ('scheduler cluster paper borg omega mesos kubernetes container latency throughput replica ' +
  'consensus quorum leader follower shard partition harvest yield availability consistency go channel ' +
  'goroutine interface slice map struct pointer error context deadline retry backoff queue worker ' +
  'café naïve Zürich 日本語 Ελληνικά').split(' ');

// About `bytes` bytes of varied Markdown (headings, paragraphs with emphasis,
// links and inline code, nested lists, task lists, code fences, tables,
// blockquotes), ending with a paragraph that holds only `marker`.
export function bigMarkdown(bytes, marker, seed = 1) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const inline = () => {
    const parts = [];
    const n = 3 + Math.floor(rand() * 6);
    for (let i = 0; i < n; i++) {
      const w = words(2 + Math.floor(rand() * 8));
      parts.push(pick([w, `**${w}**`, `*${w}*`, `\`${pick(WORDS)}()\``, `[${w}](https://example.com/${pick(WORDS)})`,
        `~~${w}~~`, `${w} & ${pick(WORDS)} < ${pick(WORDS)}`]));
    }
    return parts.join(' ') + '.';
  };
  const blocks = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    n++;
    let block;
    switch (n % 8) {
      case 0: block = `## Section ${n}: ${words(3)}`; break;
      case 1: block = `${inline()} ${inline()}\n${inline()}`; break;
      case 2: block = `- ${inline()}\n- ${words(4)}\n  - ${inline()}\n  - ${words(3)}\n- [x] ${words(2)}\n- [ ] ${words(2)}`; break;
      case 3: block = `1. ${inline()}\n2. ${inline()}\n3. ${words(5)}`; break;
      case 4: {
        const lang = pick(['go', 'python', 'javascript', '']);
        block = '```' + lang + `\nfunc f${n}(x int) int {\n    // ${words(6)}\n    return x * ${n} // <b>not html</b>\n}\n` + '```';
        break;
      }
      case 5: {
        const rows = Array.from({ length: 4 }, (_, i) => `| ${words(2)} | ${i * n} | \`${pick(WORDS)}\` |`).join('\n');
        block = `| Name | Count | Code |\n|:-----|------:|------|\n${rows}`;
        break;
      }
      case 6: block = `> ${inline()}\n> ${inline()}`; break;
      default: block = `### ${words(2)} ${n}\n\n${inline()} ${inline()}`; break;
    }
    blocks.push(block);
    size += Buffer.byteLength(block) + 2;
  }
  blocks.push(marker);
  return blocks.join('\n\n') + '\n';
}
