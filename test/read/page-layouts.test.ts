/**
 * Scraped pages in the layouts of common news sites, with made-up people and places: a dek between
 * headline and byline, byline blocks of several short lines, a time before the date, an author box
 * after the body, a wire dateline naming the outlet. The last three were written before the fixes
 * and kept aside as a held-out check of the general rules.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/read/read-article.js';

const PAGES = path.resolve(import.meta.dirname, '../fixtures/pages');

async function read(name: string) {
  const a = await readArticle(path.join(PAGES, name), `pages/${name}`);
  return { meta: { title: a.title, authors: a.authors, published: a.published, outlet: a.outlet }, paragraphs: a.text.split('\n\n') };
}

describe('headline, dek and byline block', () => {
  it('prose dek above "By" and two date lines: the paragraphs under the block are the body', async () => {
    const { meta, paragraphs } = await read('prose-dek-above-byline.txt');
    expect(meta).toEqual({
      title: 'Finland reopens part of eastern border for freight traffic',
      authors: ['Aino Virtanen'],
      published: '2024-07-10',
      outlet: null,
    });
    expect(paragraphs).toEqual([
      'The government says the crossing at Vaalimaa will open to lorries only, from next week.',
      'Finland will reopen one crossing on its eastern border to freight traffic from next week, the government said on Wednesday.',
      'Interior Minister Lauri Hakala said passenger traffic would remain suspended.',
      'The border has been closed since November.',
    ]);
  });

  it('kicker, headline-like dek, "Name in City": the name is the author, not the title', async () => {
    const { meta, paragraphs } = await read('kicker-dek-name-in-city.txt');
    expect(meta).toEqual({
      title: 'Lithuania to close two border crossings as migrant pressure grows',
      authors: ['Ruta Kalnina'],
      published: '2024-07-10',
      outlet: null,
    });
    expect(paragraphs).toEqual([
      'Interior minister says the crossings will shut for at least three months from Monday',
      'Lithuania will close two crossings on its border with Belarus from Monday, the interior minister has said, citing a rise in attempts to cross the frontier illegally.',
      'Agne Miliute told a radio station on Wednesday that border guards had stopped more than 400 people in the past week. “We cannot wait for the numbers to double,” she said.',
      'The closures will be reviewed at the end of September, officials said.',
    ]);
  });

  it('sentence dek, then byline and an audio-player note: the note is not body', async () => {
    const { meta, paragraphs } = await read('dek-audio-player.txt');
    expect(meta).toEqual({
      title: 'Portugal’s government survives confidence vote',
      authors: ['Teresa Mota'],
      published: '2024-07-10',
      outlet: null,
    });
    expect(paragraphs).toEqual([
      'Prime minister wins backing of two smaller parties after days of talks.',
      'LISBON — Portugal’s minority government survived a confidence vote on Wednesday after two smaller parties agreed to abstain.',
      'Prime Minister Rui Falcao said the result showed parliament wanted stability.',
      'The vote was 112 to 98.',
      'This article has been updated.',
    ]);
  });

  it('relative time, buttons, a bare author name and an affiliation line', async () => {
    const { meta } = await read('relative-time-bare-author.txt');
    expect(meta).toEqual({
      title: 'Norway to raise defence spending by a fifth, prime minister says',
      authors: ['Ingrid Solberg'],
      published: null,
      outlet: null,
    });
  });
});

describe('wire copy', () => {
  it('a time before the date, and an author box after the body', async () => {
    const { meta, paragraphs } = await read('wire-time-before-date-author-box.txt');
    expect(meta).toEqual({
      title: 'Estonia finds drone fragments near eastern border, defense ministry says',
      authors: ['Martin Kaskla'],
      published: '2024-09-09',
      outlet: 'AP',
    });
    expect(paragraphs).toEqual([
      'TALLINN, Estonia (AP) — Fragments of what appeared to be a drone were found in eastern Estonia near the border overnight, Estonia’s defense ministry said Monday.',
      'The ministry said two fighter jets were scrambled after radar detected a possible airspace violation.',
      '“There was no danger to the population,” the ministry said in a statement.',
      'Estonia shares a 294-kilometer (183-mile) land border with its eastern neighbor.',
      'Associated Press writer Liis Tamm in Tartu contributed to this report.',
    ]);
  });

  it('names the outlet from the dateline when the page does not name itself', async () => {
    const { meta } = await read('wire-dateline-outlet.txt');
    expect(meta).toEqual({
      title: 'Latvia to buy more air defence systems, minister says',
      authors: ['Janis Ozols', 'Marta Berzina'],
      published: '2024-07-10',
      outlet: 'Reuters',
    });
  });
});

describe('held-out layouts (written before the fixes)', () => {
  it('regional paper: kicker, dek, author with role, time-first date lines, photo caption', async () => {
    const { meta, paragraphs } = await read('regional-kicker-affiliation-caption.txt');
    expect(meta).toEqual({
      title: 'Second ferry to run across the Wend while Stanmore bridge is shut',
      authors: ['Hollis Brandvold'],
      published: '2024-08-14',
      outlet: null,
    });
    expect(paragraphs).toEqual([
      'The county council says the extra boat will sail every 20 minutes until the end of October',
      'The Stanmore road bridge has been closed since Monday (Image: Northfield Herald)',
      'A second ferry will run across the Wend estuary from next week while the Stanmore road bridge is closed for repairs, the county council has said.',
      'The bridge was shut on Monday after engineers found corrosion in two of its steel bearings.',
      'Councillor Edna Polworth, who chairs the transport committee, said the extra boat would carry up to 60 foot passengers and cyclists on each crossing.',
      '"We know how much people on both banks rely on this bridge, and we are sorry for the disruption," she said.',
      'Repairs are expected to cost about £900,000 and to finish by the end of October.',
    ]);
  });

  it('magazine: "Words by", Published/Updated lines, a share row, an author bio after the body', async () => {
    const { meta, paragraphs } = await read('magazine-share-row-bio.txt');
    expect(meta).toEqual({
      title: 'Why a loaf of bread in Corvela now costs twice what it did a year ago',
      authors: ['Odile Marchetti', 'Pavel Brunn'],
      published: '2024-06-03',
      outlet: null,
    });
    expect(paragraphs).toEqual([
      'Wheat, energy and a weak currency have combined to push up the price of a staple, and bakers say worse is to come',
      'In the market town of Santaverde, bakers start work at three in the morning, and these days they start it worried.',
      'The price of a standard loaf has risen from 1.10 to 2.25 florins since last May, according to the national statistics office, the steepest rise of any food item in the basket it tracks.',
      'Three causes at once',
      'Flour mills blame the cost of imported wheat, which is priced in dollars and has become dearer as the florin has lost a third of its value.',
      'Energy is the second cause. Gas for the ovens now costs bakeries more than rent, said Ilario Venn, who runs a bakery with nine staff on the main square.',
      '"We have raised prices four times this year and we are still losing money on every tray," he said.',
      "The central bank expects the currency to stabilise by the end of the year, but the bakers' association says prices are unlikely to fall before 2026.",
    ]);
  });

  it('wire rewrite: date line with zone, share buttons, outlet only in the dateline, copyright footer', async () => {
    const { meta, paragraphs } = await read('wire-rewrite-copyright.txt');
    expect(meta).toEqual({
      title: 'Storm Edda cuts power to 40,000 homes along western coast',
      authors: [],
      published: '2024-08-21',
      outlet: 'NordPress',
    });
    expect(paragraphs).toEqual([
      'BERGVIK, Norland (NordPress) — Storm Edda cut power to about 40,000 homes along the western coast overnight, the grid operator said on Wednesday, as winds of up to 140 kilometres per hour brought down lines and trees.',
      'Ferries between Bergvik and the outer islands were cancelled, and the coastal railway was closed north of Halsund.',
      '"Crews are out, but we will not send them up poles in this wind," grid operator spokesperson Maren Tollefsen told reporters.',
      'The weather service kept its red warning in place until Thursday morning.',
    ]);
  });

  it('byline split over name, role, "Published" and date lines below the dek, then share and audio buttons', async () => {
    const { meta, paragraphs } = await read('split-byline-published-line.txt');
    expect(meta).toEqual({ title: 'Judge jails former treasurer for stealing club funds', authors: ['Priya Ramsden'], published: '2025-04-02', outlet: null });
    expect(paragraphs).toEqual([
      'A former football club treasurer who stole £48,000 from its accounts has been jailed for two years.',
      'Derek Hollins, 61, admitted fraud by abuse of position at Carnford Crown Court in February.',
      "The court heard he moved money from Carnford Rovers' accounts into his own over six years to pay gambling debts.",
      'Judge Helen Marr said Hollins had "betrayed the trust of volunteers who gave up their weekends".',
      'The club said it had since changed its banking rules so that two officials must approve every payment.',
    ]);
  });

  it('"By" with a newsroom role, a published and an updated time on one line, then share buttons', async () => {
    const { meta, paragraphs } = await read('timed-published-updated-role.txt');
    expect(meta).toEqual({ title: 'Brinmoor council votes to close Dellow Street fire station', authors: ['Anita Ferrows'], published: '2025-03-14', outlet: 'Coastal Ledger' });
    expect(paragraphs[0]).toMatch(/^Brinmoor's city council voted 7-2/);
    expect(paragraphs.at(-1)).toBe('The council will review the decision in September.');
    expect(paragraphs).toHaveLength(7);
  });

  it('a role on the name line, a "Last modified" line, a photo credit and an ad-slot note in the body', async () => {
    const { meta, paragraphs } = await read('role-on-name-line-credit-continues.txt');
    expect(meta).toEqual({ title: 'Night trains between Ostmark and Velden to return after 12-year gap', authors: ['Lena Marsh'], published: '2025-03-03', outlet: null });
    expect(paragraphs).toEqual([
      'Operator says first sleeper service will run in December, with tickets on sale from next month',
      'A sleeper train will run between Ostmark and Velden from December for the first time in 12 years, the rail operator Nordbahn has announced.',
      'The service will leave Ostmark at 9pm three times a week and arrive in Velden at 8am the next day.',
      'Tickets will go on sale in April, starting at €49 for a seat and €129 for a private cabin.',
      'Nordbahn\'s chief executive, Tomas Feld, said demand for night trains had "doubled since the pandemic".',
      'Environmental groups welcomed the move but said the fares were still too high compared with flights.',
    ]);
  });

  it('a labelled list of key points between the headline and the byline: the headline is above the label', async () => {
    const { meta, paragraphs } = await read('key-points-under-headline.txt');
    expect(meta).toEqual({ title: 'Council tax to rise by 4.9% in Marlow Vale', authors: ['Tom Ashgrove'], published: '2025-02-21', outlet: null });
    expect(paragraphs).toContain('Band D bills will go up by £97 a year');
    expect(paragraphs).toContain('Residents on low incomes can apply for a discount of up to 25%.');
    expect(paragraphs).not.toContain('Local Democracy Reporter');
  });

  it('HTML without metadata: the site named after the headline in the page title, "By" with a <time>', async () => {
    const { meta, paragraphs } = await read('html-site-in-page-title.html');
    expect(meta).toEqual({ title: 'Bridge repairs to close Hallam Road for six weeks', authors: ['Ines Harrow'], published: '2025-01-20', outlet: 'Northgate Post' });
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs.join(' ')).not.toMatch(/Sign up|Related|potholes/);
  });

  it('HTML: a date line in the article text, and a list of links to other stories inside the article', async () => {
    const { meta, paragraphs } = await read('html-date-line-link-list.html');
    expect(meta).toEqual({ title: 'Flood warnings issued for three rivers', authors: ['Martha Quill'], published: '2025-01-11', outlet: 'Dale Courier' });
    expect(paragraphs.at(-1)).toBe('About 200 homes were flooded in the same valleys in 2023.');
    expect(paragraphs.join(' ')).not.toMatch(/Snow closes|school wins|Bus fares/);
  });

  it('a masthead date above the menus, and two authors on two lines above the date line', async () => {
    const { meta, paragraphs } = await read('masthead-date-authors-on-two-lines.txt');
    expect(meta).toEqual({ title: 'Mill closure to cost 300 jobs in Eastbrook', authors: ['Daniel Okoro', 'Meera Nair'], published: '2025-04-16', outlet: null });
    expect(paragraphs[1]).toMatch(/^Eastbrook's paper mill will close in July/);
    expect(paragraphs.at(-1)).toBe("Staff will be offered jobs at the company's plant in Westmere, 90 miles away.");
  });

  it('a reading time between the headline and the date line', async () => {
    const { meta } = await read('reading-time-under-headline.txt');
    expect(meta).toEqual({ title: 'Typhoon forces 40,000 to evacuate in northern Luzara', authors: [], published: '2025-09-14', outlet: 'Pacific Wire' });
  });

  it.each([
    ['german-von-veroeffentlicht.txt', 'Brauerei in Falkenried schließt nach 140 Jahren', 'Jonas Albers', '2025-03-12', 3],
    ['french-par-publie-mis-a-jour.txt', 'Le pont de Saint-Aubrac fermé pour six mois', 'Claire Vasseur', '2025-02-04', 3],
    ['spanish-por-actualizado.txt', 'Valdecasas tendrá un nuevo parque junto al río', 'Lucía Marín', '2025-05-08', 2],
    ['ukrainian-avtor-date.txt', 'У Вільшанах відкрили новий міст через річку', 'Олена Коваль', '2024-09-09', 3],
    ['french-saved-markdown.md', 'La médiathèque de Montclair ouvrira le dimanche', 'Julie Armand', '2025-04-09', 3],
  ])('a page in another language: byline, date and prose read in its words (%s)', async (file, title, author, published, count) => {
    const { meta, paragraphs } = await read(file);
    expect(meta).toEqual({ title, authors: [author], published, outlet: null });
    expect(paragraphs).toHaveLength(count);
  });

  it('an Italian HTML page: "di" before the author, the date line in the text, the site after the headline in the title', async () => {
    const { meta, paragraphs } = await read('italian-html-di-pubblicato.html');
    expect(meta).toEqual({ title: 'Mensa scolastica, nuovo menù da settembre', authors: ['Marco Bellandi'], published: '2025-03-03', outlet: 'Corriere di Valdora' });
    expect(paragraphs).toHaveLength(3);
  });

  it("readers' comments after the body are not the article's text", async () => {
    const { meta, paragraphs } = await read('readers-comments-after-body.txt');
    expect(meta).toEqual({ title: 'Library to open on Sundays from May', authors: ['Rhea Castell'], published: '2025-04-02', outlet: null });
    expect(paragraphs.at(-1)).toBe('The council said the extra day would cost £48,000 a year.');
    expect(paragraphs).toHaveLength(3);
  });
});
