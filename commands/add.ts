import path from 'node:path';
import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { UserError } from '../src/errors.js';
import type { Command } from '../src/bot/command.js';
import { ADDABLE, saveAttachment, saveFromUrl } from '../src/bot/add-source.js';
import { formatAdded, type AddStatus } from '../src/bot/format/source.js';

const data = new SlashCommandBuilder()
  .setName('add')
  .setDescription('Add a web page or a file to the coverage (Manage Server only)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addStringOption((o) => o.setName('url').setDescription('An http(s) address of an article').setMaxLength(2000))
  .addAttachmentOption((o) => o.setName('file').setDescription(`A ${ADDABLE.join(', ')} file (5 MB at most)`));

export default {
  data,
  async execute(interaction, ctx) {
    // Why: default permissions can be overridden per server; the handler checks again.
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserError('Only members with the Manage Server permission can add sources.');
    }
    const url = interaction.options.getString('url')?.trim();
    const file = interaction.options.getAttachment('file');
    if (!url === !file) throw new UserError('Give either `url` or `file` (one of them).');
    await interaction.deferReply();
    const { indexDir, discord } = ctx.config;
    const saved = file
      ? await saveAttachment(indexDir, file, discord.allowPrivateUrls)
      : await saveFromUrl(indexDir, url!, discord.allowPrivateUrls);
    const report = await ctx.queue.run(() => ctx.coverage.addFiles([saved.file]));
    const failed = report.failed.find((f) => path.resolve(f.file) === saved.file) ?? report.failed[0];
    if (failed) {
      const own = failed.file + ': ';
      const reason = failed.error.startsWith(own) ? failed.error.slice(own.length) : failed.error.split(saved.file).join(saved.origin);
      throw new UserError(`Could not index ${saved.origin}: ${reason || 'it could not be read as an article'}`);
    }
    const isSaved = (f: string) => path.resolve(f) === saved.file;
    const sources = await ctx.coverage.sources();
    const own = sources.find((s) => isSaved(s.file));
    const copyOf = own ? undefined : sources.find((s) => s.aliases.some(isSaved));
    const status: AddStatus = copyOf ? 'duplicate' : report.added ? 'added' : report.updated ? 'updated' : 'unchanged';
    await interaction.editReply(formatAdded(status, own ?? copyOf ?? null, saved.origin, report));
  },
} satisfies Command;
