import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/clean/language.js';

describe('detectLanguage', () => {
  it('recognises English by its function words', () => {
    expect(detectLanguage('The council voted on Monday to fund a barrier at the mouth of the harbor.')).toBe('en');
  });
  it('tells Ukrainian from Russian by the letters only one of them has', () => {
    expect(detectLanguage('Президент України заявив, що країни-сусіди можуть збивати ракети над її територією.')).toBe('uk');
    expect(detectLanguage('Президент заявил, что соседние страны могли бы сбивать ракеты над этой территорией.')).toBe('ru');
  });
  it('tells them apart by common words when no letter does', () => {
    expect(detectLanguage('Хто повернув борг заводу та коли? Про це вже говорять на ринку.')).toBe('uk');
    expect(detectLanguage('Кто вернул долг заводу и когда? Об этом уже говорят на рынке.')).toBe('ru');
  });
  it('recognises German, French, Spanish, Italian and Portuguese articles by their function words', () => {
    const articles = {
      de: 'Der Gemeinderat von Birkenfeld hat am Montag den Bau einer neuen Sporthalle beschlossen. Die Kosten werden auf vier Millionen Euro geschätzt. Der Bürgermeister sagte, die Halle solle im nächsten Jahr fertig sein.',
      fr: "Le conseil municipal de Valrose a voté lundi la construction d'une nouvelle piscine. Les travaux coûteront six millions d'euros. Selon le maire, le chantier commencera au printemps et durera deux ans.",
      es: 'El ayuntamiento de Valdeloma aprobó el lunes la construcción de un nuevo polideportivo. Las obras costarán seis millones de euros. Según la alcaldesa, los trabajos empezarán en primavera y durarán dos años.',
      it: 'Il consiglio comunale di Valdoria ha approvato lunedì la costruzione di una nuova piscina. I lavori costeranno sei milioni di euro. Secondo il sindaco, il cantiere aprirà in primavera e durerà due anni.',
      pt: 'A câmara municipal de Vale Rosado aprovou na segunda-feira a construção de uma nova piscina. As obras vão custar seis milhões de euros. Segundo o presidente da câmara, os trabalhos começam na primavera e duram dois anos.',
    };
    for (const [language, text] of Object.entries(articles)) expect(detectLanguage(text)).toBe(language);
  });
  it('keeps English text English however many foreign names it quotes', () => {
    const text =
      'Die Hard star Bruce Willis said on Monday that the film would open in Paris, Madrid and Rome in the autumn. ' +
      'La Nina and El Nino patterns were also discussed, and the director of the Museo del Prado spoke about the new wing.';
    expect(detectLanguage(text)).toBe('en');
  });
  it('says null when the evidence is weak', () => {
    expect(detectLanguage('Real Madrid v Bayern München: Aufstellung')).toBeNull();
    expect(detectLanguage('short')).toBeNull();
  });
});
