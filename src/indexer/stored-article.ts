import type { Article } from '../domain.js';
import type { Db } from '../store/database.js';

interface StoredFile {
  absPath: string;
  file: string;
  hash: string;
}

/** A document as stored, with the files (primary and aliases) that point at it. */
export function loadArticleFromIndex(db: Db, id: string): { article: Article; files: StoredFile[] } {
  const row = db
    .prepare('SELECT file, title, outlet, authors, published, language, url, text FROM documents WHERE id = ?')
    .get(id) as Omit<Article, 'authors' | 'contentHash'> & { authors: string };
  const files = db.prepare('SELECT abs_path AS absPath, file, hash FROM files WHERE document_id = ?').all(id) as StoredFile[];
  const primaryHash = files.find((f) => f.file === row.file)?.hash ?? '';
  return { article: { ...row, authors: JSON.parse(row.authors) as string[], contentHash: primaryHash }, files };
}
