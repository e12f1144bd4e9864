/**
 * Lists the article files under the roots the user named. Deterministic (sorted) so re-runs index
 * in the same order; problems with a root are reported, not thrown, so one bad root spares the rest.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

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

function describe(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read (${code ?? String(cause)})`;
}

/** Relative paths of article files under `dir`; symlinked folders are not followed (no cycles). */
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
    failed.push({ file: path.join(shown, rel), error: describe(cause) });
    return;
  }
  for (const entry of entries) {
    if (skipped(entry.name)) continue;
    const child = path.join(rel, entry.name);
    if (entry.isDirectory()) await walk(dir, child, out, failed, shown);
    else if ((entry.isFile() || entry.isSymbolicLink()) && isArticleFile(entry.name)) out.push(child);
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
      failed.push({ file: root, error: describe(cause) });
      continue;
    }
    if (info.isFile()) {
      if (isArticleFile(path.basename(root))) found.set(path.resolve(root), root);
      else failed.push({ file: root, error: 'unsupported file type (expected .txt, .html, .htm or .md)' });
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
