import type { SearchMode } from '../domain.js';
import { UserError } from '../errors.js';
import { openCoverage } from '../open-coverage.js';
import { validateDate } from '../search/filters.js';
import { formatAnswer } from './format-text.js';
import { logToStderr, printJson, runCli } from './run-cli.js';

const USAGE =
  'Usage: npm run ask -- "question" [--json] [--k N] [--outlet X] [--author X] [--since yyyy-mm-dd] [--until yyyy-mm-dd] [--mode hybrid|fulltext|vector]';
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
    const coverage = await openCoverage(config, { log: logToStderr });
    try {
      const answer = await coverage.ask(question, {
        k, mode, outlet: args.values.outlet, author: args.values.author, since: args.values.since, until: args.values.until,
      });
      if (args.values.json) {
        const { closest: _closest, searched: _searched, evidence: _evidence, ...contract } = answer;
        printJson({ ...contract, citations: answer.citations.map(({ start: _s, end: _e, passageId: _p, ...c }) => c) });
      } else {
        process.stdout.write(formatAnswer(answer));
      }
    } finally {
      await coverage.close();
    }
    return 0;
  },
);
