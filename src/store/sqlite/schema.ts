/** Bumped when the tables change shape; an older database is rebuilt from the files. */
export const SCHEMA_VERSION = 1;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  file TEXT NOT NULL,
  title TEXT, outlet TEXT, authors TEXT NOT NULL DEFAULT '[]', published TEXT, language TEXT, url TEXT,
  text TEXT NOT NULL,
  indexed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet COLLATE NOCASE);

-- Every file the indexer has seen and read: the primary copy of a document or an alias (a saved duplicate).
CREATE TABLE IF NOT EXISTS files (
  abs_path TEXT PRIMARY KEY,
  file TEXT NOT NULL,
  hash TEXT NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS files_document ON files(document_id);

CREATE TABLE IF NOT EXISTS passages (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  simhash TEXT NOT NULL,
  -- Near-duplicate passages (syndicated copy) share a group: the id of the group's first passage.
  group_id INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_document ON passages(document_id, ordinal);
CREATE INDEX IF NOT EXISTS passages_group ON passages(group_id);
-- Four 16-bit bands of each passage's 64-bit simhash: two passages within Hamming distance 3 share a band.
CREATE TABLE IF NOT EXISTS simhash_bands (band INTEGER NOT NULL, passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE);
CREATE INDEX IF NOT EXISTS simhash_bands_band ON simhash_bands(band);
CREATE INDEX IF NOT EXISTS simhash_bands_passage ON simhash_bands(passage_id);

-- Sentence fingerprints find saved copies of the same article.
CREATE TABLE IF NOT EXISTS fingerprints (hash TEXT NOT NULL, document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE);
CREATE INDEX IF NOT EXISTS fingerprints_hash ON fingerprints(hash);
CREATE INDEX IF NOT EXISTS fingerprints_document ON fingerprints(document_id);

-- Folded text (see text/fold.ts) so that spelling variants and diacritics match; rowid = passages.id.
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(body, title, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS passages_vocab USING fts5vocab(passages_fts, 'row');

CREATE TABLE IF NOT EXISTS feedback (
  id INTEGER PRIMARY KEY,
  question TEXT NOT NULL,
  passage_ids TEXT NOT NULL,
  helpful INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`;
