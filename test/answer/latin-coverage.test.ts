import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadQuote, openTestCoverage, type TestCoverage } from '../helpers/coverage-index.js';

// Coverage written in German and French, beside an English article: a newsroom indexes what it reads. Questions
// use other forms of the articles' words, or English; the articles name no language, so it is told from the text.
const ARTICLES: Record<string, string> = {
  'birkenfeld-halle.md': `---
title: "Birkenfeld baut eine neue Sporthalle"
outlet: Hunsrück-Bote
date: 2024-02-06
---

Der Gemeinderat von Birkenfeld hat am Montag den Bau einer neuen Sporthalle beschlossen.

Die Baukosten liegen bei 4,2 Millionen Euro, die Hälfte zahlt das Land.

Die alte Halle wird wegen eines undichten Daches seit dem Winter nicht mehr genutzt.

Bürgermeister Jens Albrecht sagte, die Vereine könnten ab dem 1. September in der neuen Halle trainieren.
`,
  'valrose-piscine.md': `---
title: "Valrose : la piscine municipale rouvre après travaux"
outlet: Le Journal de Valrose
date: 2024-06-18
---

La piscine municipale de Valrose a rouvert samedi après dix mois de travaux.

La rénovation a coûté trois millions d'euros, dont la moitié payée par le département.

Le bassin extérieur restera fermé jusqu'en juillet à cause d'une fuite.

D'après sa gérante, Sophie Garnier, la piscine accueille environ huit cents nageurs par jour.
`,
  'marvejac-veterinaire.md': `---
title: "Marvejac accueille une vétérinaire"
outlet: L'Écho du Causse
date: 2024-04-09
---

Le village de Marvejac a accueilli lundi une nouvelle vétérinaire, Léa Bonnafoux, après trois années sans cabinet.

Elle soignera les troupeaux d'une quarantaine d'éleveurs de la vallée.
`,
  'harwick-library.md': `---
title: "Harwick library reopens after a flood"
outlet: The Lantern Post
date: 2024-03-02
---

The public library in Harwick reopened on Tuesday, five months after a flood ruined its ground floor.

Repairs cost 1.6 million pounds, most of it paid by the insurer.
`,
};

let env: TestCoverage;
beforeAll(async () => {
  env = await openTestCoverage({ articles: ARTICLES });
});
afterAll(() => env.close());

describe('questions about coverage written in German or French', () => {
  it('answers a question in the article\'s language whose words are in other forms, or compounded', async () => {
    expect(await leadQuote(env.coverage, 'Wie viel kostet die neue Sporthalle?')).toContain('4,2 Millionen Euro');
    expect(await leadQuote(env.coverage, 'Wer bezahlt die Hälfte der Kosten?')).toContain('die Hälfte zahlt das Land');
    expect(await leadQuote(env.coverage, 'Combien de nageurs la piscine de Valrose accueille-t-elle chaque jour ?')).toContain('huit cents nageurs');
    expect(await leadQuote(env.coverage, 'Warum wird die alte Halle nicht mehr genutzt?')).toContain('undichten Daches');
  });

  it('answers an English question from the German or French article, through the words that translate its own', async () => {
    expect(await leadQuote(env.coverage, 'How much did the renovation of the Valrose swimming pool cost?')).toContain("trois millions d'euros");
    expect(await leadQuote(env.coverage, 'How much does the new sports hall in Birkenfeld cost?')).toContain('4,2 Millionen Euro');
    expect(await leadQuote(env.coverage, 'Why is the old hall no longer used?')).toContain('undichten Daches');
    expect(await leadQuote(env.coverage, 'How many swimmers does the Valrose pool get a day?')).toContain('huit cents nageurs');
  });

  it('answers an English question whose word the tables lack through the nearest word they have', async () => {
    // "veterinarian" is in no table; WordNet puts "veterinary" next to it, which the French table has.
    expect(await leadQuote(env.coverage, 'Who is the new veterinarian in Marvejac?')).toContain('Léa Bonnafoux');
  });

  it('still answers an English question from the English article', async () => {
    expect(await leadQuote(env.coverage, 'How much did the repairs to the Harwick library cost?')).toContain('1.6 million pounds');
  });

  it('refuses a question none of the articles answers, in English or in German', async () => {
    expect((await env.coverage.ask('Which team won the national rowing championship?')).abstained).toBe(true);
    expect((await env.coverage.ask('Wer hat die Meisterschaft im Rudern gewonnen?')).abstained).toBe(true);
  });
});
