import { displayAge } from '../text/display-date.js';
import { createFeedPoller } from '../feeds/poller.js';
import { followFeed, unfollowFeed } from '../feeds/manage.js';
import type { PollResult } from '../feeds/poll-feed.js';
import { openCoverage } from '../open-coverage.js';
import type { Feed } from '../store/feed-store.js';
import { openFeedStore } from '../store/open-feeds.js';
import { UserError } from '../errors.js';
import { logToStderr, printJson, runCli } from './run-cli.js';

const USAGE = `Usage: npm run feeds -- add URL [--channel CHANNEL_ID]
       npm run feeds -- list [--json]
       npm run feeds -- remove NUMBER|URL
       npm run feeds -- poll [--all] [--json]   (the feeds due now; --all: every feed now)`;

await runCli(
  USAGE,
  {
    json: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
    channel: { type: 'string' },
  },
  async (args, config) => {
    const [action, target, ...extra] = args.positionals;
    if (extra.length || (action === 'add' || action === 'remove' ? !target : target !== undefined)) throw new UserError(USAGE);
    if (args.values.channel !== undefined && !/^\d+$/.test(args.values.channel)) throw new UserError('--channel must be a Discord channel id (a number).');
    const store = openFeedStore(config);
    try {
      switch (action) {
        case 'add': {
          const { feed, created, items } = await followFeed(store, target!, { channelId: args.values.channel ?? null, addedBy: null, allowLoopback: config.discord.allowPrivateUrls });
          process.stdout.write(created ? `Following #${feed.id} ${feed.url} (${items} items in the feed now); \`npm run feeds -- poll\` or the bot indexes them.\n` : `Already following #${feed.id} ${feed.url}\n`);
          return 0;
        }
        case 'list': {
          const feeds = await store.list();
          if (args.values.json) printJson(feeds);
          else process.stdout.write(feeds.map(describeFeed).join('') + `${feeds.length} feeds, polled every ${config.feedPollMinutes} min (FEED_POLL_MINUTES)\n`);
          return 0;
        }
        case 'remove': {
          const feed = await unfollowFeed(store, target!);
          process.stdout.write(`No longer following #${feed.id} ${feed.url}; its articles stay indexed.\n`);
          return 0;
        }
        case 'poll': {
          const coverage = await openCoverage(config, { log: logToStderr });
          try {
            const poller = createFeedPoller({ store, indexDir: config.indexDir, pollMinutes: config.feedPollMinutes, allowLoopback: config.discord.allowPrivateUrls, index: (files) => coverage.addFiles(files) });
            const results = await poller.pollDue({ all: args.values.all });
            if (args.values.json) printJson(results.map(summary));
            else process.stdout.write(results.map((r) => describePoll(r)).join('') + `${results.length} feeds polled\n`);
            return results.some((r) => r.status === 'failed') ? 1 : 0;
          } finally {
            await coverage.close();
          }
        }
        default:
          throw new UserError(USAGE);
      }
    } finally {
      await store.close();
    }
  },
);

function describeFeed(f: Feed): string {
  const lines = [`#${f.id}  ${f.title ?? '(no title yet)'}  ${f.url}`];
  lines.push(
    `    ${f.items} items${f.itemErrors ? ` (${f.itemErrors} refused)` : ''} · last polled ${f.lastPolledAt ? displayAge(f.lastPolledAt) : 'never'} · next ${f.nextPollAt}` +
      (f.channelId ? ` · posts in channel ${f.channelId}` : ''),
  );
  if (f.lastError) lines.push(`    last error (${f.failures} in a row): ${f.lastError}`);
  if (f.lastItemError) lines.push(`    last refused item: ${f.lastItemError}`);
  return lines.join('\n') + '\n';
}

function summary(r: PollResult) {
  const base = { id: r.feed.id, url: r.feed.url, status: r.status };
  if (r.status === 'failed') return { ...base, error: r.error };
  if (r.status === 'unchanged') return base;
  return { ...base, indexed: r.indexed.map((i) => ({ url: i.url, title: i.title })), refused: r.failed.map((i) => ({ url: i.url, error: i.error })), alreadySeen: r.alreadySeen };
}

function describePoll(r: PollResult): string {
  if (r.status === 'failed') return `#${r.feed.id} failed: ${r.error}\n`;
  if (r.status === 'unchanged') return `#${r.feed.id} ${r.feed.url}: unchanged (304)\n`;
  const refused = r.failed.map((i) => `    refused ${i.url}: ${i.error}\n`).join('');
  const indexed = r.indexed.map((i) => `    + ${i.title ?? i.url}\n`).join('');
  return `#${r.feed.id} ${r.feed.url}: ${r.indexed.length} new, ${r.failed.length} refused, ${r.alreadySeen} already seen\n${indexed}${refused}`;
}
