import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { updateHashFromFile } from '../read/regular-file.js';
import { MAX_SIDECAR_BYTES } from '../read/sidecar.js';

/**
 * sha256 of a file's bytes and of its `.meta.json` sidecar, so editing either re-indexes the article. Read in
 * bounded chunks of regular files only: a device, a pipe or a file past the size limit is refused (with a
 * ReadError naming it) before it is read, never hashed in full.
 */
export async function fileHash(absPath: string, displayPath: string = absPath): Promise<string> {
  const hash = createHash('sha256');
  await updateHashFromFile(hash, absPath, displayPath);
  const sidecar = `${absPath}.meta.json`;
  if (existsSync(sidecar)) {
    hash.update('\0sidecar\0');
    await updateHashFromFile(hash, sidecar, `${displayPath}.meta.json`, MAX_SIDECAR_BYTES);
  }
  return hash.digest('hex');
}

/** A document's id: stable for as long as the same file is its primary copy. */
export function documentId(absPath: string): string {
  return createHash('sha256').update(absPath).digest('hex').slice(0, 12);
}
