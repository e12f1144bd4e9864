/**
 * npm run bench [-- section ...]   sections: index, query, vectors, embed, discord, bad-inputs, postgres (default: all), soak (only when named)
 * (postgres prints a line saying it was skipped when the Postgres 15 binaries are not installed: scripts/setup-postgres.sh)
 * Each section runs in its own process (so peak memory is its own) and prints one JSON line; this
 * prints them as a table and writes them all to bench-results.json. Figures are medians over repeated runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SECTIONS: Record<string, string> = {
  index: 'scripts/bench/index-throughput.ts',
  query: 'scripts/bench/query-latency.ts',
  vectors: 'scripts/bench/vector-recall.ts',
  embed: 'scripts/bench-embed.ts',
  discord: 'scripts/bench-discord.ts',
  // Long (SOAK_MINUTES, default 10): run only when asked for, `npm run bench -- soak`.
  soak: 'scripts/bench-soak.ts',
  'bad-inputs': 'scripts/bench-bad-inputs.ts',
  // SQLite vs Postgres + pgvector on Reuters (issue 9); skips itself when Postgres is not installed.
  postgres: 'scripts/bench/postgres.ts',
};
const ON_REQUEST_ONLY = new Set(['soak']);
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const chosen = wanted.length ? wanted : Object.keys(SECTIONS).filter((s) => !ON_REQUEST_ONLY.has(s));
const unknown = chosen.filter((s) => !SECTIONS[s]);
if (unknown.length) {
  process.stderr.write(`Unknown bench section(s): ${unknown.join(', ')}. Known: ${Object.keys(SECTIONS).join(', ')}\n`);
  process.exit(2);
}

const results: Record<string, unknown> = {};
for (const section of chosen) {
  const script = SECTIONS[section]!;
  if (!existsSync(script)) continue;
  process.stderr.write(`bench: ${section} …\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  try {
    results[section] = JSON.parse(last);
  } catch {
    results[section] = { error: `exit ${run.status}`, output: run.stdout.slice(-2000) };
  }
  process.stdout.write(`\n## ${section}\n${JSON.stringify(results[section], null, 2)}\n`);
}
writeFileSync(path.resolve('bench-results.json'), `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
process.stdout.write('\nWritten: bench-results.json\n');
