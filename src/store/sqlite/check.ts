import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHUNKING_VERSION } from '../../split/passages.js';
import { DATABASE_FILE, openDatabase, readManifest, type Db, type Manifest } from './database.js';
import { VectorIndex } from './vectors.js';

/** One line of `npm run check`: what was checked, whether it is fine, and in plain words what was found. */
export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

const REBUILD = 'run npm run index';

/**
 * Opens the index database read-only (never writing, never migrating). Returns the connection, or a failed
 * check saying why there is none.
 */
export function openIndexForCheck(indexDir: string): { db: Db; result: CheckResult } | { db: null; result: CheckResult } {
  const file = path.join(indexDir, DATABASE_FILE);
  if (!existsSync(file)) {
    return { db: null, result: { name: 'index database', ok: false, detail: `no database in ${indexDir}: ${REBUILD}` } };
  }
  try {
    const db = openDatabase(indexDir, { readonly: true });
    return { db, result: { name: 'index database', ok: true, detail: `${file} opened read-only` } };
  } catch (error) {
    const message = (error as Error).message;
    const detail = message.includes(REBUILD) ? message : `${file} cannot be opened (${message}): ${REBUILD}`;
    return { db: null, result: { name: 'index database', ok: false, detail } };
  }
}

/** SQLite's own consistency check of every table and index. */
export function checkIntegrity(db: Db): CheckResult {
  try {
    const rows = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
    if (rows.length === 1 && rows[0] === 'ok') return { name: 'database integrity', ok: true, detail: 'integrity_check: ok' };
    const shown = rows.slice(0, 3).join('; ');
    return { name: 'database integrity', ok: false, detail: `integrity_check found ${rows.length} problem(s): ${shown}` };
  } catch (error) {
    return { name: 'database integrity', ok: false, detail: `integrity_check could not run: ${(error as Error).message}` };
  }
}

/** The full-text table holds exactly one row per passage. */
export function checkFullText(db: Db): CheckResult {
  const name = 'full-text rows';
  try {
    const passages = db.prepare('SELECT count(*) FROM passages').pluck().get() as number;
    const ftsRows = db.prepare('SELECT count(*) FROM passages_fts').pluck().get() as number;
    const missing = db
      .prepare('SELECT count(*) FROM passages WHERE id NOT IN (SELECT rowid FROM passages_fts)')
      .pluck()
      .get() as number;
    const orphans = db
      .prepare('SELECT count(*) FROM passages_fts WHERE rowid NOT IN (SELECT id FROM passages)')
      .pluck()
      .get() as number;
    if (passages === ftsRows && missing === 0 && orphans === 0) {
      return { name, ok: true, detail: `${passages} passages, ${ftsRows} full-text rows` };
    }
    const parts = [`full-text mismatch: ${passages} passages but ${ftsRows} full-text rows`];
    if (missing) parts.push(`${missing} passage(s) missing from the full-text table`);
    if (orphans) parts.push(`${orphans} full-text row(s) without a passage`);
    return { name, ok: false, detail: `${parts.join('; ')}: ${REBUILD} after deleting ${DATABASE_FILE}` };
  } catch (error) {
    return { name, ok: false, detail: `could not count passages: ${(error as Error).message}` };
  }
}

/** The manifest's chunking version is the one this code splits with. */
export function checkChunking(manifest: Manifest): CheckResult {
  const name = 'chunking version';
  if (manifest.chunking === CHUNKING_VERSION) return { name, ok: true, detail: CHUNKING_VERSION };
  const found = manifest.chunking === null ? 'none recorded' : manifest.chunking;
  return { name, ok: false, detail: `index built with ${found}, this version splits with ${CHUNKING_VERSION}: ${REBUILD}` };
}

interface ManifestModel {
  id: string;
  dimensions: number;
}

function manifestModel(manifest: Manifest): ManifestModel | null {
  if (!manifest.embedding) return null;
  try {
    const parsed = JSON.parse(manifest.embedding) as Partial<ManifestModel>;
    if (typeof parsed.id === 'string' && typeof parsed.dimensions === 'number') return { id: parsed.id, dimensions: parsed.dimensions };
  } catch {
    // fall through
  }
  return null;
}

/**
 * The vector file the manifest names exists and holds one (live) vector per passage, and it was made by the
 * configured model. `configuredModelId` is the id the embedder would record (null: EMBEDDING_MODEL=none).
 */
export function checkVectors(db: Db, indexDir: string, manifest: Manifest, configuredModelId: string | null): CheckResult[] {
  const results: CheckResult[] = [];
  const model = manifestModel(manifest);
  if (manifest.embedding && !model) {
    return [{ name: 'vectors', ok: false, detail: `the manifest's embedding entry is unreadable: ${REBUILD}` }];
  }
  if (!model) {
    results.push({ name: 'vectors', ok: true, detail: 'index has no vectors (full-text only)' });
  } else if (!manifest.vectorsFile) {
    results.push({ name: 'vectors', ok: false, detail: `the manifest names model ${model.id} but no vector file: ${REBUILD}` });
  } else {
    const file = path.join(indexDir, manifest.vectorsFile);
    if (!existsSync(file)) {
      results.push({ name: 'vectors', ok: false, detail: `vector file ${manifest.vectorsFile} is missing: ${REBUILD}` });
    } else {
      results.push(countVectors(db, file, model));
    }
  }
  const manifestId = model?.id ?? null;
  if (manifestId === configuredModelId) {
    results.push({ name: 'embedding model', ok: true, detail: configuredModelId ? `index and configuration both use ${configuredModelId}` : 'none configured, none in the index' });
  } else {
    const was = manifestId ?? 'no model';
    const now = configuredModelId ?? 'none (EMBEDDING_MODEL=none)';
    const effect = configuredModelId
      ? 'vector search is off until then; the next npm run index will re-embed every passage'
      : 'the next npm run index will drop the vectors';
    results.push({ name: 'embedding model', ok: false, detail: `index built with ${was}, configured ${now}: ${effect}` });
  }
  return results;
}

function countVectors(db: Db, file: string, model: ManifestModel): CheckResult {
  const name = 'vectors';
  let index: VectorIndex;
  try {
    index = VectorIndex.load(file, model.dimensions);
  } catch (error) {
    return { name, ok: false, detail: `vector file ${path.basename(file)} cannot be read (${(error as Error).message}): ${REBUILD}` };
  }
  // Removed passages stay in the file marked deleted; only labels that still have a vector count.
  const live = index.labels().filter((label) => index.vector(label) !== null).length;
  const passages = db.prepare('SELECT count(*) FROM passages').pluck().get() as number;
  if (live === passages) return { name, ok: true, detail: `${live} vectors (${model.id}, ${model.dimensions} dimensions) for ${passages} passages` };
  return { name, ok: false, detail: `vector count mismatch: ${live} vectors for ${passages} passages: ${REBUILD}` };
}

/** Every check that needs the database, in order. Opens read-only and closes again. */
export function checkIndex(indexDir: string, configuredModelId: string | null): CheckResult[] {
  const opened = openIndexForCheck(indexDir);
  if (!opened.db) return [opened.result];
  const db = opened.db;
  try {
    const manifest = readManifest(db);
    return [
      opened.result,
      checkIntegrity(db),
      checkFullText(db),
      checkChunking(manifest),
      ...checkVectors(db, indexDir, manifest, configuredModelId),
    ];
  } catch (error) {
    return [opened.result, { name: 'index contents', ok: false, detail: `could not read the index: ${(error as Error).message}` }];
  } finally {
    db.close();
  }
}
