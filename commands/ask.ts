import {
  DiscordAPIError,
  DiscordjsError,
  DiscordjsErrorCodes,
  MessageFlags,
  RESTJSONErrorCodes,
  SlashCommandBuilder,
  ThreadAutoArchiveDuration,
  type AnyThreadChannel,
  type ButtonInteraction,
  type Channel,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { UserError } from '../src/errors.js';
import type { AskOptions } from '../src/domain.js';
import type { BotContext, CachedAnswer, Command } from '../src/bot/command.js';
import { formatAnswer, parseFooter, showsUnderstood } from '../src/bot/format/answer.js';
import { truncate } from '../src/bot/format/limits.js';
import { formatPassage } from '../src/bot/format/source.js';
import { checkRange, parseDateOption, resolveOutlet, respondOutlets } from '../src/bot/options.js';
import { takeRate } from '../src/bot/rate.js';
import { isBusy } from '../src/store/errors.js';
import { writeQueueOf } from '../src/bot/write-queue.js';
import { describeError } from '../src/bot/log.js';
import { resolveInSession, threadSession } from '../src/conversation/session.js';
import { TURNS_KEPT, turnOf, type Turn } from '../src/conversation/turn.js';

const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask the coverage a question; the answer quotes articles with numbered citations')
  .addStringOption((o) => o.setName('question').setDescription('Your question').setRequired(true))
  .addStringOption((o) => o.setName('outlet').setDescription('Only articles from this outlet').setAutocomplete(true))
  .addStringOption((o) => o.setName('since').setDescription('Only articles published on or after (yyyy-mm-dd)'))
  .addStringOption((o) => o.setName('until').setDescription('Only articles published on or before (yyyy-mm-dd)'))
  .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer'));

export default {
  data,
  async execute(interaction, ctx) {
    const question = interaction.options.getString('question', true).trim();
    if (!question) throw new UserError('Please type a question.');
    const options: AskOptions = {};
    const outlet = resolveOutlet(interaction.options.getString('outlet'), await ctx.coverage.outlets());
    const since = parseDateOption('since', interaction.options.getString('since'), 'start');
    const until = parseDateOption('until', interaction.options.getString('until'), 'end');
    checkRange(since, until);
    if (outlet) options.outlet = outlet;
    if (since) options.since = since;
    if (until) options.until = until;
    takeRate(ctx, interaction.user.id);
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    // Inside a thread the thread is the conversation: its earlier turns resolve "and …?", "when was that?".
    const session = (await channelOf(interaction))?.isThread() ? threadSession(interaction.channelId) : null;
    const resolved = session ? await resolveInSession(ctx.conversations, session, question) : { question, changed: false };
    const answer = await ctx.queue.run(() => ctx.coverage.ask(resolved.question, options));
    ctx.answers.set(interaction.id, { answer, options });
    // Stored before the answer goes out, so that a follow-up sent the moment it appears already sees it.
    // A private question stays private: were it a turn, the next public follow-up could show it in "Understood as".
    if (session && !ephemeral) await remember(ctx, session, turnOf(question, answer));
    await interaction.editReply(
      formatAnswer(answer, { key: interaction.id, page: 0, options, understood: resolved.changed, threadable: !ephemeral && !session && interaction.inGuild() }),
    );
  },
  async autocomplete(interaction, ctx) {
    await respondOutlets(interaction, await ctx.coverage.outlets());
  },
  async button(interaction, ctx, [action, a, b]) {
    if (action === 'show') {
      const found = await ctx.coverage.passage(Number(a));
      if (!found) throw new UserError('That passage is no longer in the index.');
      await interaction.reply({ ...formatPassage(found), flags: MessageFlags.Ephemeral });
    } else if (action === 'more') {
      const cached = await recall(interaction, ctx, a!, () => interaction.deferUpdate());
      const { message } = interaction;
      const reply = formatAnswer(cached.answer, {
        key: a!,
        page: Number(b) || 0,
        options: cached.options,
        understood: showsUnderstood(message.embeds.map((e) => e.toJSON())),
        threadable: message.components.some((row) => 'components' in row && row.components.some((c) => 'customId' in c && typeof c.customId === 'string' && c.customId.startsWith('ask:thread:'))),
      });
      if (interaction.deferred) await interaction.editReply(reply);
      else await interaction.update(reply);
    } else if (action === 'fb') {
      const cached = await recall(interaction, ctx, a!, () => interaction.deferReply({ flags: MessageFlags.Ephemeral }));
      const { answer } = cached;
      const helpful = b === 'up';
      const feedback = {
        question: answer.question,
        passageIds: (answer.citations.length ? answer.citations : answer.closest).map((c) => c.passageId),
        helpful,
        userId: interaction.user.id,
      };
      // Acknowledge first; the insert goes through the write queue (retried while an indexing run holds the lock).
      const content = `Thanks, your ${helpful ? '👍' : '👎'} was recorded.`;
      try {
        if (interaction.deferred) await interaction.editReply({ content });
        else await interaction.reply({ content, flags: MessageFlags.Ephemeral });
      } finally {
        writeQueueOf(ctx).push('feedback', () => ctx.coverage.recordFeedback(feedback));
      }
    } else if (action === 'thread') {
      await startFollowUpThread(interaction, ctx, a!);
    } else {
      throw new UserError('Unknown button.');
    }
  },
} satisfies Command;

/**
 * The channel the command was sent in. An archived thread is not among the threads Discord lists when the
 * bot connects, so after a restart it is fetched (the interaction carries only its id to discord.js).
 */
async function channelOf(interaction: ChatInputCommandInteraction): Promise<Channel | null> {
  if (interaction.channel || !interaction.inGuild()) return interaction.channel;
  return interaction.client.channels.fetch(interaction.channelId).catch(() => null);
}

/** Discord's limit on a thread's name. */
const THREAD_NAME_MAX = 100;

/**
 * "Follow up in thread": a public thread on the answer, named after its question, with a first message saying
 * how to follow up, and the answer stored as the thread's first turn. A message holds one thread: pressing
 * again links to it.
 */
async function startFollowUpThread(interaction: ButtonInteraction, ctx: BotContext, key: string): Promise<void> {
  const { message } = interaction;
  if (message.hasThread) {
    await interaction.reply({ content: threadExists(message.thread?.id ?? message.id), flags: MessageFlags.Ephemeral });
    return;
  }
  const defer = () => interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { answer } = await recall(interaction, ctx, key, defer);
  if (!interaction.deferred) await defer();
  let thread: AnyThreadChannel;
  try {
    thread = await message.startThread({ name: truncate(answer.question, THREAD_NAME_MAX), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
  } catch (error) {
    // Two people pressing at once: the second finds the first one's thread (it has the message's id).
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) {
      await interaction.editReply({ content: threadExists(message.id) });
      return;
    }
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.MissingPermissions) {
      throw new UserError('I am not allowed to start threads in this channel (it needs the Create Public Threads permission).');
    }
    if (error instanceof DiscordjsError && [DiscordjsErrorCodes.ChannelNotCached, DiscordjsErrorCodes.MessageThreadParent].includes(error.code)) {
      throw new UserError('Threads can only be started on answers in a server text channel.');
    }
    throw error;
  }
  await thread.send({
    content:
      `Follow-up questions on “${truncate(answer.question, 300)}”. Use \`/ask\` here to follow up: questions like “and …?”, ` +
      `“what did he say next?” or “when was that?” are read with this thread's last ${TURNS_KEPT} questions and answers.`,
  });
  await remember(ctx, threadSession(thread.id), turnOf(answer.question, answer));
  await interaction.editReply({ content: `Thread started: <#${thread.id}>. Ask your follow-up questions there with \`/ask\`.` });
}

const threadExists = (threadId: string) => `This answer already has a thread: <#${threadId}>. Ask your follow-up questions there with \`/ask\`.`;

/**
 * Stores a turn of a thread's conversation. While an indexing run holds the SQLite write lock the write goes
 * to the write queue, which retries it; any other failure is logged: the answer has been given either way.
 */
async function remember(ctx: BotContext, sessionKey: string, turn: Turn): Promise<void> {
  const write = () => ctx.conversations.addTurn(sessionKey, turn, TURNS_KEPT);
  try {
    await write();
  } catch (error) {
    if (isBusy(error)) writeQueueOf(ctx).push('conversation', write);
    else ctx.logger.error('conversation turn not saved', { session: sessionKey, error: describeError(error) });
  }
}

/**
 * The answer behind a button: from the cache, else re-run from the message itself (the question is
 * the embed title, the filters are in the footer). A question too long for a title cannot be re-run.
 */
async function recall(interaction: ButtonInteraction, ctx: BotContext, key: string, defer: () => Promise<unknown>): Promise<CachedAnswer> {
  const cached = ctx.answers.get(key);
  if (cached) return cached;
  const embed = interaction.message.embeds[0];
  const question = embed?.title;
  if (!question || question.endsWith('…')) throw new UserError('This answer is too old for its buttons; please ask again.');
  const options = parseFooter(embed.footer?.text ?? '');
  await defer();
  const answer = await ctx.queue.run(() => ctx.coverage.ask(question, options));
  const fresh = { answer, options };
  ctx.answers.set(key, fresh);
  return fresh;
}
