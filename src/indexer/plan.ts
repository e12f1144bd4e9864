import path from 'node:path';
import type { FileRecord } from '../store/index-store.js';

/** A file found under the roots, with the hash of its bytes (and sidecar). */
export interface PresentFile {
  absPath: string;
  file: string;
  hash: string;
}

export interface RunPlan {
  /** New or changed files, plus saved copies to read again because their primary changed or went. */
  toRead: PresentFile[];
  unchanged: number;
  /** Indexed files under the roots that are gone. */
  gone: FileRecord[];
  /** Primary copies whose document is replaced once their new version reads well (or that are gone). */
  detached: FileRecord[];
  /** Indexed files that are still there but could not be listed or read: they keep their indexed version. */
  unreadable: { file: string; error: string }[];
}

export interface Removal {
  removeMissing: boolean;
  liveRoots: string[];
  /** Files and folders this run could not list or hash (already reported): nothing at or under them is removed. */
  unreadable?: string[];
  /** Why a file missing from the listing is still there (it is a folder, access is denied…), or null when it is gone. */
  stillThere?: (absPath: string) => string | null;
}

/**
 * Decides what an indexing run does, before it touches anything. Only files under roots that exist are
 * candidates for removal, so a mistyped folder never empties the index.
 */
export function planRun(
  known: ReadonlyMap<string, FileRecord>,
  present: PresentFile[],
  removal: Removal,
  exists: (absPath: string) => boolean,
): RunPlan {
  const seen = new Set(present.map((p) => p.absPath));
  const changed = present.filter((p) => known.get(p.absPath)?.hash !== p.hash);
  const gone: FileRecord[] = [];
  const unreadable: RunPlan['unreadable'] = [];
  // Only a file that is really gone loses its documents: one we merely failed to read keeps its indexed version.
  for (const f of removal.removeMissing ? known.values() : []) {
    if (seen.has(f.absPath) || !removal.liveRoots.some((r) => isWithin(f.absPath, r))) continue;
    if (removal.unreadable?.some((u) => isWithin(f.absPath, u))) continue;
    const reason = removal.stillThere?.(f.absPath) ?? null;
    if (reason) unreadable.push({ file: f.file, error: reason });
    else gone.push(f);
  }
  const goneSet = new Set(gone);
  const detached = [...changed.map((c) => known.get(c.absPath)), ...gone].filter((f): f is FileRecord => !!f?.isPrimary);
  const detachedDocuments = new Set(detached.map((d) => d.documentId));
  const toRead = new Map(changed.map((c) => [c.absPath, c]));
  // When a primary copy changes or goes, its saved duplicates are read again: one of them may take over.
  for (const alias of known.values()) {
    const orphaned = detachedDocuments.has(alias.documentId) && !alias.isPrimary && !goneSet.has(alias);
    if (orphaned && !toRead.has(alias.absPath) && exists(alias.absPath)) {
      toRead.set(alias.absPath, { absPath: alias.absPath, file: alias.file, hash: alias.hash });
    }
  }
  return {
    // One canonical order (by path, not by locale) so a run never depends on how the roots were given.
    toRead: [...toRead.values()].sort((a, b) => (a.absPath < b.absPath ? -1 : a.absPath > b.absPath ? 1 : 0)),
    unchanged: present.length - changed.length,
    gone,
    detached,
    unreadable,
  };
}

export function isWithin(file: string, root: string): boolean {
  return file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}
