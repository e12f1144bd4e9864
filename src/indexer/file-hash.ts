import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** sha256 of a file's bytes and of its `.meta.json` sidecar, so editing either re-indexes the article. */
export async function fileHash(absPath: string): Promise<string> {
  const hash = createHash('sha256').update(await readFile(absPath));
  const sidecar = `${absPath}.meta.json`;
  if (existsSync(sidecar)) hash.update('\0sidecar\0').update(await readFile(sidecar));
  return hash.digest('hex');
}

/** A document's id: stable for as long as the same file is its primary copy. */
export function documentId(absPath: string): string {
  return createHash('sha256').update(absPath).digest('hex').slice(0, 12);
}
