/**
 * The word splitting of BERT's basic tokenizer (BertNormalizer + BertPreTokenizer as transformers.js runs them):
 * lower case, accents stripped, split on white space and around every punctuation character. Training text is
 * split the same way so that every trained word is one token of the model's tokenizer.
 */
const PUNCT = /[\p{P}\p{S}]/u;

export function basicWords(text: string): string[] {
  const clean = text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[\u0000-\u001f\u007f\ufffd]/g, ' ');
  const words: string[] = [];
  for (const chunk of clean.split(/\s+/)) {
    let cur = '';
    for (const ch of chunk) {
      if (PUNCT.test(ch) || isAsciiPunct(ch)) {
        if (cur) words.push(cur);
        words.push(ch);
        cur = '';
      } else cur += ch;
    }
    if (cur) words.push(cur);
  }
  return words;
}

function isAsciiPunct(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/** Whether a token is a word worth a trained vector (letters or digits), not punctuation. */
export function isWord(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}
