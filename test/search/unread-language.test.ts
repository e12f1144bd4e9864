import { describe, expect, it } from 'vitest';
import { isUnreadLanguage } from '../../src/search/unread-language.js';
import { ABSTENTION, UNREAD_LANGUAGE_ABSTENTION } from '../../src/answer/compose.js';
import { suiteCoverage } from '../helpers/coverage-index.js';

describe('isUnreadLanguage', () => {
  it.each([
    'Ile kosztował nowy most w Tarvinie?',
    'Kto wygrał wybory w Brasku?',
    'Hangi şirketler Quell anlaşmasını imzaladı?',
    '塔尔文大桥什么时候重新开放？',
    'Πότε ξανανοίγει η γέφυρα του Τάρβιν;',
    'متى يعاد فتح جسر تارفين؟',
  ])('cannot read "%s"', (question) => {
    expect(isUnreadLanguage(question)).toBe(true);
  });

  it.each([
    'When does the Tarvin bridge reopen?',
    'What did Dvořák say in Łódź about the Quell pact?',
    'what is the złoty worth against the euro',
    'quorvel zentrix takings',
    'Wann öffnet die Brücke in Tarvin wieder?',
    'Quand le pont de Tarvin rouvrira-t-il ?',
    '¿Cuánto costó el puente de Tarvin?',
    'Коли знову відкриють міст у Тарвіні?',
  ])('reads "%s"', (question) => {
    expect(isUnreadLanguage(question)).toBe(false);
  });
});

describe('a question in a language the bot cannot read', () => {
  const fixture = suiteCoverage({
    articles: {
      'tarvin-bridge.md': `---
title: "Tarvin bridge to reopen in May"
outlet: Valley Courier
date: 2032-02-03
---

The Tarvin river bridge will reopen on 14 May after repairs costing £2.4m, the county council said.
`,
    },
  });

  it('is refused with a message that says so, not that the coverage lacks the answer', async () => {
    const answer = await fixture.coverage.ask('Kiedy zostanie ponownie otwarty most na rzece w Tarvinie? Ile kosztował remont?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toBe(UNREAD_LANGUAGE_ABSTENTION);
    const unanswered = await fixture.coverage.ask('When will the Tarvin ferry timetable change?');
    expect(unanswered.abstained).toBe(true);
    expect(unanswered.answer).toBe(ABSTENTION);
    // A question in a language the bot reads, which the coverage does not answer, is refused as usual.
    const read = await fixture.coverage.ask('Quando cambierà l’orario del traghetto di Tarvin?');
    expect(read.abstained).toBe(true);
    expect(read.answer).toBe(ABSTENTION);
  });
});
