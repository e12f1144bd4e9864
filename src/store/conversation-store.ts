/**
 * Where conversations live: the last turns of each session (a Discord thread, a CLI `--session`), kept in the
 * index's own database so that a follow-up still resolves after a restart. Its own table beside the index's,
 * which an indexing run never touches. Nothing outside src/store/ sees its SQL or its connection.
 */
import type { Turn } from '../conversation/turn.js';

export interface ConversationStore {
  /** The session's last `limit` turns, oldest first; none for an unknown session. */
  turns(sessionKey: string, limit: number): Promise<Turn[]>;
  /**
   * Appends a turn and forgets all but the session's last `keep`. With SQLite it rejects with a busy error
   * (isBusy) while an indexing run holds the write lock, for the caller to retry.
   */
  addTurn(sessionKey: string, turn: Turn, keep: number): Promise<void>;
  /** Forgets a session. */
  clear(sessionKey: string): Promise<void>;
  close(): Promise<void>;
}
