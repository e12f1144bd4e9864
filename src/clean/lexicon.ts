/**
 * Generic page-chrome vocabulary. Why a lexicon at all: calls to action and navigation share a small,
 * stable vocabulary across news sites, while article prose uses these words rarely and never densely.
 * Entries are regex sources matched case-insensitively on word boundaries.
 */

/** Words that on their own almost always mean a call to action or an ad slot. */
export const STRONG_CTA = [
  'subscribe', 'subscribed', 'subscriptions?', 'newsletters?', 'become a member', 'become our',
  'patrons?', 'patreon', 'donate now', 'advertisements?', 'cookies?',
  'sign up', 'signing up', 'sign in', 'log in', 'paywall', 'readers like you', 'our readers',
  'help fund', 'support us', 'follow us', 'share this', 'share on', 'gift a', 'gift membership',
  'indicates required', 'required fields?', 'enter your email', 'email address', 'skip to', 'edit post',
  'listen to this article', 'ai assistance', 'created with ai', 'audio version', 'all rights reserved',
  'privacy policy', 'terms of use', 'accept all', 'manage preferences', 'in your inbox', 'daily briefing',
  'download our app', 'unsubscribe', 'confirmation email', 'cup of coffee', 'support independent',
  'share it', 'enjoyed this', 'with a friend', 'tell a friend', 'cookie policy', 'you agree', 'best experience',
  'our site', 'our website', 'this site', 'continues below', 'continue reading', 'reuse this content',
];

/** Words that count only together with others (they also occur in real news prose). */
export const WEAK_CTA = [
  'support', 'members?', 'memberships?', 'contributions?', 'donate', 'donations?', 'advertising', 'sponsored',
  'subscribers?', 'funded by', 'join', 'community', 'share', 'gift', 'free', 'help us', 'thank you',
  'thanks', 'today', 'accessible', 'reporting', 'journalism', 'mission', 'email',
];

/** Words of navigation labels and story-list headings ("All News", "Most read", "Editors' Picks"). */
export const NAV_WORDS = new Set(
  (
    'all news more recent latest popular most read editors editor picks pick related sections section feed top ' +
    'stories story trending see also home menu search video videos photos comments print share next previous ' +
    'prev back to page main navigation categories tags topics headlines updates live week today view now breaking ' +
    'watch listen opinion analysis you may like'
  ).split(' '),
);

/** Language-switcher abbreviations ("Укр Рус Eng", "EN | DE | FR"). */
export const LANGUAGE_CODES = new Set(
  'eng en ua ukr укр рус ru rus de deu fr fra es esp pl pol it ita pt ро рус бел by de'.split(' '),
);

/** How many of `patterns` occur at least once: repeating one word ("subscription") is not density. */
export function countDistinct(text: string, patterns: readonly string[]): number {
  return patterns.filter((p) => countMatches(text, [p]) > 0).length;
}

export function countMatches(text: string, patterns: readonly string[]): number {
  let hits = 0;
  for (const p of patterns) hits += (text.match(new RegExp(`(?<![\\p{L}])${p}(?![\\p{L}])`, 'giu')) ?? []).length;
  return hits;
}
