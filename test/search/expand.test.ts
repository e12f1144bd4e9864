import { beforeAll, describe, expect, it } from 'vitest';
import { expandQuery } from '../../src/search/expand.js';
import { parseQuery } from '../../src/search/query.js';
import { specificity } from '../../src/search/word-weights.js';
import { lightStem } from '../../src/text/terms.js';
import { openWordNet, type WordNet } from '../../src/wordnet/wordnet.js';

let wordnet: WordNet;
beforeAll(() => {
  wordnet = openWordNet();
});

const everything = () => true;

describe('expandQuery with WordNet', () => {
  it('expands "jobless" to "unemployed" only when the index holds "unemployed"', () => {
    const query = parseQuery('How many jobless people found work in Harwick?');
    const jobless = query.words.indexOf('jobless');
    const withIt = expandQuery(query, wordnet, (w) => w === 'unemployed');
    const unemployed = withIt.find((e) => e.words.join(' ') === 'unemployed');
    expect(unemployed?.covers).toEqual([jobless]);
    // Nothing else is in the index, so nothing else can be offered.
    expect(withIt.every((e) => e.words.every((w) => w === 'unemployed' || ['of', 'out'].includes(w)))).toBe(true);

    const without = expandQuery(query, wordnet, (w) => w !== 'unemployed');
    expect(without.some((e) => e.words.includes('unemployed'))).toBe(false);
    expect(expandQuery(query, wordnet, () => false)).toEqual([]);
  });

  it('reads a compound written solid as its two words, and two words as the solid compound, when the index writes it so', () => {
    const solid = parseQuery('How long did the heatwave last in Harwick?');
    const heatwave = solid.words.indexOf('heatwave');
    const open = expandQuery(solid, wordnet, (w) => ['heat', 'wave'].includes(w));
    expect(open.find((e) => e.words.join(' ') === 'heat wave')?.covers).toEqual([heatwave]);

    const apart = parseQuery('How many air strikes hit Harwick?');
    const joined = expandQuery(apart, wordnet, (w) => w === 'airstrikes');
    expect(joined.find((e) => e.words.join(' ') === 'airstrikes')?.covers).toEqual([apart.words.indexOf('air'), apart.words.indexOf('strikes')]);
    expect(expandQuery(apart, wordnet, (w) => w === 'harwick').some((e) => e.words.includes('airstrikes'))).toBe(false);
  });

  it('offers the wire-copy abbreviations of a word the index holds ("mln dlrs"), never a word of its own', () => {
    const query = parseQuery('Did Corran raise a million dollars?');
    const found = expandQuery(query, wordnet, (w) => ['mln', 'dlrs', 'mil', 'mlns'].includes(w)).map((e) => e.words.join(' '));
    expect(found).toEqual(expect.arrayContaining(['mln', 'dlrs']));
    // "mil" is a unit in its own right; "mlns" does not end as "million" does.
    expect(found).not.toContain('mil');
    expect(found).not.toContain('mlns');
    expect(expandQuery(query, wordnet, () => false)).toEqual([]);
  });

  it('abbreviates a run of words to its initials when the index holds them ("second generation" → "2g", "Harwick Grain Exchange" → "hge")', () => {
    const query = parseQuery('When did the Harwick Grain Exchange sell second-generation seed drills?');
    const expansions = expandQuery(query, wordnet, (w) => ['2g', 'hge', 'sd', 'ges'].includes(w));
    const covered = (letters: string) => expansions.find((e) => e.words.join(' ') === letters)?.covers.map((i) => query.words[i]);
    expect(covered('2g')).toEqual(['second', 'generation']);
    expect(covered('hge')).toEqual(['harwick', 'grain', 'exchange']);
    expect(expansions.find((e) => e.words[0] === '2g')!.factor).toBeLessThan(0.8);
    // Two letters are too few to tell from chance; a run is all names or none.
    expect(covered('sd')).toBeUndefined();
    expect(covered('ges')).toBeUndefined();
  });

  it('weighs every expansion below the asker’s own words, and never repeats a question word', () => {
    const query = parseQuery('Why did the jobless dockworkers march to the wire service office?');
    const expansions = expandQuery(query, wordnet, everything);
    expect(expansions.length).toBeGreaterThan(0);
    for (const e of expansions) {
      expect(e.factor).toBeGreaterThan(0);
      expect(e.factor).toBeLessThan(1);
      if (e.stems.length === 1) expect(query.stems).not.toContain(e.stems[0]);
      for (const i of e.covers) expect(i).toBeLessThan(query.words.length);
    }
  });

  it('keeps, of words WordNet relates equally closely, the commoner ones ("people" → "community" before "ancients")', () => {
    const query = parseQuery('How many people came?');
    const kept = expandQuery(query, wordnet, everything).filter((e) => e.relation === 'hyponym');
    const all = wordnet.related('people').filter((r) => r.relation === 'hyponym' && r.senseRank === 0);
    expect(all.length).toBeGreaterThan(kept.length);
    const rarest = Math.max(...kept.map((e) => specificity(e.words.join(' '))));
    const left = all.filter((r) => !kept.some((e) => e.words.join(' ') === r.text) && !query.stems.includes(lightStem(r.text)));
    for (const r of left) expect(specificity(r.text)).toBeGreaterThanOrEqual(rarest);
  });

  it('does not expand a capitalised name mid-question to the synonyms of the common noun it spells', () => {
    const named = parseQuery('Why did the board dismiss Rowan Crane yesterday?');
    const crane = named.words.indexOf('crane');
    expect(named.names[crane]).toBe(true);
    const forName = expandQuery(named, wordnet, everything).filter((e) => e.covers.length === 1 && e.covers[0] === crane);
    expect(forName.filter((e) => e.relation !== 'pertainym')).toEqual([]);

    // The same word in lower case is a common noun and does get expanded.
    const common = parseQuery('Why did the builders dismantle the crane yesterday?');
    const lower = common.words.indexOf('crane');
    expect(expandQuery(common, wordnet, everything).some((e) => e.covers.includes(lower) && e.relation !== 'pertainym')).toBe(true);
  });

  it('goes one hop up from a verb ("schooled" → "educated") in the asker\'s own English, not in a translation', () => {
    const own = parseQuery('Where was Tam Quill schooled, and who murdered the envoy?');
    const kept = expandQuery(own, wordnet, (w) => w === 'educate' || w === 'kill');
    expect(kept.find((e) => e.words.join(' ') === 'educate')?.relation).toBe('hypernym');
    expect(kept.find((e) => e.words.join(' ') === 'kill')?.relation).toBe('hypernym');
    // Read from Ukrainian or Russian, the verb is already the dictionary's guess: no second guess on top.
    const translated = { ...own, text: 'Де навчався Там Квілл і хто вбив посла?', translated: true };
    expect(expandQuery(translated, wordnet, (w) => w === 'educate' || w === 'kill')).toEqual([]);
  });

  it('reads a capital named for its government as its country and the country\'s adjective', () => {
    const query = parseQuery('What did Oslo say about the fishing quota?');
    const oslo = query.words.indexOf('oslo');
    expect(query.names[oslo]).toBe(true);
    const forCapital = expandQuery(query, wordnet, everything).filter((e) => e.covers.length === 1 && e.covers[0] === oslo);
    const norway = forCapital.find((e) => e.words.join(' ') === 'norway');
    const norwegian = forCapital.find((e) => e.words.join(' ') === 'norwegian');
    expect(norway?.relation).toBe('capital');
    // The adjective is a second hop, so it earns less than the country.
    expect(norwegian!.factor).toBeLessThan(norway!.factor);
    expect(forCapital.every((e) => ['capital', 'pertainym'].includes(e.relation))).toBe(true);
  });

  it('reads a capital WordNet spells a letter apart ("Helsinky") as its country', () => {
    const query = parseQuery('What did Helsinky say about the ferry?');
    const at = query.words.indexOf('helsinky');
    const kept = expandQuery(query, wordnet, everything).filter((e) => e.covers[0] === at).map((e) => e.words.join(' '));
    expect(kept).toContain('finland');
    expect(kept).toContain('finnish');
  });

  it('expands a two-word collocation to a multi-word phrase that covers both words', () => {
    const query = parseQuery('mill fire story from the wire service');
    const wire = query.words.indexOf('wire');
    const service = query.words.indexOf('service');
    expect(service).toBe(wire + 1);
    const phrases = expandQuery(query, wordnet, everything).filter((e) => e.covers.length === 2);
    const agency = phrases.find((e) => e.words.join(' ') === 'news agency');
    expect(agency).toBeDefined();
    expect(agency!.covers).toEqual([wire, service]);
    expect(agency!.stems).toHaveLength(2);
    expect(agency!.factor).toBeLessThan(1);
  });
});
