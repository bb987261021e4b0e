// The corpora and labelled queries of bench/search.mjs, generated
// deterministically (bench/lib/prng.mjs) and written under
// build/bench/search/<corpus>/ (never committed):
//
//   hugo.toml, content/posts/<slug>.md   a Hugo-style site folder (YAML front
//                                        matter: title, date, tags), for
//                                        `wasm-blog build` / `wasm-blog index`
//   docs.json                            the plain-text form the peers index:
//                                        [{ id, title, date, tags, summary, content, lang }]
//   queries.json                         { kinds, queries: [{ kind, q, relevant: [id…] }] }
//
// Corpora:
//   sample   posts/*.md of this repository (front matter stripped, the title
//            from it; Markdown reduced to its text)
//   prose    10,000 generated posts of English prose (BENCH_SEARCH_PROSE_POSTS):
//            words drawn from a Zipf–Mandelbrot distribution over ~100 function
//            words then ~8,000 words of a Debian word list
//            (/usr/share/dict/american-english or /usr/share/dict/words;
//            pseudo-words from syllables when neither is installed), plus a few
//            topic words per post; ## sections; 1–4 tags; 200–3,000 words,
//            log-uniform
//   cjk      400 generated posts, half Chinese, half Japanese
//            (BENCH_SEARCH_CJK_POSTS): words built from an embedded list of
//            common Han characters in frequency order (and katakana and
//            hiragana for Japanese), Zipfian, 300–3,000 characters
//
// Queries (about 50 of each kind; BENCH_SEARCH_QUERIES):
//   known    2–3 rarer words from the second half of one post's body that
//            occur together in no other post: the answer is that post
//   phrase   "three word phrase" in quotes, from a sentence of one post, found
//            verbatim in 1–3 posts: those posts
//   typo     a known-item query with one word of ≥ 5 letters given one edit
//            (deletion, insertion, substitution or transposition, never the
//            first letter; not itself a word of the corpus): its post
//   prefix   a known-item query whose last word (≥ 6 letters) is cut to 3–5
//            letters, as while typing: its post
//   cjk2, cjk4  (cjk corpus) a two- or four-character word of one post found
//            in 1–3 posts (as a substring): those posts
//   known    (cjk corpus) two words (2 and 2 or 4 characters) of one post,
//            space-separated, both found in no other post: that post
import fs from 'node:fs';
import path from 'node:path';
import { prng } from './prng.mjs';
import { TAGS } from './index-gen.mjs';

// Bump when the generators change: a corpus folder with another stamp is written again.
export const CORPUS_VERSION = 3;

export const CORPORA = ['sample', 'prose', 'cjk'];

// ---------------------------------------------------------------- helpers

