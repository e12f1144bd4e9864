/** Every input has a bounded cost: special files, loops, huge and deeply nested pages are refused cheaply. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadError } from '../../src/errors.js';
import { discoverFiles } from '../../src/read/discover.js';
import { extractHtml } from '../../src/read/html.js';
import { htmlDepth, htmlShape } from '../../src/read/html-depth.js';
import { MAX_ARTICLE_CHARS, readArticle } from '../../src/read/read-article.js';
import { errnoReason, hashRegularFile, readRegularFile } from '../../src/read/regular-file.js';

let dir: string;
const BODY = 'The council voted on Monday to fund a new flood barrier at the mouth of the harbor, officials said.\n';

async function failure(p: string): Promise<string> {
  const error = await readArticle(p, p).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReadError);
  return (error as ReadError).message;
}

function mkfifo(p: string): boolean {
  try {
    execFileSync('mkfifo', [p]);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'read-bounded-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reading files with a bounded cost', () => {
  it.skipIf(!existsSync('/dev/zero'))('refuses a symlink to /dev/zero as a device, without reading it', async () => {
    const p = path.join(dir, 'zero.txt');
    await symlink('/dev/zero', p);
    const started = Date.now();
    expect(await failure(p)).toMatch(/not a regular file \(a device\)/u);
    await expect(hashRegularFile(p)).rejects.toThrow(/a device/u);
    const { failed, files } = await discoverFiles([dir]);
    expect(failed).toContainEqual({ file: p, error: 'not a regular file (a device)' });
    expect(files.map((f) => f.path)).not.toContain(p);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a sparse 2 GB file from its size, without reading it', async () => {
    const p = path.join(dir, 'sparse.txt');
    await writeFile(p, '');
    await truncate(p, 2 * 1024 ** 3);
    const started = Date.now();
    expect(await failure(p)).toMatch(/2147483648 bytes, over the 5242880-byte limit/u);
    await expect(hashRegularFile(p)).rejects.toThrow(/over the 5242880-byte limit/u);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.skipIf(!existsSync('/proc/self/status'))('stops at the limit when a file holds more than its size said', async () => {
    // Files under /proc report size 0 and then yield more: just like a file that grows while it is read.
    const p = '/proc/self/status';
    await expect(readRegularFile(p, p, 100)).rejects.toThrow(/grew past the 100-byte limit while being read/u);
    expect((await readRegularFile(p, p, 1024 * 1024)).length).toBeGreaterThan(100);
  });

  it('refuses a named pipe as "not a regular file", given or found', async (ctx) => {
    const p = path.join(dir, 'pipe.txt');
    if (!mkfifo(p)) ctx.skip();
    expect(await failure(p)).toMatch(/not a regular file \(a named pipe\)/u);
    expect((await discoverFiles([p])).failed).toEqual([{ file: p, error: 'not a regular file (a named pipe)' }]);
    expect((await discoverFiles([dir])).failed).toContainEqual({ file: p, error: 'not a regular file (a named pipe)' });
    const noExtension = path.join(dir, 'pipe');
    if (mkfifo(noExtension)) {
      expect((await discoverFiles([noExtension])).failed).toEqual([
        { file: noExtension, error: 'not a regular file (a named pipe)' },
      ]);
    }
    await rm(p);
    await rm(noExtension, { force: true });
  });

  it('reports a symbolic link loop by name', async () => {
    const a = path.join(dir, 'loop-a.txt');
    const b = path.join(dir, 'loop-b.txt');
    await symlink(b, a);
    await symlink(a, b);
    expect(await failure(a)).toMatch(/a symbolic link loop/u);
    expect((await discoverFiles([a])).failed).toEqual([{ file: a, error: 'a symbolic link loop' }]);
    expect((await discoverFiles([dir])).failed).toContainEqual({ file: b, error: 'a symbolic link loop' });
    await rm(a);
    await rm(b);
  });

  it('says "is a folder" for a folder named like an article, and never shows an errno code', async () => {
    const folder = path.join(dir, 'folder.txt');
    await mkdir(folder);
    expect(await failure(folder)).toMatch(/: is a folder$/u);
    expect(errnoReason(Object.assign(new Error('EISDIR: illegal operation'), { code: 'EISDIR' }))).toBe('is a folder');
    expect(errnoReason(Object.assign(new Error('EACCES'), { code: 'EACCES' }))).toBe('permission denied');
    expect(errnoReason(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }))).toBe('no such file or folder');
    expect(errnoReason(Object.assign(new Error('EWEIRD'), { code: 'EWEIRD' }))).not.toMatch(/E[A-Z]{3,}/u);
    await rm(folder, { recursive: true });
  });

  it('refuses a sidecar that is not a small regular file', async () => {
    const article = path.join(dir, 'with-sidecar.txt');
    await writeFile(article, BODY);
    await writeFile(`${article}.meta.json`, '');
    await truncate(`${article}.meta.json`, 1024 ** 3);
    expect(await failure(article)).toMatch(/meta\.json: the file is 1073741824 bytes, over the 65536-byte limit/u);
    await rm(`${article}.meta.json`);
    expect((await readArticle(article, article)).text).toBe(BODY.trim());
  });
});

describe('deeply nested HTML', () => {
  const nested = (n: number) =>
    `<html><body>${'<div>'.repeat(n)}<p>The council voted on Monday to fund a flood barrier.</p>${'</div>'.repeat(n)}</body></html>`;

  it('refuses 10,000 nested divs with a reason instead of overflowing the stack', async () => {
    const html = nested(10_000);
    const started = Date.now();
    expect(() => extractHtml(html)).toThrow(/nest more than 500 levels deep/u);
    const p = path.join(dir, 'deep.html');
    await writeFile(p, html);
    const message = await failure(p);
    expect(message).toMatch(/deep\.html: the page's elements nest more than 500 levels deep/u);
    expect(message).not.toMatch(/call stack/u);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('counts nesting the way a parser does: void, self-closing, optional-end and raw-text elements do not nest', () => {
    expect(htmlDepth(nested(3))).toBe(3);
    expect(htmlDepth(`<div>${'<br><img src=x><p>para<li>item<path d="M0"/>'.repeat(2000)}</div>`)).toBe(1);
    expect(htmlDepth(`<div><script>${'<div>'.repeat(2000)}</script><!-- ${'<div>'.repeat(2000)} --></div>`)).toBe(1);
    expect(htmlDepth(`${'a < b '.repeat(10_000)}<div></div>`)).toBe(1);
    expect(htmlDepth(nested(10_000), 500)).toBe(501);
  });

  it('still reads an ordinary page', () => {
    expect(extractHtml(nested(20)).text).toMatch(/flood barrier/u);
  });
});

describe('article text over the length limit', () => {
  const sentence = 'The council voted on Monday to fund a new flood barrier at the mouth of the harbor, officials said. ';
  const text = (chars: number) => sentence.repeat(Math.ceil(chars / sentence.length));

  it('refuses a Markdown or text file over the limit before cleaning it, naming the size and the limit', async () => {
    for (const name of ['long.md', 'long.txt']) {
      const p = path.join(dir, name);
      await writeFile(p, `# Long\n\n${text(MAX_ARTICLE_CHARS + 1000)}\n`);
      expect(await failure(p)).toMatch(new RegExp(`${name}: the article text is 1,00\\d,\\d{3} characters, over the 1,000,000-character limit`, 'u'));
    }
  });

  it('reads an article just under the limit whole', async () => {
    const p = path.join(dir, 'just-under.md');
    const body = text(MAX_ARTICLE_CHARS - 50_000).trim();
    await writeFile(p, `---\ntitle: Just under\n---\n\n${body}\n`);
    expect((await readArticle(p, p)).text).toBe(body);
  });

  it('refuses a page with more visible text than the limit before parsing it; scripts, styles and tags do not count', async () => {
    const huge = `<html><body><article><p>${text(MAX_ARTICLE_CHARS * 1.3)}</p></article></body></html>`;
    expect(() => extractHtml(huge)).toThrow(/the page text \(without spaces\) is [\d,]+ characters, over the 1,000,000-character limit/u);
    const padded = `<html><head><style>${'p{}'.repeat(400_000)}</style></head><body><script>${'x=1;'.repeat(400_000)}</script><article><p>${sentence}</p></article></body></html>`;
    expect(htmlShape(padded).visibleChars).toBe(sentence.replace(/\s/gu, '').length);
    expect(() => extractHtml(padded)).not.toThrow();
  });
});
