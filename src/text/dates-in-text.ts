const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** The months' English names, January first: how dates are shown, and names in a question however typed. */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FOLDED_MONTHS = new Set(MONTH_NAMES.map((m) => m.toLowerCase()));
/** Whether a folded word is a month's name: a name, whether or not the asker capitalised it. */
export const isMonthName = (word: string): boolean => FOLDED_MONTHS.has(word);
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})\\s+${MONTH}(?:\\s+(\\d{4}))?\\b`, 'i');
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?\\b`, 'i');
const MID_MONTH = new RegExp(`\\b(early|mid|late)-?\\s?${MONTH}\\b`, 'i');

/** True when the text mentions a calendar date or a part of a month. */
export function mentionsDate(text: string): boolean {
  return DAY_MONTH.test(text) || MONTH_DAY.test(text) || MID_MONTH.test(text) || /\b(19|20)\d{2}-\d{2}-\d{2}\b/.test(text);
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The first date written in the text ("On 10 July", "Aug. 4", "mid-July"), resolved against the
 * article's own date: a date without a year takes the article's year, or the year before when it
 * would otherwise fall after the article.
 */
export function resolveDate(text: string, articleDate: string | null): string | null {
  const found = [DAY_MONTH, MONTH_DAY, MID_MONTH]
    .map((re) => ({ re, m: re.exec(text) }))
    .filter((x) => x.m)
    .sort((a, b) => a.m!.index - b.m!.index)[0];
  if (!found) return null;
  const m = found.m!;
  let day: number;
  let monthName: string;
  let year: number | null;
  if (found.re === DAY_MONTH) [day, monthName, year] = [Number(m[1]), m[2]!, m[3] ? Number(m[3]) : null];
  else if (found.re === MONTH_DAY) [monthName, day, year] = [m[1]!, Number(m[2]), m[3] ? Number(m[3]) : null];
  else [day, monthName, year] = [{ early: 5, mid: 15, late: 25 }[m[1]!.toLowerCase() as 'early'], m[2]!, null];
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase());
  if (month < 0 || day < 1 || day > 31) return null;
  if (year === null) {
    if (!articleDate) return null;
    year = Number(articleDate.slice(0, 4));
    if (iso(year, month, day) > articleDate) year -= 1;
  }
  return iso(year, month, day);
}

const IN_MONTH_YEAR = new RegExp(`\\b(?:in|on|during|of)\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?${MONTH},?\\s+((?:19|20)\\d{2})\\b(?!/)`, 'gi');
const ON_MONTH_DAY_YEAR = new RegExp(`\\bon\\s+${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b(?!/)`, 'gi');

/**
 * The first day of the earliest month (or day) a question dates what it asks about with a month and a year
 * ("in October 1987", "on 4 May 2005", "on May 4, 2005"); null when it names none. A bare year is not read:
 * "the 2016 bonds" and "the 2012 Olympics" name things, not when something happened.
 */
export function askedPeriodStart(question: string): string | null {
  const starts: string[] = [];
  for (const m of question.matchAll(IN_MONTH_YEAR)) starts.push(iso(Number(m[3]), monthIndex(m[2]!), m[1] ? Number(m[1]) : 1));
  for (const m of question.matchAll(ON_MONTH_DAY_YEAR)) starts.push(iso(Number(m[3]), monthIndex(m[1]!), Number(m[2])));
  return starts.sort()[0] ?? null;
}

const monthIndex = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase());
