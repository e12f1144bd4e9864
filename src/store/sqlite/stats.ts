import type { IndexStats } from '../../domain.js';
import { readManifest, type Db } from './database.js';

export function indexStats(db: Db, embeddingModel: string | null): IndexStats {
  const one = <T>(sql: string) => db.prepare(sql).get() as T;
  const range = one<{ earliest: string | null; latest: string | null }>(
    'SELECT min(published) AS earliest, max(published) AS latest FROM documents',
  );
  const outlets = (db.prepare('SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet').all() as { outlet: string }[]).map(
    (r) => r.outlet,
  );
  return {
    documents: one<{ n: number }>('SELECT count(*) AS n FROM documents').n,
    passages: one<{ n: number }>('SELECT count(*) AS n FROM passages').n,
    outlets,
    earliest: range.earliest,
    latest: range.latest,
    embeddingModel,
    updatedAt: readManifest(db).updatedAt,
  };
}