function zipfSampler(n, r, s = 1.0, q = 2.7) {
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) { acc += 1 / Math.pow(i + 1 + q, s); cdf[i] = acc; }
  for (let i = 0; i < n; i++) cdf[i] /= acc;
  return () => {
    const x = r();
    let lo = 0, hi = n - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cdf[mid] < x) lo = mid + 1; else hi = mid; }
    return lo;
  };
}

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const pad = (n, w) => String(n).padStart(w, '0');
function dateOf(r) {
  const start = Date.UTC(2012, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  return new Date(start + Math.floor((r() * span) / 60000) * 60000).toISOString().slice(0, 19) + 'Z';
}
function pickTags(r) {
  return [...new Set(Array.from({ length: 1 + Math.floor(r() * 4) }, () => TAGS[Math.floor(r() * TAGS.length)]))];
}
const yaml = JSON.stringify;  // a JSON string is a YAML double-quoted scalar

// Text reduced to lowercase words separated by single spaces (Latin corpora).
export const normalizeLatin = (s) => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

// Markdown to the plain text a search index gets (as Hugo's .Plain would
// give, roughly): code kept as text, markup left out.
export function markdownText(md) {
  return md
    .replace(/^```.*$/gm, '')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~|]+/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function splitFrontMatter(text) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { fm: {}, body: text };
  const fm = {};
  for (const line of m[1].split(/\r?\n/)) {
    const kv = /^(\w+):\s*(.*)$/.exec(line);
    if (!kv) continue;
    let v = kv[2].trim();
    if (/^".*"$/.test(v)) { try { v = JSON.parse(v); } catch { v = v.slice(1, -1); } }
    else if (/^'.*'$/.test(v)) v = v.slice(1, -1);
    else if (/^\[.*\]$/.test(v)) v = v.slice(1, -1).split(',').map((x) => x.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
    fm[kv[1]] = v;
  }
  return { fm, body: text.slice(m[0].length) };
}

function summaryOf(text, words = 70) {
  const w = text.split(/\s+/).filter(Boolean);
  return w.slice(0, words).join(' ') + (w.length > words ? ' …' : '');
}

// ---------------------------------------------------------------- sample

function sampleDocs(root) {
  const dir = path.join(root, 'posts');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'index.json').sort();
  return files.map((f) => {
    const { fm, body } = splitFrontMatter(fs.readFileSync(path.join(dir, f), 'utf8'));
    const content = markdownText(body);
    const tags = Array.isArray(fm.tags) ? fm.tags : fm.tags ? [fm.tags] : [];
    return { id: f.replace(/\.md$/, ''), title: fm.title || f, date: String(fm.date || ''), tags,
             summary: summaryOf(content), content, lang: 'en', markdown: body };
  });
}

// ---------------------------------------------------------------- prose

const FUNCTION_WORDS = ('the of and to a in is that it for was on are as with be this by at have from or ' +
  'an but not they which you one we all were her she there can their has been if more when will would who ' +
  'so no what about out up into than them some could only other its time then two these may like do first ' +
  'any my now such our over also new after most very just where how should through me well because way even ' +
  'many much before must each those here both between own while same another few under last').split(' ');

function syllableWords(n, r) {
  const on = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'st', 'tr', 'pl', 'gr', 'ch', 'sh', 'br'];
  const nu = ['a', 'e', 'i', 'o', 'u', 'ea', 'ou', 'ai', 'io'];
  const co = ['', '', 'n', 'r', 'l', 's', 't', 'nd', 'rt', 'ck', 'ng'];
  const out = new Set();
  while (out.size < n) {
    const k = 1 + Math.floor(r() * 3);
    let w = '';
    for (let i = 0; i < k; i++) w += on[Math.floor(r() * on.length)] + nu[Math.floor(r() * nu.length)] + co[Math.floor(r() * co.length)];
    out.add(w);
  }
  return [...out];
}

// The vocabulary: the function words, then `n` words of a Debian word list
// (lowercase a–z only, 3–14 letters, chosen and ordered by the seed).
export function proseVocabulary(n = 8000, seed = 0x5ea4c4) {
  const r = prng(seed);
  let source = null;
  let words = null;
  for (const f of ['/usr/share/dict/american-english', '/usr/share/dict/words', '/usr/share/dict/british-english']) {
    if (!fs.existsSync(f)) continue;
    const all = [...new Set(fs.readFileSync(f, 'utf8').split('\n').filter((w) => /^[a-z]{3,14}$/.test(w)))].sort();
    if (all.length < n * 2) continue;
    for (let i = all.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [all[i], all[j]] = [all[j], all[i]]; }
    const fw = new Set(FUNCTION_WORDS);
    words = all.filter((w) => !fw.has(w)).slice(0, n);
    source = f;
    break;
  }
  if (!words) { words = syllableWords(n, r); source = 'pseudo-words (no Debian word list found)'; }
  return { words: [...FUNCTION_WORDS, ...words], source };
}

function proseDocs(nPosts, seed = 0x9e05e) {
  const { words: vocab, source } = proseVocabulary();
  const r = prng(seed);
  const draw = zipfSampler(vocab.length, r, 1.0, 2.7);
  const mid = FUNCTION_WORDS.length + 300;  // topic and title words come from the rarer part
  const rare = () => vocab[mid + Math.floor(r() * (vocab.length - mid))];
  const docs = [];
  for (let i = 0; i < nPosts; i++) {
    const id = `post-${pad(i + 1, 5)}`;
    const topic = Array.from({ length: 4 + Math.floor(r() * 6) }, rare);
    const word = () => (r() < 0.04 ? topic[Math.floor(r() * topic.length)] : vocab[draw()]);
    const phrase = (k) => Array.from({ length: k }, word).join(' ');
    const title = cap([topic[0], ...Array.from({ length: 2 + Math.floor(r() * 5) }, word)].join(' '));
    const target = Math.round(200 * Math.pow(15, r()));  // 200–3,000 words, log-uniform
    const md = [];
    const text = [];
    let n = 0;
    let inSection = 0;
    while (n < target) {
      if (n > 0 && inSection >= 3 + Math.floor(r() * 4)) {
        const h = cap(phrase(2 + Math.floor(r() * 4)));
        md.push(`## ${h}`);
        text.push(h);
        n += h.split(' ').length;
        inSection = 0;
      }
      const sentences = [];
      for (let s = 3 + Math.floor(r() * 5); s > 0 && n < target; s--) {
        const k = 6 + Math.floor(r() * 18);
        let sent = cap(phrase(k));
        if (r() < 0.25) { const cut = sent.indexOf(' ', Math.floor(sent.length / 2)); if (cut > 0) sent = `${sent.slice(0, cut)},${sent.slice(cut)}`; }
        sentences.push(`${sent}.`);
        n += k;
      }
      const para = sentences.join(' ');
      md.push(para);
      text.push(para);
      inSection++;
    }
    const content = text.join('\n\n');
    docs.push({ id, title, date: dateOf(r), tags: pickTags(r), summary: summaryOf(content), content, lang: 'en',
                markdown: md.join('\n\n') + '\n' });
  }
  return { docs, vocabularySource: source, vocabularySize: vocab.length };
}

