import {
  ActionRowBuilder,
  ChannelType,
  InteractionContextType,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
  type BaseInteraction,
} from 'discord.js';
import { UserError } from '../src/errors.js';
import type { AskOptions } from '../src/domain.js';
import type { Command } from '../src/bot/command.js';
import { formatAnswer } from '../src/bot/format/answer.js';
import { feedChoice, formatFeedList, formatFollowed, formatUnfollowed } from '../src/bot/format/feeds.js';
import { takeRate } from '../src/bot/rate.js';
import { followFeed, unfollowFeed } from '../src/feeds/manage.js';

const data = new SlashCommandBuilder()
  .setName('feeds')
  .setDescription('RSS/Atom feeds whose new articles are indexed automatically (Manage Server only)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Follow a feed: its new articles are fetched and indexed')
      .addStringOption((o) => o.setName('url').setDescription('The http(s) address of an RSS or Atom feed').setRequired(true).setMaxLength(2000))
      .addChannelOption((o) =>
        o.setName('channel').setDescription('Announce each new article here').addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      ),
  )
  .addSubcommand((s) => s.setName('list').setDescription('The followed feeds, with their last errors'))
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Stop following a feed (its articles stay indexed)')
      .addStringOption((o) => o.setName('feed').setDescription('The feed (pick one), or its address').setRequired(true).setAutocomplete(true).setMaxLength(2000)),
  );

const QUESTION_FIELD = 'question';

// Why: default permissions can be overridden per server; the handler checks again.
function checkManager(interaction: BaseInteraction): void {
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError('Only members with the Manage Server permission can manage feeds.');
  }
}

export default {
  data,
  async execute(interaction, ctx) {
    checkManager(interaction);
    const { store } = ctx.feeds;
    const sub = interaction.options.getSubcommand(true);
    if (sub === 'list') {
      await interaction.reply({ ...formatFeedList(await store.list(), ctx.config.feedPollMinutes), flags: MessageFlags.Ephemeral });
    } else if (sub === 'add') {
      const channel = interaction.options.getChannel('channel');
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const followed = await followFeed(store, interaction.options.getString('url', true), {
        channelId: channel?.id ?? null,
        addedBy: interaction.user.id,
        allowLoopback: ctx.config.discord.allowPrivateUrls,
      });
      await interaction.editReply(formatFollowed(followed.feed, followed.created, followed.items, ctx.config.feedPollMinutes));
    } else if (sub === 'remove') {
      const removed = await unfollowFeed(store, interaction.options.getString('feed', true));
      await interaction.reply({ ...formatUnfollowed(removed), flags: MessageFlags.Ephemeral });
    } else {
      throw new UserError(`/feeds ${sub} is not supported.`);
    }
  },
  async autocomplete(interaction, ctx) {
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return interaction.respond([]);
    const typed = interaction.options.getFocused().toLowerCase();
    const feeds = (await ctx.feeds.store.list()).filter((f) => `${f.title ?? ''} ${f.url}`.toLowerCase().includes(typed));
    await interaction.respond(feeds.slice(0, 25).map(feedChoice));
  },
  /** "Ask about this" under a "New coverage" post: a form asking the question. Open to everyone. */
  async button(interaction, ctx, [action, documentId]) {
    if (action !== 'ask' || !documentId) throw new UserError('This button no longer works.');
    const source = await ctx.coverage.source(documentId);
    if (!source) throw new UserError('That article is no longer in the coverage.');
    const input = new TextInputBuilder().setCustomId(QUESTION_FIELD).setLabel('Your question about this article').setStyle(TextInputStyle.Short).setRequired(true).setMaxLength(300);
    const title = `Ask: ${source.title ?? 'this article'}`;
    await interaction.showModal(
      new ModalBuilder()
        .setCustomId(`feeds:ask:${documentId}`)
        .setTitle(title.length > 45 ? `${title.slice(0, 44)}…` : title)
        .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)),
    );
  },
  /** The question from "Ask about this", answered from that article alone. */
  async modal(interaction, ctx, [action, documentId]) {
    if (action !== 'ask' || !documentId) throw new UserError('This form no longer works.');
    const question = interaction.fields.getTextInputValue(QUESTION_FIELD).trim();
    if (!question) throw new UserError('Please type a question.');
    const source = await ctx.coverage.source(documentId);
    if (!source) throw new UserError('That article is no longer in the coverage.');
    const options: AskOptions = { documentId };
    takeRate(ctx, interaction.user.id);
    await interaction.deferReply();
    const answer = await ctx.queue.run(() => ctx.coverage.ask(question, options));
    ctx.answers.set(interaction.id, { answer, options });
    await interaction.editReply(formatAnswer(answer, { key: interaction.id, page: 0, options }));
  },
} satisfies Command;
