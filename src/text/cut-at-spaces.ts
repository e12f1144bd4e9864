/**
 * Cuts a text longer than `max` into consecutive pieces of at most `max` characters, each ending at the
 * last space before its limit (or at the limit when there is none). The spaces at the cuts are dropped.
 * Why: every stage that reads a line or sentence whole needs a bound on its length, and the same text
 * must always be cut the same way (duplicate copies compare their pieces).
 */
export function cutAtSpaces(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > max) {
    const space = text.lastIndexOf(' ', start + max);
    const end = space > start ? space : start + max;
    pieces.push(text.slice(start, end));
    start = space > start ? end + 1 : end;
  }
  pieces.push(text.slice(start));
  return pieces;
}
