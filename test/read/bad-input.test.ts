/** Files that are not articles: each is refused with a ReadError naming the file and the reason. */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadError } from '../../src/errors.js';
import { MAX_ARTICLE_BYTES, readArticle } from '../../src/read/read-article.js';

let dir: string;
const BODY = 'The council voted on Monday to fund a new flood barrier at the mouth of the harbor, officials said.\n';

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, content);
  return p;
}

async function failure(p: string): Promise<ReadError> {
  const error = await readArticle(p, `shown/${path.basename(p)}`).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReadError);
  expect((error as ReadError).file).toMatch(/^shown\//u);
  expect((error as ReadError).message.startsWith((error as ReadError).file)).toBe(true);
  return error as ReadError;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'read-bad-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readArticle refuses bad input', () => {
  it('an empty file, and one with only whitespace', async () => {
    expect((await failure(await file('empty.txt', ''))).message).toMatch(/empty/u);
    expect((await failure(await file('blank.txt', ' \n\n\t\n'))).message).toMatch(/empty/u);
  });

  it('a binary file', async () => {
    const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a, 0x1a]);
    expect((await failure(await file('image.txt', bytes))).message).toMatch(/binary/u);
  });

  it('a file over the size limit', async () => {
    const big = Buffer.alloc(MAX_ARTICLE_BYTES + 1, 'a');
    expect((await failure(await file('big.txt', big))).message).toMatch(/over the 5242880-byte limit/u);
  });

  it('invalid UTF-8 (Latin-1 bytes)', async () => {
    const latin1 = Buffer.from(`${BODY}Caf\xe9 au lait.`, 'latin1');
    expect((await failure(await file('latin1.txt', latin1))).message).toMatch(/not valid UTF-8/u);
  });

  it('a page with no article text left after cleaning', async () => {
    const chrome = 'Home\nSubscribe\nSign up for our newsletter\n19:12\nAll News\n';
    expect((await failure(await file('chrome.txt', chrome))).message).toMatch(/no article text/u);
  });

  it('a missing file and an unreadable one', async () => {
    expect((await failure(path.join(dir, 'missing.txt'))).message).toMatch(/no such file/u);
    const locked = await file('locked.txt', BODY);
    await chmod(locked, 0o000);
    if (process.getuid?.() !== 0) expect((await failure(locked)).message).toMatch(/permission denied/u);
    await chmod(locked, 0o644);
  });

  it('a sidecar with a bad field, named in the error', async () => {
    const article = await file('sidecar.txt', BODY);
    await file('sidecar.txt.meta.json', JSON.stringify({ published: 'last Tuesday', author: ['Jane Doe'] }));
    const error = await failure(article);
    expect(error.file).toBe('shown/sidecar.txt.meta.json');
    expect(error.message).toMatch(/field "published"/u);
    await file('sidecar.txt.meta.json', JSON.stringify({ titel: 'typo' }));
    expect((await failure(article)).message).toMatch(/titel/u);
    await file('sidecar.txt.meta.json', '{ "title": ');
    expect((await failure(article)).message).toMatch(/invalid JSON/u);
  });
});

describe('readArticle accepts', () => {
  it('a UTF-8 byte-order mark, and UTF-16 with a byte-order mark', async () => {
    const bom = await readArticle(await file('bom.txt', `\ufeff${BODY}`), 'bom.txt');
    expect(bom.text).toBe(BODY.trim());
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BODY, 'utf16le')]);
    expect((await readArticle(await file('utf16.txt', utf16), 'utf16.txt')).text).toBe(BODY.trim());
  });

  it('hashes the raw bytes, plus the sidecar so that editing it re-indexes', async () => {
    const p = await file('hashed.txt', BODY);
    const before = await readArticle(p, 'hashed.txt');
    const { createHash } = await import('node:crypto');
    expect(before.contentHash).toBe(createHash('sha256').update(BODY).digest('hex'));
    await file('hashed.txt.meta.json', JSON.stringify({ outlet: 'Harbor Gazette', author: 'Jane Doe' }));
    const after = await readArticle(p, 'hashed.txt');
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(after.outlet).toBe('Harbor Gazette');
    expect(after.authors).toEqual(['Jane Doe']);
  });
});
