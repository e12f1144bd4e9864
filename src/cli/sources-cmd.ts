import { openCoverage } from '../open-coverage.js';
import { logToStderr, printJson, runCli } from './run-cli.js';

const USAGE = 'Usage: npm run sources -- [--json] [--passages] [--outlet NAME] [--search WORDS]';

await runCli(
  USAGE,
  {
    json: { type: 'boolean', default: false },
    passages: { type: 'boolean', default: false },
    outlet: { type: 'string' },
    search: { type: 'string' },
  },
  async (args, config) => {
    const coverage = await openCoverage(config, { log: logToStderr, embedder: null });
    const sources = await coverage.sources({ outlet: args.values.outlet, search: args.values.search });
    const passageTexts = async (id: string) => (await coverage.passagesOf(id)).map((p) => p.text);
    const withPassages = args.values.json && args.values.passages ? await Promise.all(sources.map(async (s) => ({ ...s, passageTexts: await passageTexts(s.id) }))) : null;
    await coverage.close();
    if (!args.values.json) {
      for (const s of sources) {
        const meta = [s.outlet, s.author, s.published].filter(Boolean).join(' · ');
        process.stdout.write(`${s.id}  ${s.title ?? '(untitled)'}${meta ? `  — ${meta}` : ''}  [${s.passages} passages]\n    ${s.file}${s.aliases.length ? ` (also saved as ${s.aliases.join(', ')})` : ''}\n`);
      }
      process.stdout.write(`${sources.length} articles\n`);
      return 0;
    }
    printJson(withPassages ?? sources);
    return 0;
  },
);
