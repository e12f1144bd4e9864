/**
 * Guesses the language of a text only when the evidence is clear: Cyrillic with letters or common words
 * unique to Ukrainian or Russian (as a question's language is told), Latin text dense in the function words of
 * German, French, Spanish, Italian or Portuguese, or in English ones. Otherwise null: we never guess.
 */
import { stopWordRatio } from './stop-words.js';
import { cyrillicLanguage } from '../text/cyrillic-language.js';
import { latinTextLanguage } from '../text/latin-language.js';

/** The language shows in the first few thousand characters; reading more only costs memory on huge texts. */
const SAMPLE_CHARS = 20_000;

export function detectLanguage(fullText: string): string | null {
  const text = fullText.slice(0, SAMPLE_CHARS);
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 20) return null;
  const cyrillic = letters.filter((c) => /\p{Script=Cyrillic}/u.test(c)).length;
  const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
  if (cyrillic / letters.length > 0.5) return cyrillicLanguage(text);
  if (latin / letters.length > 0.8) {
    const words = text.split(/\s+/u).filter(Boolean);
    return latinTextLanguage(text) ?? (stopWordRatio(words) >= 0.2 ? 'en' : null);
  }
  return null;
}
