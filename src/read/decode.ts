/**
 * Turns a file's bytes into text, refusing what is not an article: empty, too big, binary, or not
 * valid UTF-8 (UTF-16 with a byte-order mark is decoded). Every refusal is a ReadError naming the file.
 */
import { ReadError } from '../errors.js';

/** Larger files are not single articles (and would stall the indexer). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/**
 * Longest article text indexed (about 170,000 words, several times the longest long-form journalism).
 * Why: a file under the byte limit can still hold megabytes of text without breaks, and splitting,
 * storing and embedding that costs seconds and hundreds of megabytes for what is not one article.
 */
export const MAX_ARTICLE_CHARS = 1_000_000;

/** Why `length` characters of `what` ("article text", "page text") are too many, or null when they are not. */
export function textLengthProblem(length: number, what: string): string | null {
  if (length <= MAX_ARTICLE_CHARS) return null;
  const limit = `${MAX_ARTICLE_CHARS.toLocaleString('en-US')}-character limit for one article`;
  return `the ${what} is ${length.toLocaleString('en-US')} characters, over the ${limit}`;
}

/** Control characters other than tab/newline/CR/form feed; a text file has almost none. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/gu;

function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Refuses empty and oversized files; callers may run it on a stat size before reading. */
export function checkSize(byteLength: number, file: string): void {
  if (byteLength === 0) throw new ReadError(file, 'the file is empty');
  if (byteLength > MAX_ARTICLE_BYTES) {
    const limit = `over the ${MAX_ARTICLE_BYTES}-byte limit for one article`;
    throw new ReadError(file, `the file is ${byteLength} bytes, ${limit}`);
  }
}

export function decodeText(bytes: Uint8Array, file: string): string {
  checkSize(bytes.length, file);
  const encoding = bomEncoding(bytes) ?? 'utf-8';
  if (encoding === 'utf-8' && bytes.includes(0)) {
    throw new ReadError(file, 'the file is binary (it contains NUL bytes)');
  }
  let text: string;
  try {
    // ignoreBOM: false strips the byte-order mark from the decoded text.
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    throw new ReadError(file, `the file is not valid ${encoding.toUpperCase()} text`, { cause });
  }
  const control = (text.match(CONTROL) ?? []).length;
  if (control > 0 && control / text.length > 0.01) {
    throw new ReadError(file, 'the file is binary (mostly non-text characters)');
  }
  if (text.trim() === '') throw new ReadError(file, 'the file is empty (whitespace only)');
  return text;
}
