/**
 * A fake Discord on 127.0.0.1 (REST + Gateway WebSocket on one port) for the real discord.js Client.
 * Point the client at it with `rest: { api: fake.apiBase }`; the gateway address comes from GET /gateway/bot.
 * It validates every message against Discord's limits and answers 400 50035 like Discord, so a test fails
 * when the bot would be rejected. See ../../../shared/notes/fake-discord.md for why each field is here.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Decoded path without /api/v10 and without the query. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: any;
  files: { name: string; size: number }[];
  /** performance.now() when the fake received it. */
  time: number;
  /** The interaction token the route names, if any. */
  token?: string;
  status: number;
}

export interface SentInteraction {
  id: string;
  token: string;
  /** performance.now() when INTERACTION_CREATE was written to the socket. */
  dispatchedAt: number;
}

export interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type: string;
}

export interface InteractionUser {
  userId?: string;
  /** `admin` has Manage Server. @default 'member' */
  role?: 'member' | 'admin';
  /** The gateway connection (shard id) to send on, for sharded clients. @default the latest connection */
  shard?: number;
  /** The channel the interaction comes from: a thread id from `threads` runs it inside that thread. @default the text channel */
  channelId?: string;
}

type OptionValue = string | number | boolean | FakeAttachment;

export interface SubcommandOption {
  name: string;
  /** 3 string, 4 integer, 5 boolean, 7 channel. */
  type: number;
  value: string | number | boolean;
  focused?: boolean;
}

const EPOCH = 1420070400000n;
let counter = 0n;
export const snowflake = () => String(((BigInt(Date.now()) - EPOCH) << 22n) | (counter++ & 0xfffn));

const MEMBER_PERMS = 1n << 31n | 1n << 11n | 1n << 10n | 1n << 14n;
const ADMIN_PERMS = MEMBER_PERMS | 1n << 5n;

