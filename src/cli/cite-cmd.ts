import { UserError } from '../errors.js';
import { openCoverage } from '../open-coverage.js';
import { formatQuoteLookup } from './format-text.js';
import { logToStderr, printJson, runCli } from './run-cli.js';

const USAGE = 'Usage: npm run cite -- "quote" [--json] [--limit N]';

await runCli(USAGE, { json: { type: 'boolean', default: false }, limit: { type: 'string' } }, async (args, config) => {
  const quote = args.positionals.join(' ');
  if (!quote.trim()) throw new UserError(`No quote given.\n${USAGE}`);
  const limit = args.values.limit === undefined ? 5 : Number(args.values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 25) throw new UserError(`--limit must be a whole number from 1 to 25.`);
  const coverage = await openCoverage(config, { log: logToStderr });
  try {
    const result = await coverage.cite(quote, { limit });
    if (args.values.json) printJson({ ...result, matches: result.matches.map(({ passageId: _p, ...m }) => m) });
    else process.stdout.write(formatQuoteLookup(result));
  } finally {
    await coverage.close();
  }
  return 0;
});
