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
  it('says null when the evidence is weak', () => {
    expect(detectLanguage('Der Rat hat am Montag beschlossen, eine Flutbarriere zu finanzieren.')).toBeNull();
    expect(detectLanguage('short')).toBeNull();
  });
});