export class FakeDiscord {
  readonly token: string;
  readonly applicationId = snowflake();
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly requests: RecordedRequest[] = [];
  /** Bodies the fake refused with 400 50035, with the reasons: a passing test expects none. */
  readonly rejections: { path: string; errors: string[] }[] = [];
  /** Messages by interaction token: `@original` and follow-ups. */
  readonly originals = new Map<string, any>();
  readonly followUps = new Map<string, any[]>();
  /** Messages the bot posted with POST /channels/:id/messages (not interaction replies), by channel id. */
  readonly channelMessages = new Map<string, any[]>();
  /** Threads started from a message (POST /channels/:cid/messages/:mid/threads), by id (the message's id, as on Discord). */
  readonly threads = new Map<string, any>();
  identifies = 0;
  resumes = 0;
  apiBase = '';
  private server = http.createServer((req, res) => void this.handle(req, res));
  private wss = new WebSocketServer({ server: this.server, path: '/gateway' });
  private socket: WebSocket | null = null;
  /** Identified connections by shard id (one per shard process of a sharded bot). */
  private readonly shardSockets = new Map<number, WebSocket>();
  /** `shard: [id, count]` of every IDENTIFY, in order. */
  readonly identifiedShards: [number, number][] = [];
  /** The shard count GET /gateway/bot recommends (what SHARDS=auto uses). */
  readonly recommendedShards: number;
  private seq = 0;
  private sessionId = 'session-' + snowflake();
  private interactions = new Map<string, { id: string; dispatchedAt: number; acked: boolean; message?: any; channelId: string }>();
  private files = new Map<string, { body: Buffer; type: string }>();
  private waiters: { pred: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  private port = 0;

  constructor(options: { token?: string; recommendedShards?: number } = {}) {
    this.token = options.token ?? 'fake-bot-token';
    this.recommendedShards = options.recommendedShards ?? 1;
    this.wss.on('connection', (ws, req) => this.onSocket(ws, req));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    this.apiBase = `http://127.0.0.1:${this.port}/api`;
    return this;
  }

  async stop(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- test API -------------------------------------------------------------------------------

  /** Serves `body` at a CDN-like URL on this server and returns the attachment to pass as an option. */
  serveFile(filename: string, body: string | Buffer, contentType = 'text/plain'): FakeAttachment {
    const id = snowflake();
    const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
    this.files.set(`/attachments/${id}/${filename}`, { body: buf, type: contentType });
    const url = `http://127.0.0.1:${this.port}/attachments/${id}/${encodeURIComponent(filename)}`;
    return { id, filename, size: buf.length, url, proxy_url: url, content_type: contentType };
  }

  sendSlashCommand(name: string, options: Record<string, OptionValue> = {}, who: InteractionUser = {}): SentInteraction {
    const resolved: Record<string, FakeAttachment> = {};
    const opts = Object.entries(options).map(([key, value]) => {
      if (typeof value === 'object') {
        resolved[value.id] = value;
        return { name: key, type: 11, value: value.id };
      }
      const type = typeof value === 'boolean' ? 5 : typeof value === 'number' ? 10 : 3;
      return { name: key, type, value };
    });
    const data = { id: snowflake(), name, type: 1, options: opts, ...(Object.keys(resolved).length ? { resolved: { attachments: resolved } } : {}) };
    return this.dispatchInteraction(2, data, who);
  }

  /**
   * Runs the message context-menu command `name` (Apps → name) on `message`, which the fake completes
   * into a full message object (`content` is usually all a test needs).
   */
  sendMessageCommand(name: string, message: { content?: string; id?: string; author?: any; embeds?: any[] }, who: InteractionUser = {}): SentInteraction {
    const id = message.id ?? snowflake();
    const author = message.author ?? { id: '400000000000000005', username: 'colleague', discriminator: '0', global_name: 'Colleague', avatar: null };
    const target = {
      id, channel_id: this.channelId, guild_id: this.guildId, author, content: message.content ?? '', embeds: message.embeds ?? [], components: [],
      attachments: [], mentions: [], mention_roles: [], mention_everyone: false, timestamp: new Date().toISOString(), edited_timestamp: null,
      tts: false, pinned: false, type: 0, flags: 0,
    };
    return this.dispatchInteraction(2, { id: snowflake(), name, type: 3, target_id: id, resolved: { messages: { [id]: target } } }, who);
  }

  /**
   * A subcommand (`/name sub …`) with options as the API sends them (type 7 = a channel, resolved to the fake's
   * text channel); `interactionType` 4 sends it as autocomplete (mark the typed option `focused`).
   */
  sendSubcommand(name: string, sub: string, options: SubcommandOption[] = [], who: InteractionUser = {}, interactionType: 2 | 4 = 2): SentInteraction {
    const channels = options.some((o) => o.type === 7)
      ? { resolved: { channels: { [this.channelId]: { id: this.channelId, type: 0, name: 'general', permissions: '0' } } } }
      : {};
    return this.dispatchInteraction(interactionType, { id: snowflake(), name, type: 1, options: [{ name: sub, type: 1, options }], ...channels }, who);
  }

  /** Submits the modal the bot opened with `customId` (e.g. from a button on `message`), one text input per value. */
  sendModalSubmit(customId: string, values: Record<string, string>, message?: any, who: InteractionUser = {}): SentInteraction {
    const components = Object.entries(values).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] }));
    return this.dispatchInteraction(5, { custom_id: customId, components }, who, message);
  }

  sendAutocomplete(name: string, options: Record<string, string>, focused: string, who: InteractionUser = {}): SentInteraction {
    const opts = Object.entries(options).map(([key, value]) => ({ name: key, type: 3, value, ...(key === focused ? { focused: true } : {}) }));
    return this.dispatchInteraction(4, { id: snowflake(), name, type: 1, options: opts }, who);
  }

  /** Presses a button on `message` (a message this fake stored, e.g. `fake.originals.get(token)`). */
  sendButton(customId: string, message: any, who: InteractionUser = {}): SentInteraction {
    return this.dispatchInteraction(3, { custom_id: customId, component_type: 2 }, who, message);
  }

  /** Archives a thread as Discord does after its inactivity period: it is no longer listed in GUILD_CREATE. */
  archiveThread(id: string): void {
    const thread = this.threads.get(id);
    if (!thread) throw new Error(`fake Discord: no thread ${id}`);
    thread.thread_metadata = { ...thread.thread_metadata, archived: true, archive_timestamp: new Date().toISOString() };
  }

  /** Sends op 7 RECONNECT: the client reconnects and RESUMEs. */
  requestReconnect(): void {
    this.socket?.send(JSON.stringify({ op: 7, d: null }));
  }

  /** Resolves with the first past or future request matching `pred`. */
  waitForRequest(pred: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const found = this.requests.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = { pred, resolve: (r: RecordedRequest) => (clearTimeout(timer), resolve(r)) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms; got ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** The message the user ends up seeing first for `token`: an edited reply, a reply, or a follow-up. */
  waitForAnswer(token: string, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitForRequest(
      (r) =>
        r.token === token &&
        r.status < 300 &&
        ((r.method === 'PATCH' && r.path.endsWith('/messages/@original')) ||
          (r.method === 'POST' && r.path.startsWith('/webhooks/')) ||
          (r.path.endsWith('/callback') && [4, 7, 8].includes(r.body?.type))),
      timeoutMs,
    );
  }

  /** Every request about one interaction, in order. */
  requestsFor(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.token === token);
  }

  // ---- gateway --------------------------------------------------------------------------------

  private dispatch(t: string, d: unknown, ws: WebSocket | null = this.socket): void {
    ws?.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  private onSocket(ws: WebSocket, req: http.IncomingMessage): void {
    if (new URL(req.url ?? '/', 'http://x').searchParams.has('compress')) return ws.close(4000, 'fake Discord: zlib-stream not supported');
    this.socket = ws;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    ws.on('message', (raw) => {
      const { op, d } = JSON.parse(String(raw));
      if (op === 1) ws.send(JSON.stringify({ op: 11 }));
      else if (op === 2) {
        if (d.token !== this.token) return ws.close(4004, 'Authentication failed.');
        this.identifies++;
        const shard: [number, number] = Array.isArray(d.shard) ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
        this.identifiedShards.push(shard);
        this.shardSockets.set(shard[0], ws);
        this.dispatch('READY', {
          v: 10,
          user: this.botUser(),
          guilds: [{ id: this.guildId, unavailable: true }],
          session_id: this.sessionId,
          resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
          shard,
          application: { id: this.applicationId, flags: 0 },
        }, ws);
        this.dispatch('GUILD_CREATE', this.guild(), ws);
      } else if (op === 6) {
        if (d.token !== this.token || d.session_id !== this.sessionId) return ws.send(JSON.stringify({ op: 9, d: false }));
        this.resumes++;
        this.dispatch('RESUMED', null, ws);
      }
    });
  }

  private botUser() {
    return { id: this.applicationId, username: 'coverage-bot', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 };
  }

  private guild() {
    return {
      id: this.guildId, name: 'Newsroom', icon: null, owner_id: snowflake(), unavailable: false, member_count: 2, large: false,
      roles: [{ id: this.guildId, name: '@everyone', permissions: String(MEMBER_PERMS), position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      channels: [this.channel()], members: [], threads: [...this.threads.values()].filter((t) => !t.thread_metadata.archived), emojis: [], stickers: [], presences: [], voice_states: [],
      stage_instances: [], guild_scheduled_events: [], features: [], joined_at: new Date().toISOString(), preferred_locale: 'en-US',
    };
  }

  private channel() {
    return { id: this.channelId, type: 0, guild_id: this.guildId, name: 'general', position: 0, permission_overwrites: [], nsfw: false, parent_id: null, flags: 0 };
  }

  private dispatchInteraction(type: number, data: unknown, who: InteractionUser, message?: any): SentInteraction {
    const ws = who.shard === undefined ? this.socket : this.shardSockets.get(who.shard);
    if (!ws) throw new Error(who.shard === undefined ? 'fake Discord: no client connected' : `fake Discord: shard ${who.shard} is not connected`);
    const id = snowflake();
    const token = `itoken-${id}`;
    const user = { id: who.userId ?? '400000000000000004', username: 'reporter', discriminator: '0', global_name: 'Reporter', avatar: null };
    const perms = String(who.role === 'admin' ? ADMIN_PERMS : MEMBER_PERMS);
    const channel = who.channelId ? this.threads.get(who.channelId) : this.channel();
    if (!channel) throw new Error(`fake Discord: no thread ${who.channelId}`);
    const payload = {
      id, token, type, version: 1, application_id: this.applicationId, data,
      guild_id: this.guildId, guild: { id: this.guildId, locale: 'en-US', features: [] },
      channel_id: channel.id, channel,
      member: { user, roles: [], joined_at: new Date().toISOString(), permissions: perms, deaf: false, mute: false, flags: 0, nick: null, avatar: null, premium_since: null, pending: false },
      app_permissions: String(ADMIN_PERMS), locale: 'en-US', guild_locale: 'en-US', entitlements: [],
      authorizing_integration_owners: { '0': this.guildId }, context: 0, attachment_size_limit: 26_214_400,
      ...(message ? { message } : {}),
    };
    const dispatchedAt = performance.now();
    this.interactions.set(token, { id, dispatchedAt, acked: false, message, channelId: channel.id });
    this.dispatch('INTERACTION_CREATE', payload, ws);
    return { id, token, dispatchedAt };
  }

  // ---- REST -----------------------------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const file = this.files.get(decodeURIComponent(url.pathname));
    if (req.method === 'GET' && file) {
      res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length }).end(file.body);
      return;
    }
    const path = url.pathname.replace(/^\/api\/v10/, '').split('/').map(decodeURIComponent).join('/');
    const { body, files } = await parseBody(raw, req.headers['content-type']);
    const rec: RecordedRequest = { method: req.method ?? 'GET', path, query: url.searchParams, headers: req.headers, body, files, time: performance.now(), status: 0 };
    const tokenMatch = /^\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)/.exec(path);
    if (tokenMatch) rec.token = tokenMatch[1];
    const [status, out] = this.route(rec);
    rec.status = status;
    this.requests.push(rec);
    for (const w of this.waiters.filter((w) => w.pred(rec))) {
      this.waiters = this.waiters.filter((x) => x !== w);
      w.resolve(rec);
    }
    if (status === 204) res.writeHead(204).end();
    else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(out));
  }

  private route(r: RecordedRequest): [number, unknown] {
    const authed = r.headers.authorization === `Bot ${this.token}`;
    const needsAuth = !r.path.startsWith('/interactions/') && !r.path.startsWith('/webhooks/');
    if (needsAuth && !authed) return [401, { message: '401: Unauthorized', code: 0 }];
    let m: RegExpExecArray | null;
    if (r.method === 'GET' && r.path === '/gateway/bot') {
      return [200, { url: `ws://127.0.0.1:${this.port}/gateway`, shards: this.recommendedShards, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } }];
    }
    if (r.method === 'GET' && (r.path === '/oauth2/applications/@me' || r.path === '/applications/@me')) {
      return [200, { id: this.applicationId, name: 'coverage-bot', icon: null, description: '', bot_public: false, bot_require_code_grant: false, verify_key: '0', flags: 0 }];
    }
    if (r.method === 'PUT' && (m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(r.path))) {
      if (m[1] !== this.applicationId) return [404, { message: 'Unknown Application', code: 10002 }];
      const errors = (r.body as any[]).flatMap(validateCommand);
      if (errors.length) return this.reject(r, errors);
      return [200, (r.body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: this.applicationId, version: snowflake(), ...(m![2] ? { guild_id: m![2] } : {}) }))];
    }
    if (r.method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(r.path))) return this.callback(r, m[1]!, m[2]!);
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(r.path))) return this.webhook(r, m[2]!, m[3]);
    if (r.method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(r.path))) return this.postToChannel(r, m[1]!);
    if (r.method === 'POST' && (m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(r.path))) return this.startThread(r, m[1]!, m[2]!);
    if (r.method === 'GET' && (m = /^\/channels\/(\d+)$/.exec(r.path))) {
      const channel = m[1] === this.channelId ? this.channel() : this.threads.get(m[1]!);
      return channel ? [200, channel] : [404, { message: 'Unknown Channel', code: 10003 }];
    }
    return [404, { message: `fake Discord: no route ${r.method} ${r.path}`, code: 0 }];
  }

  private reject(r: RecordedRequest, errors: string[]): [number, unknown] {
    this.rejections.push({ path: r.path, errors });
    return [400, { code: 50035, message: 'Invalid Form Body', errors: { _errors: errors.map((message) => ({ code: 'BASE_TYPE_MAX_LENGTH', message })) } }];
  }

  private callback(r: RecordedRequest, id: string, token: string): [number, unknown] {
    const it = this.interactions.get(token);
    if (!it || it.id !== id || performance.now() - it.dispatchedAt > 3000) return [404, { message: 'Unknown interaction', code: 10062 }];
    if (it.acked) return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
    const { type, data = {} } = r.body ?? {};
    if (type === 8) {
      const errors = validateChoices(data.choices);
      if (errors.length) return this.reject(r, errors);
    } else if (type === 4 || type === 7) {
      const errors = validateMessage(data);
      if (errors.length) return this.reject(r, errors);
    }
    it.acked = true;
    if (type === 4 || type === 5) this.originals.set(token, { ...this.message({ content: '', embeds: [], components: [], ...data }, data.flags), channel_id: it.channelId });
    if (type === 6 || type === 7) this.originals.set(token, { ...it.message, ...data });
    if (r.query.get('with_response') === 'true') {
      const message = this.originals.get(token);
      return [200, { interaction: { id, type: 2, response_message_id: message?.id, response_message_loading: type === 5, response_message_ephemeral: !!(data.flags & 64) }, resource: { type, message } }];
    }
    return [204, null];
  }

  private webhook(r: RecordedRequest, token: string, messageId: string | undefined): [number, unknown] {
    if (!this.interactions.get(token)?.acked) return [404, { message: 'Unknown Webhook', code: 10015 }];
    const list = this.followUps.get(token) ?? [];
    if (r.method === 'POST' && !messageId) {
      const errors = validateMessage(r.body ?? {});
      if (errors.length) return this.reject(r, errors);
      const msg = { ...this.message(r.body, r.body?.flags), channel_id: this.interactions.get(token)!.channelId };
      this.followUps.set(token, [...list, msg]);
      return [200, msg];
    }
    const current = messageId === '@original' ? this.originals.get(token) : list.find((x) => x.id === messageId);
    if (!current) return [404, { message: 'Unknown Message', code: 10008 }];
    if (r.method === 'GET') return [200, current];
    if (r.method === 'DELETE') {
      if (messageId === '@original') this.originals.delete(token);
      else this.followUps.set(token, list.filter((x) => x !== current));
      return [204, null];
    }
    if (r.method === 'PATCH') {
      const next = { ...current, ...r.body, edited_timestamp: new Date().toISOString() };
      const errors = validateMessage(next);
      if (errors.length) return this.reject(r, errors);
      Object.assign(current, next);
      return [200, current];
    }
    return [404, { message: 'fake Discord: no such webhook route', code: 0 }];
  }

  /** A bot's own post in a channel the fake knows (its one text channel, or a thread it created). */
  private postToChannel(r: RecordedRequest, channelId: string): [number, unknown] {
    if (!this.channelMessages.has(channelId) && channelId !== this.channelId) return [404, { message: 'Unknown Channel', code: 10003 }];
    const errors = validateMessage(r.body ?? {});
    if (errors.length) return this.reject(r, errors);
    const { webhook_id: _w, application_id: _a, ...msg } = { ...this.message(r.body, r.body?.flags), channel_id: channelId, type: 0 };
    this.channelMessages.set(channelId, [...(this.channelMessages.get(channelId) ?? []), msg]);
    return [200, msg];
  }

  /**
   * A public thread on a message of the text channel, as Discord makes one: the thread's id is the message's,
   * the message gains the HAS_THREAD flag (32) and a `thread`, THREAD_CREATE goes out on the gateway, and a
   * second thread on the same message is refused with 160004.
   */
  private startThread(r: RecordedRequest, channelId: string, messageId: string): [number, unknown] {
    if (channelId !== this.channelId) return [404, { message: 'Unknown Channel', code: 10003 }];
    const message = this.storedMessages().find((x) => x.id === messageId && x.channel_id === channelId);
    if (!message) return [404, { message: 'Unknown Message', code: 10008 }];
    if (message.flags & 64) return [400, { message: 'Cannot execute action on this channel type', code: 50024 }];
    const name: string = r.body?.name ?? '';
    if (name.length < 1 || name.length > 100) return this.reject(r, [`name: length ${name.length} not in 1..100`]);
    if (this.threads.has(messageId)) return [400, { message: 'A thread has already been created for this message', code: 160004 }];
    const now = new Date().toISOString();
    const thread = {
      id: messageId, type: 11, guild_id: this.guildId, parent_id: channelId, name, owner_id: this.applicationId, last_message_id: null,
      rate_limit_per_user: r.body?.rate_limit_per_user ?? 0, message_count: 0, member_count: 1, total_message_sent: 0, flags: 0,
      thread_metadata: { archived: false, auto_archive_duration: r.body?.auto_archive_duration ?? 4320, archive_timestamp: now, locked: false, create_timestamp: now },
    };
    this.threads.set(thread.id, thread);
    this.channelMessages.set(thread.id, []);
    message.flags = (message.flags ?? 0) | 32;
    message.thread = thread;
    this.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
    return [201, thread];
  }

  /** Every message the fake holds: interaction replies, follow-ups and channel posts. */
  private storedMessages(): any[] {
    return [...this.originals.values(), ...[...this.followUps.values()].flat(), ...[...this.channelMessages.values()].flat()];
  }

  private message(data: any, flags = 0) {
    return {
      id: snowflake(), channel_id: this.channelId, author: this.botUser(), content: '', embeds: [], components: [], attachments: [],
      mentions: [], mention_roles: [], mention_everyone: false, timestamp: new Date().toISOString(), edited_timestamp: null,
      tts: false, pinned: false, type: 20, webhook_id: this.applicationId, application_id: this.applicationId,
      ...data, flags: flags ?? 0,
    };
  }
}