// ---------------------------------------------------------------- cjk

// Common Han characters, roughly in order of frequency in modern Chinese text.
const HAN = '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坐集编宝谈府拉黑且随格尽剑讲布杀微怕母调局根曾准团段终乐切级克精哪官示冷域';
const HIRA_PARTICLES = ['の', 'は', 'を', 'に', 'が', 'と', 'で', 'も', 'から', 'まで', 'へ', 'より'];
const JA_ENDINGS = ['です', 'ます', 'ました', 'でした', 'している', 'します', 'だろう', 'と思う', 'ではない', 'になる'];
const ZH_FUNCTION = ['的', '了', '是', '在', '和', '也', '就', '都', '不', '这个', '一个', '我们', '他们', '可以', '没有', '因为', '所以', '但是', '如果', '已经'];
const KATA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンガギグゲゴザジズゼゾダデドバビブベボパピプペポ';

function cjkVocabulary(r) {
  const charDraw = zipfSampler(HAN.length, r, 0.9, 5);
  const han = (k) => Array.from({ length: k }, () => HAN[charDraw()]).join('');
  const seen = new Set();
  const zh = [];
  const ja = [];
  const add = (list, w) => { if (!seen.has(w)) { seen.add(w); list.push(w); } };
  while (zh.length < 3500) {
    const x = r();
    add(zh, han(x < 0.08 ? 1 : x < 0.75 ? 2 : x < 0.85 ? 3 : 4));
  }
  while (ja.length < 2500) {
    const x = r();
    if (x < 0.2) add(ja, Array.from({ length: 3 + Math.floor(r() * 3) }, () => KATA[Math.floor(r() * KATA.length)]).join('') + (r() < 0.3 ? 'ー' : ''));
    else add(ja, han(x < 0.8 ? 2 : 4));
  }
  return { zh, ja };
}

