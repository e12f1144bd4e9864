import { describe, expect, it } from 'vitest';
import { normalizeName, parseAuthorLine, parseByline, splitAuthors } from '../../src/clean/byline.js';

describe('parseByline', () => {
  it.each([
    ['by Kateryna Denisova August 5, 2024 9:12 AM 2 min read', ['Kateryna Denisova'], '2024-08-05'],
    ['KATERYNA TYSHCHENKOSunday, 4 August 2024, 17:25', ['Kateryna Tyshchenko'], '2024-08-04'],
    ['Serhiy Sydorenko, Mariya YemetsThursday, 3 October 2024, 14:01', ['Serhiy Sydorenko', 'Mariya Yemets'], '2024-10-03'],
    ['Jul 15, 2024\u00a0-\u00a007:54', [], '2024-07-15'],
    ['By Jane Doe and John Roe | March 3, 2025', ['Jane Doe', 'John Roe'], '2025-03-03'],
    ['Published 12 March 2024', [], '2024-03-12'],
    ['Published 12 March 2024 by Ana Lima', ['Ana Lima'], '2024-03-12'],
    ['2025-01-09T10:00:00Z · By Ana Lima & Ben Ode', ['Ana Lima', 'Ben Ode'], '2025-01-09'],
    ['BY MARY-ANNE O’NEILL | Tue, Feb 4, 2025', ['Mary-Anne O’Neill'], '2025-02-04'],
    ['Ludwig van Beethoven, 17.12.2024', ['Ludwig van Beethoven'], '2024-12-17'],
    ['Updated 3:15 PM GMT+2, September 9, 2024', [], '2024-09-09'],
    ['09:12, 14 AUG 2024', [], '2024-08-14'],
    ['Published March 14, 2025 at 6:05 p.m. | Updated March 15, 2025 at 9:12 a.m.', [], '2025-03-14'],
    ['By Ana Lima, Staff Reporter | 2 May 2025', ['Ana Lima'], '2025-05-02'],
    ['Last modified on Mon 3 Mar 2025 15.10 GMT', [], '2025-03-03'],
    ['Veröffentlicht am 12. März 2025, 14:05 Uhr', [], '2025-03-12'],
    ['Mis à jour le 4 février 2025 à 18h40', [], '2025-02-04'],
    ['Actualizado: 8 de mayo de 2025, 09:30', [], '2025-05-08'],
    ['Par Ana Lima, 3 marzo 2025', ['Ana Lima'], '2025-03-03'],
    ['Par Ana Lima · Publié le 9 avril 2025 à 08h30', ['Ana Lima'], '2025-04-09'],
  ])('%s', (line, authors, published) => {
    expect(parseByline(line)).toEqual({ authors, published });
  });

  it('reads the outlet a byline names between its authors and the date', () => {
    expect(parseByline('The Harbor Gazette — Ana Lima — 9 May 2025')).toEqual({ authors: ['Ana Lima'], published: '2025-05-09', outlet: 'Harbor Gazette' });
    expect(parseByline('Ana Lima · NordPress · March 3, 2025 · 3 min read')).toEqual({ authors: ['Ana Lima'], published: '2025-03-03', outlet: 'NordPress' });
    expect(parseByline('By The Harbor Gazette')).toEqual({ authors: [], published: null, outlet: 'Harbor Gazette' });
    // Two segments that name no one are a menu or a headline, not a byline.
    expect(parseByline('Home — News — 4 August 2024')).toBeNull();
  });

  it('reads "By …" without a date as authors only', () => {
    expect(parseByline('By Jane Doe')).toEqual({ authors: ['Jane Doe'], published: null });
    // In the languages the coverage may be written in.
    expect(parseByline('Von Jana Dorn')).toEqual({ authors: ['Jana Dorn'], published: null });
    expect(parseByline('Por Lucía Marín')).toEqual({ authors: ['Lucía Marín'], published: null });
    expect(parseByline('Автор: Олена Вербна')).toEqual({ authors: ['Олена Вербна'], published: null });
  });

  it.each([
    'Russia attacks Kharkiv on 4 August 2024',
    'On 14 July 2024, NATO Secretary General Jens Stoltenberg made it clear that he is opposed to the idea of Poland using its air defence systems.',
    'Ukraine wants to create coalition to shoot down Russian missiles',
    'by the way, this is not a byline',
  ])('rejects a line that is not a byline: %s', (line) => {
    expect(parseByline(line)).toBeNull();
  });
});

describe('names', () => {
  it('title-cases names written in capitals, keeping hyphens and apostrophes', () => {
    expect(normalizeName('JEAN-LUC O’BRIEN')).toBe('Jean-Luc O’Brien');
    expect(normalizeName('Mariya Yemets')).toBe('Mariya Yemets');
  });
  it('splits lists of names and refuses lists that contain non-names', () => {
    expect(splitAuthors('By A. B. Smith, Jo Li and Max Roe')).toEqual(['A. B. Smith', 'Jo Li', 'Max Roe']);
    expect(splitAuthors('the editors')).toBeNull();
    expect(splitAuthors('By Ana Lima, Senior Political Correspondent')).toEqual(['Ana Lima']);
    expect(splitAuthors('The Harbor Gazette')).toBeNull();
    expect(splitAuthors('Ana Lima Transport correspondent')).toEqual(['Ana Lima']);
    // A role alone on its line names no one.
    expect(splitAuthors('Local Democracy Reporter')).toEqual([]);
  });
});

describe('parseAuthorLine', () => {
  it.each([
    ['Ana Lima', ['Ana Lima']],
    ['ANA LIMA', ['Ana Lima']],
    ['Ana Lima in Portville', ['Ana Lima']],
    ['Ana Lima in New Harbor and Ben Ode in Ostmark', ['Ana Lima', 'Ben Ode']],
    ['Words by Ana Lima and Ben Ode', ['Ana Lima', 'Ben Ode']],
    ['By Maria de la Cruz Ortega', ['Maria de la Cruz Ortega']],
  ])('reads a line of names: %s', (line, authors) => {
    expect(parseAuthorLine(line)).toEqual(authors);
  });

  it.each([
    'Senate Passes Budget After Talks',
    'Published Storm Warning',
    'The vote was close.',
    'Ferry',
    'Ana Lima said the ferry would run every 20 minutes',
  ])('rejects a line that is not only names: %s', (line) => {
    expect(parseAuthorLine(line)).toBeNull();
  });
});