async function parseBody(raw: Buffer, type: string | undefined): Promise<{ body: any; files: { name: string; size: number }[] }> {
  if (!raw.length) return { body: null, files: [] };
  if (type?.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
    const files: { name: string; size: number }[] = [];
    form.forEach((v, k) => typeof v !== 'string' && k !== 'payload_json' && files.push({ name: (v as File).name, size: (v as File).size }));
    return { body: JSON.parse(String(form.get('payload_json') ?? 'null')), files };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [] };
}

/** Discord's message limits; an empty list means Discord would accept it. */
export function validateMessage(msg: any): string[] {
  const e: string[] = [];
  const content: string = msg.content ?? '';
  if (content.length > 2000) e.push(`content: ${content.length} > 2000`);
  const embeds: any[] = msg.embeds ?? [];
  if (embeds.length > 10) e.push(`embeds: ${embeds.length} > 10`);
  let total = 0;
  embeds.forEach((em, i) => {
    const check = (what: string, v: string | undefined, max: number, min = 0) => {
      if (v === undefined) return;
      total += v.length;
      if (v.length > max || v.length < min) e.push(`embeds[${i}].${what}: length ${v.length} not in ${min}..${max}`);
    };
    check('title', em.title, 256);
    check('description', em.description, 4096);
    check('footer.text', em.footer?.text, 2048, 1);
    check('author.name', em.author?.name, 256, 1);
    if ((em.fields ?? []).length > 25) e.push(`embeds[${i}].fields: ${em.fields.length} > 25`);
    (em.fields ?? []).forEach((f: any, j: number) => {
      check(`fields[${j}].name`, f.name, 256, 1);
      check(`fields[${j}].value`, f.value, 1024, 1);
    });
    if (em.url !== undefined && !/^https?:\/\/\S+$/.test(em.url)) e.push(`embeds[${i}].url: not a URL`);
  });
  if (total > 6000) e.push(`embeds: ${total} characters > 6000 in all`);
  const rows: any[] = msg.components ?? [];
  if (rows.length > 5) e.push(`components: ${rows.length} rows > 5`);
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    const items: any[] = row.components ?? [];
    if (row.type !== 1 || items.length < 1 || items.length > 5) e.push(`components[${i}]: an action row needs 1..5 components`);
    items.forEach((b, j) => {
      const where = `components[${i}].components[${j}]`;
      if ((b.label ?? '').length > 80) e.push(`${where}.label: > 80`);
      if (!b.label && !b.emoji) e.push(`${where}: needs a label or an emoji`);
      if (b.style === 5 ? !b.url : !b.custom_id || b.custom_id.length > 100) e.push(`${where}.custom_id: 1..100 characters required`);
      if (b.custom_id && ids.has(b.custom_id)) e.push(`${where}.custom_id: duplicate ${b.custom_id}`);
      if (b.custom_id) ids.add(b.custom_id);
    });
  });
  if (!content && embeds.length === 0 && rows.length === 0 && !(msg.attachments ?? []).length) e.push('Cannot send an empty message');
  return e;
}

