import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIEmbed,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { Config } from '../config.js';
import type { CoverageService } from '../coverage.js';
import type { Answer, AskOptions } from '../domain.js';
import type { BotFeeds } from './feeds.js';
import type { ConversationStore } from '../store/conversation-store.js';
import type { Logger } from './log.js';
import type { Lru } from '../util/lru.js';
import type { TaskQueue } from './queue.js';
import type { RateLimiter } from './rate-limit.js';

/** A message body as the formatters build it: plain API JSON, already within Discord's limits. */
export interface Reply {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

/** An answer kept behind its buttons ("More sources", feedback). */
export interface CachedAnswer {
  answer: Answer;
  options: AskOptions;
}

/** Everything a command needs, passed in once (no globals). */
export interface BotContext {
  config: Readonly<Config>;
  coverage: CoverageService;
  logger: Logger;
  /** In front of coverage.ask/cite: a burst waits instead of running many inferences at once. */
  queue: TaskQueue;
  /** `/ask` and `/cite` per user. */
  limiter: RateLimiter;
  answers: Lru<string, CachedAnswer>;
  /** Listing state behind paging buttons (e.g. /sources filters), keyed by the custom_id's key. */
  views: Lru<string, unknown>;
  /** Followed RSS/Atom feeds and their poller (/feeds). */
  feeds: BotFeeds;
  /** The last turns of each thread's conversation, for follow-up questions (/ask in a thread). */
  conversations: ConversationStore;
}

export interface Command {
  data: { readonly name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  /** A slash command. */
  execute?(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  /** A message context-menu command (Apps → name, on a message). */
  executeMessage?(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  /** Buttons whose custom_id is `<command name>:<args…>`; `args` is the rest, split on ':'. */
  button?(interaction: ButtonInteraction, ctx: BotContext, args: string[]): Promise<void>;
  /** Modal submits whose custom_id is `<command name>:<args…>`, like buttons. */
  modal?(interaction: ModalSubmitInteraction, ctx: BotContext, args: string[]): Promise<void>;
}
