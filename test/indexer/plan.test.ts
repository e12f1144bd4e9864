import { describe, expect, it } from 'vitest';
import { planRun } from '../../src/indexer/plan.js';
import type { FileRecord } from '../../src/store/index-store.js';

const record = (absPath: string, documentId: string, isPrimary: boolean, hash = 'h'): FileRecord => ({ absPath, file: absPath, hash, documentId, isPrimary });
const known = new Map([
  ['/c/page.txt', record('/c/page.txt', 'd1', true)],
  ['/c/copy.txt', record('/c/copy.txt', 'd1', false)],
  ['/c/other.txt', record('/c/other.txt', 'd2', true)],
]);
const present = (...files: [string, string][]) => files.map(([absPath, hash]) => ({ absPath, file: absPath, hash }));

describe('planRun', () => {
  it('reads nothing and removes nothing when no file changed', () => {
    const plan = planRun(known, present(['/c/page.txt', 'h'], ['/c/copy.txt', 'h'], ['/c/other.txt', 'h']), { removeMissing: true, liveRoots: ['/c'] }, () => true);
    expect(plan).toEqual({ toRead: [], unchanged: 3, gone: [], detached: [], unreadable: [] });
  });

  it('reads the saved copy again when its primary changes, so it can be matched against the new text', () => {
    const plan = planRun(known, present(['/c/page.txt', 'new'], ['/c/copy.txt', 'h'], ['/c/other.txt', 'h']), { removeMissing: true, liveRoots: ['/c'] }, () => true);
    expect(plan.toRead.map((f) => f.absPath)).toEqual(['/c/copy.txt', '/c/page.txt']);
    expect(plan.detached.map((f) => f.absPath)).toEqual(['/c/page.txt']);
  });

  it('removes a deleted primary and promotes its copy', () => {
    const plan = planRun(known, present(['/c/copy.txt', 'h'], ['/c/other.txt', 'h']), { removeMissing: true, liveRoots: ['/c'] }, () => true);
    expect(plan.gone.map((f) => f.absPath)).toEqual(['/c/page.txt']);
    expect(plan.toRead.map((f) => f.absPath)).toEqual(['/c/copy.txt']);
  });

  it('removes nothing outside the roots that exist (a mistyped folder never empties the index)', () => {
    expect(planRun(known, [], { removeMissing: true, liveRoots: [] }, () => true).gone).toEqual([]);
    expect(planRun(known, [], { removeMissing: true, liveRoots: ['/elsewhere'] }, () => true).gone).toEqual([]);
    expect(planRun(known, [], { removeMissing: false, liveRoots: ['/c'] }, () => true).gone).toEqual([]);
  });
});