function cjkDocs(nPosts, seed = 0xc1c) {
  const r = prng(seed);
  const vocab = cjkVocabulary(r);
  const zhDraw = zipfSampler(vocab.zh.length, r, 1.0, 2.7);
  const jaDraw = zipfSampler(vocab.ja.length, r, 1.0, 2.7);
  const docs = [];
  for (let i = 0; i < nPosts; i++) {
    const lang = i % 2 ? 'ja' : 'zh';
    const id = `post-${pad(i + 1, 4)}`;
    const list = vocab[lang];
    const drawIdx = lang === 'zh' ? zhDraw : jaDraw;
    const topic = Array.from({ length: 4 + Math.floor(r() * 4) }, () => list[200 + Math.floor(r() * (list.length - 200))]);
    const word = () => (r() < 0.05 ? topic[Math.floor(r() * topic.length)] : list[drawIdx()]);
    const sentence = () => {
      const k = 4 + Math.floor(r() * 8);
      let s = '';
      if (lang === 'zh') {
        for (let j = 0; j < k; j++) {
          s += word();
          if (r() < 0.35) s += ZH_FUNCTION[Math.floor(r() * ZH_FUNCTION.length)];
          if (j === Math.floor(k / 2) && r() < 0.5) s += '，';
        }
        return `${s}。`;
      }
      for (let j = 0; j < k; j++) {
        s += word() + HIRA_PARTICLES[Math.floor(r() * HIRA_PARTICLES.length)];
        if (j === Math.floor(k / 2) && r() < 0.5) s += '、';
      }
      return `${s}${word()}${JA_ENDINGS[Math.floor(r() * JA_ENDINGS.length)]}。`;
    };
    const title = topic[0] + Array.from({ length: 1 + Math.floor(r() * 3) }, word).join(lang === 'ja' ? 'の' : '');
    const target = Math.round(300 * Math.pow(10, r()));  // 300–3,000 characters
    const md = [];
    const text = [];
    let n = 0;
    let inSection = 0;
    while (n < target) {
      if (n > 0 && inSection >= 2 + Math.floor(r() * 3)) {
        const h = word() + word();
        md.push(`## ${h}`);
        text.push(h);
        inSection = 0;
      }
      const para = Array.from({ length: 2 + Math.floor(r() * 4) }, sentence).join('');
      md.push(para);
      text.push(para);
      n += para.length;
      inSection++;
    }
    const content = text.join('\n\n');
    docs.push({ id, title, date: dateOf(r), tags: pickTags(r), summary: content.slice(0, 70), content, lang,
                markdown: md.join('\n\n') + '\n' });
  }
  return { docs, vocab };
}

// ---------------------------------------------------------------- queries

// Latin corpora: word → sorted doc numbers, and each doc's words in order.
function latinIndex(docs) {
  const postings = new Map();
  const tokens = [];
  const norm = [];
  docs.forEach((d, i) => {
    const text = normalizeLatin(`${d.title} ${d.tags.join(' ')} ${d.content}`);
    norm.push(text);
    const body = normalizeLatin(d.content).trim().split(' ');
    tokens.push(body);
    for (const w of new Set(text.trim().split(' '))) {
      let p = postings.get(w);
      if (!p) postings.set(w, (p = []));
      p.push(i);
    }
  });
  return { postings, tokens, norm };
}

const intersect = (a, b) => {
  const out = [];
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return out;
};

