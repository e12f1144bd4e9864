/**
 * Lists the article files under the roots the user named. Deterministic (sorted) so re-runs index
 * in the same order; problems with a root are reported, not thrown, so one bad root spares the rest.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { errnoReason, notRegularReason, regularFileProblem } from './regular-file.js';

export interface Discovered {
  files: { path: string; displayPath: string }[];
  failed: { file: string; error: string }[];
}

export const ARTICLE_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.html', '.htm', '.md']);

/** Hidden files, dependency folders and sidecars are never articles. */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules' || name.toLowerCase().endsWith('.meta.json');
}

export function isArticleFile(name: string): boolean {
  return !skipped(name) && ARTICLE_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/** Files checked at once per folder: enough to overlap the stats, few enough to bound open requests. */
const STAT_BATCH = 256;

/**
 * Relative paths of article files under `dir`; symlinked folders are not followed (no cycles). Each
 * candidate is stat'ed through its symlinks so that pipes, devices and symlink loops are reported
 * here by name and nothing downstream ever opens them.
 */
async function walk(
  dir: string,
  rel: string,
  out: string[],
  failed: Discovered['failed'],
  shown: string,
): Promise<void> {
  let entries;
  try {
    entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  } catch (cause) {
    failed.push({ file: path.join(shown, rel), error: errnoReason(cause) });
    return;
  }
  const candidates: string[] = [];
  for (const entry of entries) {
    if (skipped(entry.name)) continue;
    const child = path.join(rel, entry.name);
    if (entry.isDirectory()) await walk(dir, child, out, failed, shown);
    else if (isArticleFile(entry.name)) candidates.push(child);
  }
  for (let i = 0; i < candidates.length; i += STAT_BATCH) {
    const batch = candidates.slice(i, i + STAT_BATCH);
    const problems = await Promise.all(batch.map((child) => regularFileProblem(path.join(dir, child))));
    batch.forEach((child, j) => {
      const problem = problems[j];
      if (problem) failed.push({ file: path.join(shown, child), error: problem });
      else out.push(child);
    });
  }
}

export async function discoverFiles(roots: string[]): Promise<Discovered> {
  const found = new Map<string, string>();
  const failed: Discovered['failed'] = [];
  for (const root of roots) {
    let info;
    try {
      info = await stat(root);
    } catch (cause) {
      failed.push({ file: root, error: errnoReason(cause) });
      continue;
    }
    if (!info.isDirectory()) {
      const problem =
        notRegularReason(info) ??
        (isArticleFile(path.basename(root)) ? null : 'unsupported file type (expected .txt, .html, .htm or .md)');
      if (problem) failed.push({ file: root, error: problem });
      else found.set(path.resolve(root), root);
      continue;
    }
    const rels: string[] = [];
    await walk(root, '', rels, failed, root);
    for (const rel of rels) {
      const abs = path.resolve(root, rel);
      if (!found.has(abs)) found.set(abs, path.join(root, rel));
    }
  }
  const files = [...found].map(([p, displayPath]) => ({ path: p, displayPath }));
  files.sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
  return { files, failed };
}
