import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface CorpusRecord {
  id: string;
  title?: string;
  text: string;
  date_iso?: string;
}

/**
 * Writes `limit` articles, after the first `skip` lines, of a JSONL news corpus (Reuters-21578, BBC News) as Markdown files
 * with front matter, the shape a newsroom's own exports take: benchmarks and scale tests index these.
 * `outlet` goes into every file's front matter, since these corpora name their publisher only in their README.
 */
export async function writeCorpusAsMarkdown(jsonl: string, outDir: string, limit = Infinity, outlet?: string, skip = 0): Promise<number> {
  mkdirSync(outDir, { recursive: true });
  const lines = createInterface({ input: createReadStream(jsonl), crlfDelay: Infinity });
  let written = 0;
  let skipped = 0;
  for await (const line of lines) {
    if (written >= limit) break;
    if (!line.trim()) continue;
    if (skipped < skip) {
      skipped++;
      continue;
    }
    const record = JSON.parse(line) as CorpusRecord;
    if (!record.text?.trim()) continue;
    const front = ['---', `title: ${JSON.stringify(record.title ?? '')}`];
    if (outlet) front.push(`outlet: ${JSON.stringify(outlet)}`);
    if (record.date_iso) front.push(`date: ${record.date_iso.slice(0, 10)}`);
    front.push('---', '');
    writeFileSync(path.join(outDir, `${record.id}.md`), `${front.join('\n')}${record.text}\n`);
    written++;
  }
  lines.close();
  return written;
}