function latinQueries(docs, perKind, seed) {
  const r = prng(seed);
  const { postings, tokens, norm } = latinIndex(docs);
  const df = (w) => postings.get(w)?.length ?? 0;
  const fw = new Set(FUNCTION_WORDS);
  // Rare enough: in at most 1% of the posts (at least 1, at most 60).
  const rareDf = Math.max(1, Math.min(60, Math.floor(docs.length * 0.01)));
  const out = [];
  const seen = new Set();
  const push = (q) => { if (!seen.has(`${q.kind}\u0000${q.q}`)) { seen.add(`${q.kind}\u0000${q.q}`); out.push(q); return true; } return false; };

  // 2–3 words of one post's second half found together only in it.
  const knownItem = (minLastLen = 0) => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const d = Math.floor(r() * docs.length);
      const t = tokens[d];
      if (t.length < 40) continue;
      const from = Math.floor(t.length / 2) + Math.floor(r() * (t.length / 2 - 30));
      const window = t.slice(from, from + 30);
      const cands = [...new Set(window.filter((w) => w.length >= 4 && !fw.has(w) && df(w) <= Math.max(rareDf * 4, 2)))];
      if (cands.length < 2) continue;
      const k = Math.min(cands.length, 2 + Math.floor(r() * 2));
      // keep their order of appearance
      const chosen = [];
      const pool = [...cands];
      while (chosen.length < k && pool.length) chosen.push(pool.splice(Math.floor(r() * pool.length), 1)[0]);
      chosen.sort((a, b) => window.indexOf(a) - window.indexOf(b));
      if (minLastLen && chosen.at(-1).length < minLastLen) continue;
      let set = postings.get(chosen[0]);
      for (const w of chosen.slice(1)) set = intersect(set, postings.get(w));
      if (set.length === 1 && set[0] === d) return { words: chosen, doc: d };
    }
    return null;
  };

  const edit = (w) => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (let attempt = 0; attempt < 20; attempt++) {
      const at = 1 + Math.floor(r() * (w.length - 1));
      const op = Math.floor(r() * 4);
      const c = letters[Math.floor(r() * 26)];
      let e;
      if (op === 0) e = w.slice(0, at) + w.slice(at + 1);                       // deletion
      else if (op === 1) e = w.slice(0, at) + c + w.slice(at);                  // insertion
      else if (op === 2) e = w.slice(0, at) + c + w.slice(at + 1);              // substitution
      else { if (at >= w.length - 1) continue; e = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2); } // transposition
      if (e !== w && !postings.has(e)) return e;
    }
    return null;
  };

  for (let i = 0, tries = 0; i < perKind && tries < perKind * 20; tries++) {
    const k = knownItem();
    if (k && push({ kind: 'known', q: k.words.join(' '), relevant: [docs[k.doc].id] })) i++;
  }
  for (let i = 0, tries = 0; i < perKind && tries < perKind * 20; tries++) {
    const k = knownItem();
    if (!k) continue;
    const at = k.words.map((w, j) => [w, j]).filter(([w]) => w.length >= 5);
    if (!at.length) continue;
    const [w, j] = at[Math.floor(r() * at.length)];
    const e = edit(w);
    if (!e) continue;
    const words = [...k.words];
    words[j] = e;
    if (push({ kind: 'typo', q: words.join(' '), relevant: [docs[k.doc].id], typo: { from: w, to: e } })) i++;
  }
  for (let i = 0, tries = 0; i < perKind && tries < perKind * 20; tries++) {
    const k = knownItem(6);
    if (!k) continue;
    const last = k.words.at(-1);
    const cut = 3 + Math.floor(r() * 3);
    const words = [...k.words.slice(0, -1), last.slice(0, Math.min(cut, last.length - 1))];
    if (push({ kind: 'prefix', q: words.join(' '), relevant: [docs[k.doc].id], prefixOf: last })) i++;
  }
  // Phrases: three words of one sentence, verbatim in 1–3 posts.
  for (let i = 0, tries = 0; i < perKind && tries < perKind * 40; tries++) {
    const d = Math.floor(r() * docs.length);
    const sentences = docs[d].content.split(/[.!?]\s+|\n+/).map((s) => normalizeLatin(s).trim().split(' ')).filter((s) => s.length >= 5);
    if (!sentences.length) continue;
    const s = sentences[Math.floor(sentences.length / 2 + r() * (sentences.length / 2))] ?? sentences.at(-1);
    const at = Math.floor(r() * (s.length - 2));
    const words = s.slice(at, at + 3);
    if (words.length < 3 || words.some((w) => !w) || !words.some((w) => !fw.has(w) && df(w) <= rareDf * 20)) continue;
    let set = postings.get(words[0]);
    for (const w of words.slice(1)) set = intersect(set, postings.get(w) ?? []);
    const phrase = ` ${words.join(' ')} `;
    const rel = set.filter((x) => norm[x].includes(phrase));
    if (rel.length < 1 || rel.length > 3 || !rel.includes(d)) continue;
    if (push({ kind: 'phrase', q: `"${words.join(' ')}"`, relevant: rel.map((x) => docs[x].id) })) i++;
  }
  return out;
}

