/**
 * A follow-up asked in a session: resolved against the session's stored turns. The keys say where a session
 * lives, so that a Discord thread and a CLI session of the same name never share turns.
 */
import type { ConversationStore } from '../store/conversation-store.js';
import { resolveFollowUp, type Resolved } from './resolve-follow-up.js';
import { TURNS_KEPT } from './turn.js';

export const threadSession = (threadId: string) => `thread:${threadId}`;
export const cliSession = (name: string) => `cli:${name}`;

export async function resolveInSession(store: ConversationStore, sessionKey: string, typed: string): Promise<Resolved> {
  return resolveFollowUp(typed, await store.turns(sessionKey, TURNS_KEPT));
}
