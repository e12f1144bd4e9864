import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadQuote, openTestCoverage, type TestCoverage } from '../helpers/coverage-index.js';

// Coverage written in Ukrainian and Russian, beside an English article: a newsroom indexes what it reads.
// Questions use other forms of the articles' words (other cases, numbers, tenses).
const ARTICLES: Record<string, string> = {
  'zarichne-bridge.md': `---
title: "У Заріччі відремонтують старий міст"
outlet: Вісті Поділля
date: 2024-03-12
---

Міська рада Заріччя у вівторок затвердила програму ремонту старого мосту через річку.

Ремонт коштуватиме 48 мільйонів гривень, більшу частину оплатить обласний бюджет.

Роботи почнуться у травні і триватимуть до кінця жовтня.

На час ремонту автобуси їздитимуть через новий міст біля вокзалу.

Голова ради Остап Вербицький сказав, що міст не ремонтували понад сорок років.
`,
  'lesnoy-library.md': `---
title: "В Лесном открылась новая библиотека"
outlet: Северный вестник
date: 2024-05-20
---

В понедельник в Лесном открылась новая городская библиотека на 60 тысяч книг.

Строительство библиотеки обошлось городу в 95 миллионов рублей.

Директор библиотеки Алла Земцова рассказала, что в читальном зале будет 120 мест.

Детский отдел начнёт работать в сентябре.
`,
  'orrin-station.md': `---
title: "Orrin's new railway station opens"
outlet: The Lantern Post
date: 2023-09-08
---

The new railway station in Orrin opened to passengers on Friday.

The station cost 12 million euros, most of it paid by the county.
`,
};

let env: TestCoverage;
beforeAll(async () => {
  env = await openTestCoverage({ articles: ARTICLES });
});
afterAll(() => env.close());

describe('questions asked in the language of the coverage', () => {
  it('answers a Ukrainian question from a Ukrainian article whose words are in other forms', async () => {
    expect(await leadQuote(env.coverage, 'Скільки коштує ремонт мосту?')).toContain('48 мільйонів гривень');
    expect(await leadQuote(env.coverage, 'Коли почнеться ремонт старого моста?')).toContain('у травні');
  });

  it('answers a Russian question from a Russian article whose words are in other forms', async () => {
    expect(await leadQuote(env.coverage, 'Сколько стоило строительство библиотеки?')).toContain('95 миллионов рублей');
    expect(await leadQuote(env.coverage, 'Сколько мест в читальном зале?')).toContain('120 мест');
    expect(await leadQuote(env.coverage, 'Когда заработает детский отдел библиотеки?')).toContain('в сентябре');
  });

  it('finds a name in another case form than the article\'s ("Вербицького", "Земцовой")', async () => {
    expect(await leadQuote(env.coverage, 'Скільки років не ремонтували міст, за словами Вербицького?')).toContain('понад сорок років');
    expect(await leadQuote(env.coverage, 'Сколько мест будет в зале по словам Земцовой?')).toContain('120 мест');
  });

  it('still answers a Cyrillic question about the English article in English', async () => {
    expect(await leadQuote(env.coverage, 'Сколько стоил новый вокзал?')).toContain('12 million euros');
  });

  it('answers an English question from the Russian or Ukrainian article, through the words\' first translations', async () => {
    expect(await leadQuote(env.coverage, 'How much did the construction of the library cost?')).toContain('95 миллионов рублей');
    expect(await leadQuote(env.coverage, 'How many books does the new library hold?')).toContain('60 тысяч книг');
    expect(await leadQuote(env.coverage, 'How much will the bridge repair cost?')).toContain('48 мільйонів гривень');
    // A name in English finds the Cyrillic name, and a reporting verb there answers "what did X say".
    expect(await leadQuote(env.coverage, 'What did Verbytsky say about the bridge?')).toContain('понад сорок років');
  });

  it('reads a Russian question about the Ukrainian article through the words the two languages share', async () => {
    expect(await leadQuote(env.coverage, 'Что сказал Вербицкий о мосте?')).toContain('понад сорок років');
  });

  it('refuses a question in the coverage\'s language that the coverage does not answer', async () => {
    const answer = await env.coverage.ask('Скільки коштує ремонт лікарні у Львові?');
    expect(answer.abstained).toBe(true);
  });
});
