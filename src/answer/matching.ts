/** Another way a text may say some of the question's words (stems in order), earning `factor` of their weight. */
export interface Alternative {
  /** Indexes of the question words it stands for. */
  covers: number[];
  stems: string[];
  factor: number;
}

/**
 * The question as the answer stage matches it: each word's stem and weight, and the other ways of saying it.
 * A word is matched fully by its own stem, or by `factor` through an expansion found in the text.
 */
export interface MatchQuery {
  stems: string[];
  weights: number[];
  expansions: Alternative[];
  /** Which question words name a person by their role ("premier", "boss"): an article may name the person instead. */
  roles: boolean[];
  /** Which question words are names no dictionary has that few passages hold ("Pellinger"): what the question is about. */
  specific: boolean[];
  /** Whether a word names a kind of what a "how many" question counts ("pensioners" of "people"). */
  kindOfCounted?: (word: string) => boolean;
  /** The role words of the question ("leader") that a word names a kind of ("president"). */
  rolesKindOf?: (word: string) => number[];
}

/** Stems a text holds, as a set and in order (multi-word expansions need the order). */
export interface StemText {
  set: Set<string>;
  sequence: string[];
}

function containsRun(sequence: string[], run: string[]): boolean {
  outer: for (let i = 0; i + run.length <= sequence.length; i++) {
    for (let j = 0; j < run.length; j++) if (sequence[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}

/** How much of each question word (0–1) the text says, in the asker's words or in others. */
export function wordCredits(text: StemText, query: MatchQuery): number[] {
  const credits: number[] = query.stems.map((s) => (text.set.has(s) ? 1 : 0));
  for (const e of query.expansions) {
    if (e.covers.every((i) => credits[i] === 1)) continue;
    const found = e.stems.length === 1 ? text.set.has(e.stems[0]!) : e.stems.every((s) => text.set.has(s)) && containsRun(text.sequence, e.stems);
    if (!found) continue;
    for (const i of e.covers) credits[i] = Math.max(credits[i]!, e.factor);
  }
  return credits;
}

/** Weighted share of the question the credits add up to (0–1). */
export function share(credits: number[], weights: number[]): number {
  let total = 0;
  let got = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i]!;
    got += weights[i]! * credits[i]!;
  }
  return total > 0 ? got / total : 0;
}

/** Credits of several texts together: each word as well as the best of them says it. */
export function unionCredits(lists: number[][]): number[] {
  const out = [...(lists[0] ?? [])];
  for (const list of lists.slice(1)) list.forEach((c, i) => (out[i] = Math.max(out[i] ?? 0, c)));
  return out;
}
