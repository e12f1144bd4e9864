/**
 * The hostile inputs every indexing run must refuse or split cheaply, each written into its own folder so
 * one `npm run index` meets exactly one of them. Shared by the bad-input test and `npm run bench -- bad-inputs`.
 */
import { spawn } from 'node:child_process';
import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface HostileInput {
  name: string;
  /** The folder to index: it holds this input only. */
  folder: string;
  /** What the run's report must say about the file. */
  reason: RegExp;
}

/** Ordinary words without a sentence break: the long-line inputs must be refused by size, not as chrome. */
function runWithoutBreaks(chars: number): string {
  const words = 'the council voted on monday to fund a new flood barrier at the mouth of the harbor officials said'.split(' ');
  const out: string[] = [];
  for (let length = 0, i = 0; length < chars; i++) {
    const word = words[(i * 7) % words.length]!;
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ');
}

const LINE_CHARS = 4.9 * 1024 * 1024;
const NESTED_DIVS = 10_000;

let longLine: string | undefined;
const line = () => (longLine ??= runWithoutBreaks(LINE_CHARS));

const INPUTS: { name: string; file: string; write: (p: string) => Promise<void>; reason: RegExp }[] = [
  { name: '/dev/zero symlink', file: 'zero.txt', write: (p) => symlink('/dev/zero', p), reason: /not a regular file \(a device\)/u },
  {
    name: '2 GB sparse file',
    file: 'sparse.txt',
    write: async (p) => {
      await writeFile(p, '');
      await truncate(p, 2 * 1024 ** 3);
    },
    reason: /over the \d+-byte limit/u,
  },
  { name: '4.9 MB line (.txt)', file: 'line.txt', write: (p) => writeFile(p, `A long line\n\n${line()}\n`), reason: /character limit for one article/u },
  { name: '4.9 MB line (.md)', file: 'line.md', write: (p) => writeFile(p, `# A long line\n\n${line()}\n`), reason: /character limit for one article/u },
  {
    name: '4.9 MB line (.html)',
    file: 'line.html',
    write: (p) => writeFile(p, `<html><head><title>A long line</title></head><body><article><p>${line()}</p></article></body></html>`),
    reason: /character limit for one article/u,
  },
  {
    name: '10,000 nested divs',
    file: 'nested.html',
    write: (p) =>
      writeFile(p, `<html><body>${'<div>'.repeat(NESTED_DIVS)}<p>${runWithoutBreaks(200)}.</p>${'</div>'.repeat(NESTED_DIVS)}</body></html>`),
    reason: /nest more than \d+ levels deep/u,
  },
];

export const HOSTILE_INPUT_NAMES = INPUTS.map((input) => input.name);

export async function writeHostileInputs(root: string): Promise<HostileInput[]> {
  const written: HostileInput[] = [];
  for (const input of INPUTS) {
    const folder = path.join(root, input.file.replace('.', '-'));
    await mkdir(folder, { recursive: true });
    await input.write(path.join(folder, input.file));
    written.push({ name: input.name, folder, reason: input.reason });
  }
  return written;
}

export interface MeasuredRun {
  code: number | null;
  /** The run's JSON report (`npm run index -- <folder> --json`), or null when it printed none. */
  report: { failed: { file: string; error: string }[]; passages: number } | null;
  stderr: string;
  wallMs: number;
  peakRssBytes: number;
}

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/** One real `npm run index -- <folder> --json` in a child process, with its wall time and peak memory. */
export function measureIndexRun(folder: string, env: Record<string, string>): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './src/evaluate/report-peak-rss.ts', 'src/cli/index-cmd.ts', folder, '--json'],
    { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      const peak = /peak-rss-bytes (\d+)\s*$/u.exec(stderr);
      let report: MeasuredRun['report'] = null;
      try {
        report = JSON.parse(stdout);
      } catch {
        // No report: the caller sees code and stderr.
      }
      resolve({ code, report, stderr, wallMs: performance.now() - started, peakRssBytes: peak ? Number(peak[1]) : NaN });
    }),
  );
}