const CJK_RUN = /[\u3040-\u30ff\u3400-\u9fff]+/g;

function cjkQueries(docs, vocab, perKind, seed) {
  const r = prng(seed);
  const texts = docs.map((d) => `${d.title}\n${d.content}`);
  const containing = (s) => { const out = []; texts.forEach((t, i) => { if (t.includes(s)) out.push(i); }); return out; };
  const memo = new Map();
  const dset = (s) => { let v = memo.get(s); if (!v) memo.set(s, (v = containing(s))); return v; };
  const byLen = (n) => [...vocab.zh, ...vocab.ja].filter((w) => w.length === n && /^[\u3040-\u30ff\u3400-\u9fff]+$/.test(w));
  const out = [];
  const seen = new Set();
  const push = (q) => { if (!seen.has(`${q.kind}\u0000${q.q}`)) { seen.add(`${q.kind}\u0000${q.q}`); out.push(q); return true; } return false; };
  // A word of length n from the second half of a post, found in 1–3 posts.
  const wordsOf = (d, n) => {
    const body = docs[d].content;
    const second = body.slice(Math.floor(body.length / 2));
    const inVocab = new Set(byLenCache[n]);
    const found = [];
    for (const run of second.match(CJK_RUN) ?? []) {
      for (let i = 0; i + n <= run.length; i++) { const w = run.slice(i, i + n); if (inVocab.has(w)) found.push(w); }
    }
    return [...new Set(found)];
  };
  const byLenCache = { 2: byLen(2), 4: byLen(4) };
  for (const [kind, n] of [['cjk2', 2], ['cjk4', 4]]) {
    for (let i = 0, tries = 0; i < perKind && tries < perKind * 30; tries++) {
      const d = Math.floor(r() * docs.length);
      const cands = wordsOf(d, n).filter((w) => { const s = dset(w); return s.length >= 1 && s.length <= 3; });
      if (!cands.length) continue;
      const w = cands[Math.floor(r() * cands.length)];
      if (push({ kind, q: w, relevant: dset(w).map((x) => docs[x].id) })) i++;
    }
  }
  for (let i = 0, tries = 0; i < perKind && tries < perKind * 30; tries++) {
    const d = Math.floor(r() * docs.length);
    const a = wordsOf(d, 2).filter((w) => dset(w).length <= 40);
    const b = [...a, ...wordsOf(d, 4)].filter((w) => dset(w).length <= 40);
    if (!a.length || b.length < 2) continue;
    const w1 = a[Math.floor(r() * a.length)];
    const w2 = b[Math.floor(r() * b.length)];
    if (w1 === w2 || w1.includes(w2) || w2.includes(w1)) continue;
    const set = intersect(dset(w1), dset(w2));
    if (set.length === 1 && set[0] === d && push({ kind: 'known', q: `${w1} ${w2}`, relevant: [docs[d].id] })) i++;
  }
  return out;
}

// ---------------------------------------------------------------- writing

function writeSite(dir, docs, { title, lang, cjk }) {
  const posts = path.join(dir, 'content/posts');
  fs.rmSync(path.join(dir, 'content'), { recursive: true, force: true });
  fs.mkdirSync(posts, { recursive: true });
  fs.writeFileSync(path.join(dir, 'hugo.toml'),
    `baseURL = "https://example.com/"\ntitle = ${JSON.stringify(title)}\nlanguageCode = "${lang}"\n` +
    (cjk ? 'hasCJKLanguage = true\n' : ''));
  for (const d of docs) {
    fs.writeFileSync(path.join(posts, `${d.id}.md`),
      `---\ntitle: ${yaml(d.title)}\ndate: ${yaml(d.date)}\ntags: [${d.tags.map(yaml).join(', ')}]\n` +
      (d.lang && d.lang !== lang ? `# language of this post's text: ${d.lang}\n` : '') +
      `---\n\n${d.markdown}`);
  }
}