function validateChoices(choices: any[] | undefined): string[] {
  const e: string[] = [];
  if (!Array.isArray(choices)) return ['choices: required'];
  if (choices.length > 25) e.push(`choices: ${choices.length} > 25`);
  choices.forEach((c, i) => {
    if (!c.name || c.name.length > 100) e.push(`choices[${i}].name: 1..100 characters`);
    if (typeof c.value === 'string' && c.value.length > 100) e.push(`choices[${i}].value: > 100`);
  });
  return e;
}

function validateCommand(c: any): string[] {
  const e: string[] = [];
  if (c.type === 2 || c.type === 3) {
    // User and message context-menu commands: a display name (any case, spaces allowed), no description or options.
    if (typeof c.name !== 'string' || c.name.length < 1 || c.name.length > 32) e.push(`command ${c.name}: name 1..32`);
    if (c.description) e.push(`command ${c.name}: context-menu commands take no description`);
    if ((c.options ?? []).length) e.push(`command ${c.name}: context-menu commands take no options`);
    return e;
  }
  const name = /^[-_\p{Ll}\p{N}]{1,32}$/u;
  if (!name.test(c.name)) e.push(`command ${c.name}: bad name`);
  if (!c.description || c.description.length > 100) e.push(`command ${c.name}: description 1..100`);
  const opts: any[] = c.options ?? [];
  if (opts.length > 25) e.push(`command ${c.name}: > 25 options`);
  let optional = false;
  for (const o of opts) {
    if (!name.test(o.name)) e.push(`${c.name}.${o.name}: bad name`);
    if (!o.description || o.description.length > 100) e.push(`${c.name}.${o.name}: description 1..100`);
    if (o.required && optional) e.push(`${c.name}.${o.name}: required options must come first`);
    if (!o.required) optional = true;
  }
  return e;
}
