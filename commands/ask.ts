import { MessageFlags, SlashCommandBuilder, type ButtonInteraction } from 'discord.js';
import { UserError } from '../src/errors.js';
import type { AskOptions } from '../src/domain.js';
import type { BotContext, CachedAnswer, Command } from '../src/bot/command.js';
import { formatAnswer, parseFooter } from '../src/bot/format/answer.js';
import { formatPassage } from '../src/bot/format/source.js';
import { checkRange, parseDateOption, resolveOutlet, respondOutlets } from '../src/bot/options.js';
import { takeRate } from '../src/bot/rate.js';
import { writeQueueOf } from '../src/bot/write-queue.js';

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
    await interaction.deferReply(interaction.options.getBoolean('private') ? { flags: MessageFlags.Ephemeral } : {});
    const answer = await ctx.queue.run(() => ctx.coverage.ask(question, options));
    ctx.answers.set(interaction.id, { answer, options });
    await interaction.editReply(formatAnswer(answer, { key: interaction.id, page: 0, options }));
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
      const reply = formatAnswer(cached.answer, { key: a!, page: Number(b) || 0, options: cached.options });
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
    } else {
      throw new UserError('Unknown button.');
    }
  },
} satisfies Command;

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