// Writes (or keeps, when its stamp matches) one corpus; returns its summary
// { name, dir, docs: n, words/chars, queries: n per kind, vocabulary }.
export function ensureCorpus(name, { root, work, perKind = 50, prosePosts = 10000, cjkPosts = 400, log = () => {} }) {
  const dir = path.join(work, name);
  const stamp = JSON.stringify({ v: CORPUS_VERSION, perKind, n: name === 'prose' ? prosePosts : name === 'cjk' ? cjkPosts : 'repo',
                                 sample: name === 'sample' ? fs.readdirSync(path.join(root, 'posts')).filter((f) => f.endsWith('.md'))
                                   .map((f) => fs.statSync(path.join(root, 'posts', f)).size) : null });
  const stampFile = path.join(dir, '.bench-stamp');
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp &&
      fs.existsSync(path.join(dir, 'docs.json')) && fs.existsSync(path.join(dir, 'queries.json'))) {
    return JSON.parse(fs.readFileSync(path.join(dir, 'corpus.json'), 'utf8'));
  }
  const t0 = Date.now();
  let docs, queries, extra = {};
  if (name === 'sample') {
    docs = sampleDocs(root);
    queries = latinQueries(docs, perKind, 0x5a11);
    extra = { source: 'posts/*.md' };
  } else if (name === 'prose') {
    const g = proseDocs(prosePosts);
    docs = g.docs;
    queries = latinQueries(docs, perKind, 0x9905e);
    extra = { vocabulary: `${g.vocabularySize} words: ${FUNCTION_WORDS.length} function words, then ${g.vocabularySource}` };
  } else if (name === 'cjk') {
    const g = cjkDocs(cjkPosts);
    docs = g.docs;
    queries = cjkQueries(docs, g.vocab, perKind, 0xc1c0);
    extra = { vocabulary: `zh ${g.vocab.zh.length} words, ja ${g.vocab.ja.length} words, from ${HAN.length} embedded Han characters (+ kana)` };
  } else {
    throw new Error(`unknown corpus ${name} (${CORPORA.join(', ')})`);
  }
  fs.mkdirSync(dir, { recursive: true });
  writeSite(dir, docs, { title: `search bench: ${name}`, lang: name === 'cjk' ? 'zh' : 'en', cjk: name === 'cjk' });
  const plain = docs.map(({ markdown, ...d }) => d);
  fs.writeFileSync(path.join(dir, 'docs.json'), JSON.stringify(plain));
  const kinds = [...new Set(queries.map((q) => q.kind))];
  fs.writeFileSync(path.join(dir, 'queries.json'), JSON.stringify({ corpus: name, kinds, queries }, null, 1));
  const summary = {
    name, dir, docs: docs.length,
    words: name === 'cjk' ? null : docs.reduce((a, d) => a + d.content.split(/\s+/).length, 0),
    chars: docs.reduce((a, d) => a + d.content.length, 0),
    textBytes: docs.reduce((a, d) => a + Buffer.byteLength(d.content), 0),
    queries: Object.fromEntries(kinds.map((k) => [k, queries.filter((q) => q.kind === k).length])),
    writtenMs: Date.now() - t0, ...extra,
  };
  fs.writeFileSync(path.join(dir, 'corpus.json'), JSON.stringify(summary, null, 1));
  fs.writeFileSync(stampFile, stamp);
  log(`search: wrote ${name} (${docs.length} posts, ${queries.length} queries) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return summary;
}

export function readCorpus(dir) {
  return {
    docs: JSON.parse(fs.readFileSync(path.join(dir, 'docs.json'), 'utf8')),
    queries: JSON.parse(fs.readFileSync(path.join(dir, 'queries.json'), 'utf8')),
  };
}
