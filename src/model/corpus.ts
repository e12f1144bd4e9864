import { createReadStream, createWriteStream, readdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { basicWords, isWord } from './words.js';

/**
 * Reads news corpora into one training text (one document a line, words split as the tokenizer splits them,
 * punctuation dropped) and counts words on the way. Formats: `.jsonl` with `title`/`text`, AG News `.csv`
 * (class,title,description), and plain `.txt` articles (README/classes/licence files are skipped).
 */
export interface CorpusStats {
  files: string[];
  documents: number;
  tokens: number;
  counts: Map<string, number>;
  /** Words of files marked `always` (the coverage): kept in the vocabulary however rare. */
  alwaysKeep: Set<string>;
}

const SKIP = /^(readme|classes|licen[cs]e|source|copying)/i;

/** The corpus files under each path (a file or a folder, searched recursively), sorted for determinism. */
export function corpusFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p).sort()) visit(path.join(p, name));
    else if (/\.(jsonl|csv|txt)$/i.test(p) && !SKIP.test(path.basename(p))) out.push(p);
  };
  for (const p of paths) visit(p);
  return out;
}

function unescapeAg(s: string): string {
  return s.replace(/\\/g, ' ').replace(/#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}

/** Splits one CSV line with "quoted" fields and "" escapes. */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  const re = /"((?:[^"]|"")*)"|([^,]*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    fields.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
    if (re.lastIndex >= line.length) break;
    re.lastIndex++;
  }
  return fields;
}

async function* documents(file: string): AsyncGenerator<string> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt') {
    const chunks: Buffer[] = [];
    for await (const c of createReadStream(file)) chunks.push(c as Buffer);
    yield Buffer.concat(chunks).toString('utf8');
    return;
  }
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    if (ext === '.jsonl') {
      const o = JSON.parse(line) as { title?: unknown; text?: unknown };
      yield [o.title, o.text].filter((v) => typeof v === 'string').join('\n');
    } else {
      const f = csvFields(line);
      yield unescapeAg(f.slice(f.length > 2 ? 1 : 0).join('\n'));
    }
  }
}

/**
 * Writes one line of words per document to `out` and counts them. `keep` names words every vocabulary must
 * hold whatever their count (the coverage's words; lemmas retrofitting gives a meaning).
 */
export async function writeCorpusLines(
  out: string,
  files: string[],
  documents: AsyncIterable<{ words: string[]; keep?: Iterable<string> }> | Iterable<{ words: string[]; keep?: Iterable<string> }>,
): Promise<CorpusStats> {
  const stats: CorpusStats = { files, documents: 0, tokens: 0, counts: new Map(), alwaysKeep: new Set() };
  const sink = createWriteStream(out);
  for await (const { words, keep } of documents) {
    if (words.length === 0) continue;
    for (const w of words) stats.counts.set(w, (stats.counts.get(w) ?? 0) + 1);
    for (const w of keep ?? []) stats.alwaysKeep.add(w);
    stats.documents++;
    stats.tokens += words.length;
    if (!sink.write(words.join(' ') + '\n')) await once(sink, 'drain');
  }
  sink.end();
  await once(sink, 'finish');
  return stats;
}

/** Writes the training text to `out`; files under `always` also feed `alwaysKeep`. */
export async function writeTrainingText(opts: { sources: readonly string[]; always?: readonly string[]; out: string }): Promise<CorpusStats> {
  const always = new Set(corpusFiles(opts.always ?? []));
  const files = [...corpusFiles(opts.sources), ...always];
  async function* lines() {
    for (const file of files) {
      for await (const doc of documents(file)) {
        const words = basicWords(doc).filter(isWord);
        yield { words, keep: always.has(file) ? words : [] };
      }
    }
  }
  return writeCorpusLines(opts.out, files, lines());
}
