/** Line-level chrome rules, on wording that does not appear in the coverage pages. */
import { describe, expect, it } from 'vitest';
import { isCallToAction, isChromeLine, isKeywordSoup, isNavigation, isTagLine } from '../../src/clean/chrome.js';
import { isHeadlineLike, isProse, isTimestampOnly } from '../../src/clean/lines.js';

describe('chrome lines', () => {
  it.each([
    'Sign up for our evening newsletter',
    'We rely on readers like you. Donate now and keep our newsroom independent.',
    'Share this article',
    'Listen to this article',
    'Accept all cookies',
    'ADVERTISEMENT',
    'Trending now',
    'Latest headlines',
    'EN | DE | FR',
    'Tags: Energy Climate',
    'paypal applePay googlePay',
    'harbor flood barrier council vote storm surge photo getty',
    '10:45 PM',
    'Copyright 2025 Harbor Wire. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
    'Photograph: Ana Lima/Harbor Wire',
    'Image: Harbor Wire',
    'Story continues below',
  ])('drops: %s', (line) => {
    expect(isChromeLine(line)).toBe(true);
  });

  it.each([
    'NATO will support Ukraine, and we are now increasing our support.',
    'When asked about possible NATO membership for Ukraine, Stoltenberg said the alliance would decide later.',
    'Countries that donate weapons to Ukraine have set different limits on their use, officials said.',
    'Source: European Pravda journalist',
    'Quote: "We will continue to persuade our partners," he said.',
    'Background:',
    'Zelenskyy. Photo: Office of the President of Ukraine',
    'Photograph: the flooded harbor road at dawn, after the barrier failed for the second time this winter',
    'Copyright lawyers for the harbor authority said the logo had been registered in 2019 and would be defended.',
  ])('keeps: %s', (line) => {
    expect(isChromeLine(line)).toBe(false);
  });

  it('treats a long pitch as a call to action only when it is dense with pitch words', () => {
    expect(
      isCallToAction(
        'Our journalism is funded by readers like you: become a member today and support independent reporting from the front line.',
      ),
    ).toBe(true);
    expect(isCallToAction('The members of the committee said the community would need more support from the state budget next year.')).toBe(false);
  });

  it('separates glued tag words from ordinary capitalised names', () => {
    expect(isTagLine('EnergyClimateEurope')).toBe(true);
    expect(isTagLine('McDonald’s opens in Kyiv')).toBe(false);
    expect(isKeywordSoup('iPhone sales rose in the last quarter')).toBe(false);
    expect(isNavigation('Editors’ Picks')).toBe(true);
  });
});

describe('line shapes', () => {
  it('recognises clock-time lines', () => {
    expect(['19:12', '5:50 AM', '07:42', '9.30 p.m.'].every(isTimestampOnly)).toBe(true);
    expect(isTimestampOnly('Jul 15, 2024 - 07:54')).toBe(false);
  });
  it('tells headlines from prose', () => {
    expect(isHeadlineLike('Romania denies downing Russian drones over Ukraine')).toBe(true);
    expect(isHeadlineLike('Background:')).toBe(false);
    expect(isProse('Romania denies downing Russian drones over Ukraine')).toBe(false);
    expect(isProse('Warsaw and Bucharest have repeatedly scrambled fighter jets to protect their airspace.')).toBe(true);
  });
});
