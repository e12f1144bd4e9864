/**
 * Bounded reads of regular files. Every input must have a bounded cost: the size is checked before a
 * byte is read, reading stops at the limit even if the file grows meanwhile, and anything that is not
 * a regular file (a pipe, a device such as /dev/zero, a socket, a folder) is refused without reading.
 */
import { createHash, type Hash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { ReadError } from '../errors.js';
import { MAX_ARTICLE_BYTES } from './decode.js';

/** Plain words for the errno codes a user can meet; raw codes and system messages stay in `cause`. */
const ERRNO_REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  ELOOP: 'a symbolic link loop',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many files open at once',
  ENFILE: 'too many files open at once',
  EIO: 'an input/output error from the disk',
  ENXIO: 'not a regular file (a device or socket)',
};

export function errnoReason(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  return (code && ERRNO_REASONS[code]) ?? 'an unexpected system error';
}

/** Why `info` is not something we read, or null for a regular file. */
export function notRegularReason(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return 'is a folder';
  if (info.isFIFO()) return 'not a regular file (a named pipe)';
  if (info.isSocket()) return 'not a regular file (a socket)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'not a regular file (a device)';
  return 'not a regular file';
}

export function tooLargeReason(byteLength: number, limit: number): string {
  return `the file is ${byteLength} bytes, over the ${limit}-byte limit`;
}

/**
 * Why the path (symlinks resolved) is not a regular file we could open, or null when it is one. One
 * stat, no read: listings use it so nothing downstream ever opens a pipe, a device or a loop. Size is
 * left to the bounded read, so an indexed file that grows too big is refused while reading it.
 */
export async function regularFileProblem(filePath: string): Promise<string | null> {
  try {
    return notRegularReason(await stat(filePath));
  } catch (cause) {
    return errnoReason(cause);
  }
}

const CHUNK = 64 * 1024;

/**
 * Feeds the bytes of a regular file to `onChunk`, at most `limit` of them. Throws a ReadError naming
 * `displayPath` for anything else, including a file that grows past the limit while it is read.
 */
async function streamRegularFile(
  filePath: string,
  displayPath: string,
  limit: number,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  const refuse = (reason: string, cause?: unknown) =>
    new ReadError(displayPath, reason, cause === undefined ? undefined : { cause });
  let handle;
  try {
    // Checked on the path first so a device or pipe is never even opened.
    const problem = notRegularReason(await stat(filePath));
    if (problem) throw refuse(problem);
    // Non-blocking: if the path was swapped for a pipe since the stat, open must not wait for a writer.
    handle = await open(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    const swapped = notRegularReason(info);
    if (swapped) throw refuse(swapped);
    if (info.size > limit) throw refuse(tooLargeReason(info.size, limit));
    let total = 0;
    for (;;) {
      // One byte past the limit is enough to know the file is too big.
      const want = Math.min(CHUNK, limit + 1 - total);
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(want), 0, want, null);
      if (bytesRead === 0) return;
      total += bytesRead;
      if (total > limit) throw refuse(`the file grew past the ${limit}-byte limit while being read`);
      onChunk(bytesRead === want ? buffer : buffer.subarray(0, bytesRead));
    }
  } catch (cause) {
    if (cause instanceof ReadError) throw cause;
    throw refuse(errnoReason(cause), cause);
  } finally {
    await handle?.close();
  }
}

/** The bytes of a regular file of at most `limit` bytes (symlinks resolved). */
export async function readRegularFile(
  filePath: string,
  displayPath: string = filePath,
  limit = MAX_ARTICLE_BYTES,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await streamRegularFile(filePath, displayPath, limit, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

/** Adds a regular file of at most `limit` bytes to `hash` chunk by chunk, never holding it in memory. */
export async function updateHashFromFile(
  hash: Hash,
  filePath: string,
  displayPath: string = filePath,
  limit = MAX_ARTICLE_BYTES,
): Promise<void> {
  await streamRegularFile(filePath, displayPath, limit, (chunk) => hash.update(chunk));
}

/** sha256 (hex) of a regular file of at most `limit` bytes. */
export async function hashRegularFile(
  filePath: string,
  displayPath: string = filePath,
  limit = MAX_ARTICLE_BYTES,
): Promise<string> {
  const hash = createHash('sha256');
  await updateHashFromFile(hash, filePath, displayPath, limit);
  return hash.digest('hex');
}
