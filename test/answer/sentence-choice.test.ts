import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageService } from '../../src/coverage.js';
import { LATER_ABSTENTION, PROSPECT_ABSTENTION, UNNAMED_ABSTENTION, WITHHELD_ABSTENTION } from '../../src/answer/compose.js';
import { leadQuote, openTestCoverage, type TestCoverage } from '../helpers/coverage-index.js';

// Which sentence of the right article answers, when the sentence that does is not the one repeating the question.
const ARTICLES: Record<string, string> = {
  'marrowby-reunion.md': `---
title: "Marrowby Quartet to play reunion shows"
outlet: The Lantern Post
date: 2023-03-14
---

The Marrowby Quartet will play three reunion shows at the Calder Hall in Wenlow this autumn, their promoter has announced.

The Marrowby Quartet were formed in 1968 by the brothers Aled and Tomos Wyck, with the drummer Perrin Holt joining two years later.

Their first hit was 1970's Copper Kettle, and they went on to record eleven albums before splitting up in 1987.

The Marrowby Quartet's back catalogue was reissued on vinyl in 2019, which brought the band a younger audience.

Tickets for the Calder Hall shows go on sale on Friday.
`,
  'tessary-warning.md': `---
title: "Tessary shares fall after profit warning"
outlet: Coastline Daily
date: 2024-06-03
---

Shares in the ferry operator Tessary fell by a fifth on Monday after it warned that profits would be lower than expected.

The company blamed a late spring and the delayed delivery of two vessels for the shortfall.

Mina Okafor, an analyst at Harlow Grange, said the market would be focusing on the fall in ticket sales rather than on the two late ships, which the shipyard now expects to hand over before the autumn.

"It is unusual to see a downgrade this size just because two ships are late," she said.

"The delay is disappointing, but it does not change our view of the route network," Tessary's chairman added.
`,
  'calder-hall-repairs.md': `---
title: "Calder Hall to close for roof repairs"
outlet: Coastline Daily
date: 2023-09-01
---

The Calder Hall in Wenlow will close for roof repairs in January, the town council said on Tuesday.

The council expects the work to take six weeks and to cost less than the repairs made to the hall in 2009.
`,
  'rook-restaurant.md': `---
title: "Tamsin Rook opens a second restaurant"
outlet: The Lantern Post
date: 2024-04-22
---

Tamsin Rook, the chef behind the Wenlow Larder, has opened a second restaurant on the harbour at Port Carrow.

Tamsin Rook said the new kitchen would serve fish landed at the harbour that morning.

The menu changes every day, and the wine list is kept deliberately short and cheap.

Tamsin Rook trained in Lyon before returning to the valley to open the Wenlow Larder in 2015.
`,
  'marwood-board.md': `---
title: "Mayor meets harbour board"
outlet: Coastline Daily
date: 2024-05-14
---

Mayor Ilse Marwood met the Carrow harbour board on Tuesday for the first time since her election.

After her meeting with the harbour board, Marwood expressed hope that the council would approve the new berth.

"Today we talked about the ferry timetable and the new berth," she said.

The board did not comment.
`,
  'pell-bridge.md': `---
title: "Second bridge plan divides the council"
outlet: Coastline Daily
date: 2024-06-20
---

On 2 June, councillor Adam Strand revealed that the council was considering an offer from Portugal to build a second bridge over the Calder.

On 3 June, Mayor Juno Pell expressed opposition to the idea of Portugal paying for another crossing of the Calder.

In a radio interview, Pell was asked about the offer.

The council will vote on the offer in July.
`,
  'orrin-board.md': `---
title: "Orrin ferry board changes"
outlet: Coastline Daily
date: 2024-02-09
---

The chairman of the Orrin ferry board visited the new terminal on Friday.

The chairman of the Orrin ferry board resigned on Monday.

The Orrin ferry board's annual dinner was held at the terminal in 2022.

The Orrin ferry board's annual dinner has been cancelled this year.
`,
  'velmora-chain.md': `---
title: "Velmora and the Corrin depot"
outlet: Coastline Daily
date: 2024-02-12
---

Velmora runs bus services in the northern valleys.

Its fleet of 140 buses carries about nine million passengers a year.

Velmora built the Corrin bus depot in 2016.

Velmora sold the Corrin bus depot in 2023.

Most of its buses are now kept at a yard in Hollin.
`,
  'tarn-hoard.md': `---
title: "Tarn Valley coin hoard goes on show"
outlet: Coastline Daily
date: 2024-03-04
---

More than 300 silver coins go on show at the Hollin museum in May.

They were struck in the reign of a king of the valley.

A retired teacher photographed the Tarn Valley coin hoard in 2021.

A retired teacher found the Tarn Valley coin hoard in 2019.
`,
  'harwick-march.md': `---
title: "Harwick dockers to march over pay"
outlet: Coastline Daily
date: 2024-03-08
---

Nearly 900 of the union's members will march to the port authority's offices on Monday, the Harwick Dockers' Union said.

The union said the offer was the lowest in a decade.
`,
  'harlan-mill.md': `---
title: "Harlan mill changes hands"
outlet: Coastline Daily
date: 2024-04-02
---

The old flour mill at Harlan Quay has been bought, its owners said on Tuesday.

The mill closed in 2011 and has stood empty since.

Dunmore has agreed to buy the Harlan Quay grain silos, the port authority said.
`,
  'lorne-exchange.md': `---
title: "Lorne exchange weighs rule on C shares"
outlet: Wire Service
date: 1987-04-03
---

The Lorne Stock Exchange is considering new rules on different classes of shares after a spate of "C" share issues by local firms.

Analysts have said the "C" shares are designed largely to protect the interests of majority holders.

But local newspapers quoted Brackwater director Ines Dorrit as saying the firm will withdraw its issue if the new rule is approved.
`,
  'harl-bank-rates.md': `---
title: "Little scope for a rate rise, says Harl Bank"
outlet: Wire Service
date: 1987-04-02
---

There is little scope for a rise in Fenwick interest rates this year, said Harl Bank chairman Odo Pellam.

Pellam said a restructuring of the bank over two years had limited its exposure to swings in interest rates. A one point rise in rates this year would cost shareholders about 18 pence a share, he said.
`,
  'orrin-rail.md': `---
title: "Orrin rail merger may be heard again"
outlet: Wire Service
date: 1987-04-02
---

The merger of the Orrin and Lask railways was blocked by the Transport Commission last July on competition grounds.

The company has since offered track-sharing rights to four other railways to persuade the commission to reopen the hearings.

"My guess is the commission will decide in three to six weeks whether to reopen hearings," said the analyst Tomas Vell.
`,
  'lask-metals.md': `---
title: "Copper climate improving, says Lask Metals"
outlet: Wire Service
date: 1987-04-01
---

The climate for base metals is improving as funds switch from the dollar and stock markets, Lask Metals said in its monthly newsletter.

Copper prices in March gained some 12 pct in dollar terms, and copper is felt to be cheap relative to tin, Lask Metals said.
`,
  'harl-loans.md': `---
title: "Harl Bank puts Corvania loans on non-accrual"
outlet: Wire Service
date: 1987-04-01
---

Harl Bank said it placed its 900 mln dlrs of loans to Corvania on non-accrual status because of the country's halt on interest payments.

As a result, the bank's net income for the first quarter will be reduced by about 20 mln dlrs.

The bank's shares closed unchanged on the news, at 14 dlrs.
`,
  'brannock-stake.md': `---
title: "Brannock takes majority stake in Pell Gears"
outlet: Wire Service
date: 1987-03-31
---

Brannock AG said it had agreed to take a majority stake in the Pell Gears car parts group for an undisclosed sum.

Brannock's group net profit in 1985 was 255.9 mln marks, and its shares eased 3.20 marks to 178.30 on the news.

The stake was sold by the founding Pell family, which will keep a seat on the board.
`,
  'lask-union.md': `---
title: "Tolvan asks Lask Union for help with its ports"
outlet: The Lantern Post
date: 2024-10-03
---

The Tolvan president met Lask Union Secretary General Mira Okoye on Tuesday to ask for help in guarding the country's ports.

The ports would get the patrol boats once the member states had agreed to share the cost of the crews and their training, Okoye said.

The president said the ports needed the patrol boats.
`,
  'tolva-grant.md': `---
title: "Tolva gives grant to Harwick flood survivors"
outlet: The Lantern Post
date: 2023-05-02
---

An estimated 25,000 girls and women lost their homes in the 2019 floods.

Tolva is to give a £4m grant to help women who lost their homes in the Harwick floods.

The five-year funding will pay for new housing and counselling.
`,
  'brandt-runner.md': `---
title: "Brandt could run in cross-country championships"
outlet: The Lantern Post
date: 2005-02-20
---

Odile Brandt has said she would like to run in next month's cross-country championships in Lask.

The federation has hinted that the 35-year-old runner may be picked for the event on 19 March.

Brandt is at present preparing for the Harwick marathon on 17 April, which she won three years ago.
`,
  'orrin-ferry-photo.md': `---
title: "Orrin ferry back in service"
outlet: The Lantern Post
date: 2024-03-04
---

The Orrin ferry returned to service on Monday after a two-week strike by its crews.

(Photo: Tomas Vell/Harbour Press via Lask Images)

The crossing takes forty minutes and runs every hour.
`,
  'corran-notes.md': `---
title: "CORRAN MILLS TO REDEEM NOTES"
outlet: Wire Service
date: 1987-04-02
---

Corran Mills Inc said it plans to redeem on May 1 all of its outstanding nine pct notes due 2001.

As of March 31, there were 42.5 mln dlrs of the notes outstanding, held by about 300 investors.

The redemption price will be 103 pct of the principal amount, the company said.
`,
  'selby-haven-wheat.md': `---
title: "Selby Haven shipments climb"
outlet: Wire Service
date: 1987-04-06
---

Shipments through Selby Haven climbed in March, freight agents said.

Exports of wheat through the port rose to 412,300 tonnes in March from 380,000 tonnes a year earlier.

The port authority said its fees for March came to 2.1 mln dlrs, most of them paid on wheat cargoes.
`,
  'vossberg-trial.md': `---
title: "Vossberg fraud trial opens"
outlet: Wire Service
date: 1987-03-02
---

The fraud trial of the former Tolva Mills chairman Hal Vossberg opened in Harwick on Monday with the choice of a jury.

Vossberg is accused of hiding losses of 40 mln dlrs from the mill's lenders, and denies the charges.

If convicted of fraud, Vossberg could face up to ten years in prison.
`,
  'corran-lawsuit.md': `---
title: "Customer sues Corran over ticket tie-in"
outlet: Wire Service
date: 1987-05-04
---

A customer has sued Corran Rail in Harwick, saying its season tickets tie riders to its own buses.

Ada Quill, who filed the suit on Monday, is seeking damages from the company.

Corran declined to comment on the lawsuit.
`,
  'pellinger-move.md': `---
title: "Pellinger agrees Orrin United move"
outlet: Wire Service
date: 1987-01-12
---

The winger Brede Pellinger has agreed a move to Orrin United from Harwick Town, subject to a medical.
`,
  'orrin-united-win.md': `---
title: "Orrin United beat Lask"
outlet: Wire Service
date: 1987-02-02
---

Orrin United scored four goals in their 4-1 win over Lask on Saturday, with Tomas Brill scoring twice.
`,
  'corvin-gig.md': `---
title: "Singer Ada Corvin in gig scuffle"
outlet: Wire Service
date: 1987-06-01
---

The singer Ada Corvin was held after a scuffle at a concert in Harwick on Friday, her label said.

A fan climbed on stage and Corvin then became involved in a scuffle with a doorman, label spokesman Tam Roe said.

She did not know he was a doorman, Mr Roe added.
`,
  'harwick-quay-bids.md': `---
title: "Harwick council weighs quay bids"
outlet: Wire Service
date: 1987-07-02
---

The Harwick council said it had received bids for the old quay from several shipping companies.

It said two of the bids had been made on the last day of the tender, after the deadline had been extended twice.

The council cited two late bidders whose offers were above the asking price. Officials declined to identify the two bidders.
`,
  'venn-award.md': `---
title: "Harl Venn wins short film prize"
outlet: Wire Service
date: 1987-03-30
---

The director Harl Venn has won the Lantern short film prize for her drama Marrowglass.

"I felt so lucky to see my film on such a big screen," she said.

She is now working on a documentary with the producer Ada Quillon.
`,
  'dalby-trial.md': `---
title: "Dalby trial to open"
outlet: Wire Service
date: 1987-03-02
---

The fraud trial of the shipping agent Nils Dalby is set to open in Harwick next week.

If convicted of fraud, Dalby could face a heavy fine.
`,
  'dalby-verdict.md': `---
title: "Dalby convicted"
outlet: Wire Service
date: 1987-04-20
---

A Harwick jury convicted the shipping agent Nils Dalby of fraud on Friday, after a trial lasting six weeks.
`,
  'marl-turbines.md': `---
title: "Marl Electric settles over Selby Point turbines"
outlet: Wire Service
date: 1987-04-02
---

Marl Electric will pay the owners of the Selby Point power station 50 mln dlrs over faults found in the turbines it built there.

The owners' chief engineer did not say what faults were found.
`,
  'harl-shipping-april.md': `---
title: "Harl Shipping shares rise"
outlet: Wire Service
date: 1987-04-02
---

Shares in Harl Shipping rose 5 pct on Monday after the company won a contract to carry grain for Selby Haven.
`,
  'harl-shipping-october.md': `---
title: "Harl Shipping shares slump"
outlet: Wire Service
date: 1987-10-21
---

Shares in Harl Shipping fell 30 pct in October 1987 as stock markets crashed around the world.
`,
  'harwick-exchange.md': `---
title: "Harwick bourse hits record"
outlet: Wire Service
date: 2005-01-20
---

The Harwick Grain Exchange (HGE) closed at a record on Friday after a rally in farm shares, brokers said.

Foreign funds had bought heavily all week.

In 2002 the HGE's main index kept rising, to end the year up 112%.
`,
  'tolvan-air-award.md': `---
title: "Court awards Tolvan Air compensation"
outlet: Wire Service
date: 2005-01-12
---

A court on Tuesday awarded the airline Tolvan Air $3bn, to be paid by the Tolvan transport ministry over fares it had frozen.

Tolvan Air owes its banks $9bn.

The ministry may appeal the ruling.
`,
  'harl-flour-view.md': `---
title: "Bread to cost more as flour prices climb"
outlet: Wire Service
date: 2005-02-18
---

Bread prices in Harl rose again on Friday, bakers said.

"Flour will not get any cheaper this year," said Ada Brennt, a miller at Harl Mills.

"We expect the smallest rye harvest in ten years."

Other millers were more cautious about the harvest.
`,
  'quellmark-fair.md': `---
title: "Quellmark harvest fair draws record crowd"
outlet: The Lantern Post
date: 2005-09-12
---

The Quellmark harvest fair closed on Sunday with music, markets and dancing.

Organisers said about 12,000 visitors came to the Quellmark harvest fair this year.

The Quellmark harvest fair opened on Friday with a 45-minute parade of 30 floats.
`,
};

