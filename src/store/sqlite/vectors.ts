import hnswlib from 'hnswlib-node';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const { HierarchicalNSW } = hnswlib;

/**
 * Candidate-list size at query time. `npm run bench -- vectors` (Reuters, 41k passages, 128-d): recall@10
 * against exact search 0.942 at ef 100, 0.973 at 200, 0.984 at 400 (0.27 ms a search): the lowest ef ≥ 0.98.
 */
export const DEFAULT_EF = 400;
const M = 16;
const EF_CONSTRUCTION = 200;
const SEED = 42;

export interface VectorHit {
  label: number;
  /** Cosine similarity. */
  similarity: number;
}

/**
 * The hnswlib-node index of passage vectors (label = passage id, cosine space). Saved under a new
 * file name each time (written to a temporary name, then renamed) so that the database commit that
 * points the manifest at it is the one moment a run becomes visible; a killed run leaves the old file.
 */
export class VectorIndex {
  private constructor(
    private readonly index: InstanceType<typeof HierarchicalNSW>,
    readonly dimensions: number,
  ) {}

  static create(dimensions: number, capacity = 1024): VectorIndex {
    const index = new HierarchicalNSW('cosine', dimensions);
    index.initIndex(Math.max(capacity, 16), M, EF_CONSTRUCTION, SEED);
    index.setEf(DEFAULT_EF);
    return new VectorIndex(index, dimensions);
  }

  static load(file: string, dimensions: number): VectorIndex {
    const index = new HierarchicalNSW('cosine', dimensions);
    index.readIndexSync(file);
    index.setEf(DEFAULT_EF);
    return new VectorIndex(index, dimensions);
  }

  /**
   * Frees the graph now and leaves this index empty (and still safe to search). Why: the garbage collector
   * does not see hnswlib's native memory, so a reader that loads a new index after every indexing run would
   * otherwise hold several old graphs at a time. Not done by reloading in place: a failed read there leaves
   * hnswlib with a dangling graph.
   */
  release(): void {
    this.index.initIndex(16, M, EF_CONSTRUCTION, SEED);
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  add(label: number, vector: Float32Array): void {
    // hnswlib's capacity is fixed at init; grow it geometrically so no add ever fails.
    if (this.index.getCurrentCount() >= this.index.getMaxElements()) {
      this.index.resizeIndex(Math.ceil(this.index.getMaxElements() * 1.5) + 16);
    }
    this.index.addPoint(Array.from(vector), label);
  }

  remove(label: number): void {
    try {
      this.index.markDelete(label);
    } catch {
      // Not in the index (e.g. a passage indexed before vectors were enabled): nothing to remove.
    }
  }

  labels(): number[] {
    return this.index.getIdsList();
  }

  /** The stored (normalised) vector of a label, or null when it is not in the index. */
  vector(label: number): Float32Array | null {
    try {
      return Float32Array.from(this.index.getPoint(label));
    } catch {
      return null;
    }
  }

  setEf(ef: number): void {
    this.index.setEf(ef);
  }

  /** Approximate nearest neighbours, optionally only among labels the filter accepts. */
  search(query: Float32Array, k: number, filter?: (label: number) => boolean): VectorHit[] {
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    const result = this.index.searchKnn(Array.from(query), n, filter);
    return result.neighbors.map((label, i) => ({ label, similarity: 1 - result.distances[i]! }));
  }

  /** Exact cosine over the given labels: for narrow filters, where graph search loses recall. */
  exactSearch(query: Float32Array, k: number, labels: Iterable<number>): VectorHit[] {
    const hits: VectorHit[] = [];
    for (const label of labels) {
      const point = this.vector(label);
      if (point) hits.push({ label, similarity: cosine(query, point) });
    }
    return hits.sort((a, b) => b.similarity - a.similarity).slice(0, k);
  }

  /** Writes to a fresh file in `dir` (temp name, then rename) and returns its file name. */
  saveNew(dir: string): string {
    const name = `vectors-${Date.now()}-${process.pid}.hnsw`;
    const temp = path.join(dir, `.${name}.tmp`);
    this.index.writeIndexSync(temp);
    renameSync(temp, path.join(dir, name));
    return name;
  }
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Removes vector files (and leftovers of killed runs) that the manifest no longer points at. */
export function removeStaleVectorFiles(dir: string, keep: string | null): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const stale = (name.startsWith('vectors-') && name.endsWith('.hnsw') && name !== keep) || /^\.vectors-.*\.tmp$/.test(name);
    if (stale) rmSync(path.join(dir, name), { force: true });
  }
}

/** The vector index a manifest names (its dimensions from the model's JSON), or null when it names none or the file is gone. */
export function loadManifestVectors(indexDir: string, manifest: { embedding: string | null; vectorsFile: string | null }): VectorIndex | null {
  if (!manifest.embedding || !manifest.vectorsFile) return null;
  const file = path.join(indexDir, manifest.vectorsFile);
  if (!existsSync(file)) return null;
  return VectorIndex.load(file, (JSON.parse(manifest.embedding) as { dimensions: number }).dimensions);
}
