import type { SearchMode } from '../domain.js';
import { UserError } from '../errors.js';
import { isBusy } from '../store/errors.js';
import { cliSession, resolveInSession } from '../conversation/session.js';
import { TURNS_KEPT, turnOf, type Turn } from '../conversation/turn.js';
import { openCoverage } from '../open-coverage.js';
import type { ConversationStore } from '../store/conversation-store.js';
import { openConversations } from '../store/open-conversations.js';
import { validateDate } from '../search/filters.js';
import { formatAnswer } from './format-text.js';
import { logToStderr, printJson, runCli } from './run-cli.js';

const USAGE =
  'Usage: npm run ask -- "question" [--json] [--k N] [--outlet X] [--author X] [--since yyyy-mm-dd] [--until yyyy-mm-dd] [--mode hybrid|fulltext|vector] [--session NAME]';
const MODES: SearchMode[] = ['hybrid', 'fulltext', 'vector'];

await runCli(
  USAGE,
  {
    json: { type: 'boolean', default: false },
    k: { type: 'string' },
    outlet: { type: 'string' },
    author: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    mode: { type: 'string', default: 'hybrid' },
    session: { type: 'string' },
  },
  async (args, config) => {
    const question = args.positionals.join(' ');
    if (!question.trim()) throw new UserError(`No question given.\n${USAGE}`);
    const mode = args.values.mode as SearchMode;
    if (!MODES.includes(mode)) throw new UserError(`--mode must be one of ${MODES.join(', ')}, got "${mode}".`);
    const k = args.values.k === undefined ? undefined : Number(args.values.k);
    if (k !== undefined && (!Number.isInteger(k) || k < 1 || k > 25)) throw new UserError(`--k must be a whole number from 1 to 25, got "${args.values.k}".`);
    // Checked here too so that errors name the flags as typed; the core checks again for every caller.
    validateDate('--since', args.values.since);
    validateDate('--until', args.values.until);
    const name = args.values.session?.trim();
    if (args.values.session !== undefined && !name) throw new UserError(`--session needs a name.\n${USAGE}`);
    const coverage = await openCoverage(config, { log: logToStderr });
    // Opened after the coverage: opening the coverage builds the index whose database holds the sessions.
    const conversations = name ? openConversations(config) : null;
    try {
      const session = name ? cliSession(name) : null;
      const resolved = session && conversations ? await resolveInSession(conversations, session, question) : { question, changed: false };
      const answer = await coverage.ask(resolved.question, {
        k, mode, outlet: args.values.outlet, author: args.values.author, since: args.values.since, until: args.values.until,
      });
      if (session && conversations) await addTurnWaiting(conversations, session, turnOf(question, answer), config.indexLockWaitSeconds);
      const understoodAs = resolved.changed ? resolved.question : undefined;
      if (args.values.json) {
        const { closest: _closest, searched: _searched, evidence: _evidence, ...contract } = answer;
        printJson({ ...contract, citations: answer.citations.map(({ start: _s, end: _e, passageId: _p, ...c }) => c), ...(understoodAs ? { understoodAs } : {}) });
      } else {
        process.stdout.write(formatAnswer(answer, { understoodAs }));
      }
    } finally {
      await conversations?.close();
      await coverage.close();
    }
    return 0;
  },
);

const RETRY_MS = 250;

/** Stores the turn, waiting (like an indexing run does) while another process's indexing run holds the SQLite write lock. */
async function addTurnWaiting(store: ConversationStore, session: string, turn: Turn, waitSeconds: number): Promise<void> {
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    try {
      return await store.addTurn(session, turn, TURNS_KEPT);
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