let fixture: TestCoverage;
let coverage: CoverageService;

beforeAll(async () => {
  fixture = await openTestCoverage({ articles: ARTICLES });
  coverage = fixture.coverage;
});
afterAll(() => fixture?.close());

describe('choosing the sentence that answers within the right article', () => {
  it('reads a sentence that opens with a pronoun as naming what the sentence before named', async () => {
    // The other sentences name the band; only the one that calls it "their" says which hit came first.
    expect(await leadQuote(coverage, "What was the Marrowby Quartet's first hit?")).toContain('Copper Kettle');
  });

  it('answers "what did X say" with reported speech, not with a quotation beside it that says something else', async () => {
    expect(await leadQuote(coverage, 'What did the Harlow Grange analyst say the market would be focusing on after the Tessary profit warning?')).toContain('fall in ticket sales');
  });

  it('cites more sentences of the article that says the question before an article that only shares some of its words', async () => {
    const answer = await coverage.ask('What did the Marrowby Quartet do before the Calder Hall reunion shows?', { k: 3 });
    expect(answer.abstained).toBe(false);
    expect(answer.citations).toHaveLength(3);
    // The repairs story names the hall but not the band: it is not evidence, so the band's story fills the list.
    for (const c of answer.citations) expect(c.title).toBe('Marrowby Quartet to play reunion shows');
    const more = await coverage.ask('What did the Marrowby Quartet do before the Calder Hall reunion shows?', { k: 5 });
    expect(more.citations.filter((c) => c.title === 'Marrowby Quartet to play reunion shows')).toHaveLength(3);
  });

  it('finds, within the article about someone, the sentence saying what is asked about them though it does not name them', async () => {
    // Three sentences name the chef; the one about the wine list calls her by no name at all.
    expect(await leadQuote(coverage, 'Tamsin Rook restaurant wine list')).toContain('wine list');
  });

  it('asked what two people talked about, quotes what was talked about, not one of them reported saying something else', async () => {
    expect(await leadQuote(coverage, 'What did Marwood and the harbour board talk about at their meeting?')).toContain('ferry timetable');
  });

  it('answers "what did X say" with what X is reported saying, not what another speaker said about the same place', async () => {
    // Strand's sentence says the question's words, but Strand is not Pell; Pell's own sentence says it in others.
    expect(await leadQuote(coverage, 'What did Pell say about Portugal building a second bridge over the Calder?')).toContain('expressed opposition');
  });

  it('reads a phrasal verb by its meaning: "step down" is resigning, "call off" cancelling', async () => {
    // Each pair of sentences says the same things but for the verb.
    expect(await leadQuote(coverage, 'When did the chairman of the Orrin ferry board step down?')).toContain('resigned on Monday');
    expect(await leadQuote(coverage, "Has the Orrin ferry board's annual dinner been called off?")).toContain('has been cancelled');
  });

  it('reads an irregular past tense as its verb: "built" is build, "sold" sell', async () => {
    // The two sentences differ only in the verb and the year.
    expect(await leadQuote(coverage, 'When did Velmora build the Corrin bus depot?')).toContain('2016');
    expect(await leadQuote(coverage, 'When did Velmora sell the Corrin bus depot?')).toContain('2023');
  });

  it('counts and searches a verb the asker did not write in its irregular forms: "discovered" is "find", written "found"', async () => {
    // The two sentences differ only in the verb and the year; no article writes "find" itself.
    expect(await leadQuote(coverage, 'When was the Tarn Valley coin hoard discovered?')).toContain('2019');
  });

  it('reads "how many million dollars" as asking for a sum of money, written the wire\'s way ("mln dlrs")', async () => {
    // The opening sentence says every word of this question but holds no sum of money.
    expect(await leadQuote(coverage, 'How many million dollars of its notes does Corran Mills have outstanding?')).toContain('42.5 mln dlrs');
  });

  it('reads "quoted X as saying" and "…, he said" after a sentence naming X as X speaking, and a quoted word as no quotation', async () => {
    // The analysts' sentence holds a quoted letter, not speech.
    expect(await leadQuote(coverage, 'What did Brackwater director Ines Dorrit say the firm would do if the new rule on C shares is approved?')).toContain(
      'withdraw its issue',
    );
    expect(await leadQuote(coverage, 'What did Harl Bank chairman Odo Pellam say a one point rise in rates would cost shareholders?')).toContain('18 pence');
  });

  it('answers "when" with a time from now ("in three to six weeks") as well as with a date', async () => {
    expect(await leadQuote(coverage, 'When does the analyst Tomas Vell expect the commission to decide whether to reopen the hearings?')).toContain(
      'three to six weeks',
    );
  });

  it('answers "how much did it go up" with the change, not with a sum of money', async () => {
    expect(await leadQuote(coverage, 'How much did copper go up last month, according to the Lask Metals newsletter?')).toContain('12 pct');
  });

  it('reads a sentence opening "As a result, …" as saying what the sentence before it said', async () => {
    expect(await leadQuote(coverage, "By how much will Harl Bank's first quarter net income be reduced by putting its Corvania loans on non-accrual?")).toContain(
      'about 20 mln dlrs',
    );
  });

  it('refuses to give a sum the article says was not disclosed, and says so, but gives the sums it does', async () => {
    const answer = await coverage.ask('How much did Brannock pay for its majority stake in Pell Gears?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toBe(WITHHELD_ABSTENTION);
    expect(answer.closest[0]?.quote).toContain('for an undisclosed sum');
    // The article's other sums are given.
    expect(await leadQuote(coverage, "How much was Brannock's group net profit in 1985?")).toContain('255.9 mln marks');
  });

  it('reads a surname as the role the article first gave it ("Secretary General Mira Okoye" … "Okoye said …")', async () => {
    // The president's sentence says as much about the boats: only the role tells the two speakers apart.
    expect(await leadQuote(coverage, 'What did the secretary general say about patrol boats for the ports?')).toContain('would get the patrol boats');
  });

  it('reads a number the asker writes in digits as the article\'s spelt-out one', async () => {
    // An article must say every number the question gives: "4" is said by "four".
    expect(await leadQuote(coverage, 'Why did the company offer track-sharing rights to 4 other railways?')).toContain('four other railways');
  });

  it("reads contracted auxiliaries (\"couldn't\", \"won't\") as the function words they are", async () => {
    expect(await leadQuote(coverage, "Why couldn't the Orrin and Lask railways merge?")).toContain('on competition grounds');
  });

  it('reads a misspelt name as the near spelling the coverage holds ("Dorit" for Dorrit)', async () => {
    expect(await leadQuote(coverage, 'What did Dorit say the firm would do about the new rule?')).toContain('withdraw its issue');
  });

  it('answers "how many women" with the number that counts women, not with a sum beside them', async () => {
    expect(await leadQuote(coverage, 'How many women lost their homes in the Harwick floods?')).toContain('25,000 girls and women');
  });

  it('answers "who" with a surname alone when the article names that person in full elsewhere', async () => {
    expect(await leadQuote(coverage, "Who said a restructuring had limited the bank's exposure to swings in interest rates?")).toContain(
      'Pellam said a restructuring',
    );
  });

  it('answers "how many people" with a number of a kind of person ("visitors"), not with another number', async () => {
    expect(await leadQuote(coverage, 'How many people went to the Quellmark harvest fair?')).toContain('12,000 visitors');
  });

  it('quotes the rest of what the speaker said when the quotation goes on in the next sentence', async () => {
    const quote = await leadQuote(coverage, 'What did Harl Mills miller Ada Brennt say about flour?');
    expect(quote).toContain('Flour will not get any cheaper');
    expect(quote).toContain('smallest rye harvest');
    // Asked something else, the sentence that answers is quoted alone.
    const mill = await leadQuote(coverage, 'Which mill is miller Ada Brennt at?');
    expect(mill).toContain('Harl Mills');
    expect(mill).not.toContain('rye harvest');
  });

  it('answers "how old" with an age, not with another number', async () => {
    expect(await leadQuote(coverage, 'How old is Odile Brandt?')).toContain('35-year-old');
  });

  it('never quotes an aside in brackets (a photo credit) as an answer', async () => {
    const answer = await coverage.ask('What did Harbour Press say about the Orrin ferry strike?');
    for (const c of [...answer.citations, ...answer.closest]) expect(c.quote).not.toMatch(/^\(Photo/);
  });

  it('refuses what happened when the coverage reports it only as a prospect ("if convicted"), and answers it from a later article', async () => {
    const before = await coverage.ask('Was Hal Vossberg convicted of fraud?');
    expect(before.abstained).toBe(true);
    expect(before.answer).toBe(PROSPECT_ABSTENTION);
    expect(before.closest[0]?.quote).toContain('If convicted');
    // The article's facts are still given, and a question about the prospect itself is answered by it.
    expect(await leadQuote(coverage, 'How much in losses was Vossberg accused of hiding?')).toContain('40 mln dlrs');
    expect(await leadQuote(coverage, 'What could Hal Vossberg face if convicted of fraud?')).toContain('ten years in prison');
    expect(await leadQuote(coverage, 'Was Nils Dalby convicted of fraud?')).toContain('jury convicted');
    // A search-box query has no tense: its participle asks for nothing that happened.
    expect((await coverage.ask('Vossberg fraud trial prison convicted')).answer).not.toBe(PROSPECT_ABSTENTION);
  });

  it('refuses how many did something when the story only says how many will, the number being the future verb\'s subject', async () => {
    const answer = await coverage.ask('How many members of the Harwick union actually marched on Monday?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toBe(PROSPECT_ABSTENTION);
    expect(await leadQuote(coverage, 'How many members of the Harwick union are expected to march on Monday?')).toContain('Nearly 900');
  });

  it('refuses when the article with the answer\'s words never names the player asked about', async () => {
    // Another story gives Orrin United's goals; the only one naming Pellinger gives none of his.
    expect((await coverage.ask('How many goals did Pellinger score for Orrin United in the win over Lask?')).abstained).toBe(true);
    expect(await leadQuote(coverage, 'How many goals did Tomas Brill score for Orrin United against Lask?')).toContain('scoring twice');
  });

  it('refuses the name of someone the article only calls "a doorman", and says the source does not give the name', async () => {
    const answer = await coverage.ask("What's the name of the doorman Ada Corvin got into a scuffle with?");
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toBe(UNNAMED_ABSTENTION);
    expect(answer.closest[0]?.quote).toContain('with a doorman');
  });

  it('refuses "which two bidders" when the article says officials declined to identify them', async () => {
    const answer = await coverage.ask('Which two bidders did the Harwick council say had bid above the asking price for the quay?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toBe(WITHHELD_ABSTENTION);
    expect(answer.closest[0]?.quote).toContain('declined to identify');
  });

  it('refuses the title of a documentary the article only calls "a documentary", but gives the one it names', async () => {
    const answer = await coverage.ask("What's the documentary Harl Venn is making with Ada Quillon called?");
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toBe(UNNAMED_ABSTENTION);
    expect(await leadQuote(coverage, 'What is the drama that won Harl Venn the Lantern prize called?')).toContain('Marrowglass');
  });

  it('refuses "did she get damages" when the article only says she is seeking them', async () => {
    const answer = await coverage.ask('Did the customer who sued Corran Rail over its season tickets get any damages?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toBe(PROSPECT_ABSTENTION);
    expect(await leadQuote(coverage, 'Who sued Corran Rail over its season tickets?')).toContain('Ada Quill');
  });

  it('refuses "what faults" when the article says it was not said what faults, and answers what was paid', async () => {
    const answer = await coverage.ask('What faults did Marl Electric leave in the Selby Point turbines?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toBe(WITHHELD_ABSTENTION);
    expect(answer.closest[0]?.quote).toContain('did not say what faults');
    expect(await leadQuote(coverage, 'How much will Marl Electric pay over the Selby Point turbines?')).toContain('50 mln dlrs');
  });

  it('refuses what happened in a month no source was published after, and answers from one published since', async () => {
    const answer = await coverage.ask('How far did Harl Shipping shares fall in November 1987?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toBe(LATER_ABSTENTION);
    expect(await leadQuote(coverage, 'How far did Harl Shipping shares fall in October 1987?')).toContain('fell 30 pct');
  });

  it('reads an acronym the article spelt out once as the name it stands for ("the HGE" says "Harwick Grain Exchange")', async () => {
    expect(await leadQuote(coverage, 'harwick grain exchange 2002 index rise')).toContain('up 112%');
  });

  it('refuses "did they appeal" when the article says only that they can, and answers what the court awarded', async () => {
    const answer = await coverage.ask("Did the Tolvan transport ministry appeal the court's award to Tolvan Air?");
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toBe(PROSPECT_ABSTENTION);
    expect(await leadQuote(coverage, 'How much did the court award Tolvan Air?')).toContain("$3bn");
  });

  it('answers "how much wheat"" with a quantity, and "how much in fees" with a sum', async () => {
    // "How much" asks for money only when its noun is money: tonnes answer how much wheat left the port.
    expect(await leadQuote(coverage, 'How much wheat went out through Selby Haven in March?')).toContain('412,300 tonnes');
    expect(await leadQuote(coverage, 'How much did Selby Haven take in fees in March?')).toContain('2.1 mln dlrs');
  });

  it('answers "who bought …"" with a company\'s name, and refuses it when no sentence names the buyer', async () => {
    expect(await leadQuote(coverage, 'Who bought the Harlan Quay grain silos?')).toContain('Dunmore has agreed to buy');
    // The article names no buyer of the mill: the company that bought the silos is no answer.
    expect((await coverage.ask('Who bought the old flour mill at Harlan Quay?')).abstained).toBe(true);
  });
});
