import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { UserError } from '../errors.js';

/** A URL the fetcher will not follow: the message is safe to show the user. */
export class UrlRefusedError extends UserError {
  override name = 'UrlRefusedError';
}

export interface FetchUrlOptions {
  /** Lets loopback (127.0.0.0/8, ::1) through, for tests. Private and link-local stay refused. @default false */
  allowLoopback?: boolean;
  /** @default 5 MB */
  maxBytes?: number;
  /** For the whole fetch, redirects and body included. @default 15 000 */
  timeoutMs?: number;
  /** @default 5 */
  maxRedirects?: number;
  /** Extra request headers, e.g. If-None-Match / If-Modified-Since for a conditional GET (a 304 then resolves). */
  headers?: Record<string, string>;
  /** @default HTML, plain text and Markdown first */
  accept?: string;
  /** Aborts the fetch early (e.g. at shutdown), besides the timeout. */
  signal?: AbortSignal;
}

export interface FetchedPage {
  /** The final URL, after redirects. */
  url: string;
  body: Buffer;
  contentType: string | null;
  /** 200-299, or 304 (empty body) when a conditional request found the page unchanged. */
  status: number;
  /** Validators for the next conditional GET. */
  etag: string | null;
  lastModified: string | null;
}

export const MAX_BYTES = 5 * 1024 * 1024;

const denied = new net.BlockList();
for (const [net4, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 3],
] as const) denied.addSubnet(net4, bits, 'ipv4');
// fec0::/10 is deprecated site-local but still routed inside some networks; 64:ff9b:1::/48 is local-use NAT64.
// Forms that embed an IPv4 address (::/96, ::ffff:0:0/96, 2002::/16, 64:ff9b::/96, Teredo) are judged by that address.
for (const [net6, bits] of [['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['64:ff9b:1::', 48], ['2001:db8::', 32]] as const) {
  denied.addSubnet(net6, bits, 'ipv6');
}
const loopback = new net.BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Whether the fetcher may connect to `address` (an IP literal). IPv6 forms that embed IPv4 are judged as that IPv4. */
export function isAllowedAddress(address: string, allowLoopback = false): boolean {
  const ip = address.replace(/^\[|\]$/g, '');
  const family = net.isIP(ip);
  if (family === 0) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (loopback.check(ip, type)) return allowLoopback;
  if (family === 6) {
    // A tunnel or translator forwards to the IPv4 address inside, so a private one there is as private as it looks.
    const inner = embeddedIpv4(ip);
    if (inner !== null) return isAllowedAddress(inner, allowLoopback);
  }
  return !denied.check(ip, type);
}

/** The IPv4 address an IPv6 address carries (mapped, compatible, translated, NAT64, 6to4, Teredo client), else null. */
function embeddedIpv4(ip: string): string | null {
  const w = ipv6Words(ip);
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zero = (from: number, to: number) => w.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && (w[5] === 0 || w[5] === 0xffff)) return v4(w[6]!, w[7]!); // ::a.b.c.d, ::ffff:a.b.c.d
  if (zero(0, 4) && w[4] === 0xffff && w[5] === 0) return v4(w[6]!, w[7]!); // ::ffff:0:a.b.c.d
  if (w[0] === 0x64 && w[1] === 0xff9b && zero(2, 6)) return v4(w[6]!, w[7]!); // 64:ff9b::/96
  if (w[0] === 0x2002) return v4(w[1]!, w[2]!); // 6to4
  if (w[0] === 0x2001 && w[1] === 0) return v4(w[6]! ^ 0xffff, w[7]! ^ 0xffff); // Teredo: the client address, obfuscated
  return null;
}

/** The eight 16-bit groups of a valid IPv6 literal (zone id dropped, a trailing dotted quad folded in). */
function ipv6Words(ip: string): number[] {
  let s = ip.replace(/%.*$/, '');
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    s = `${s.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = s.split('::');
  const part = (x: string) => (x ? x.split(':') : []);
  const groups = tail === undefined ? part(head) : [...part(head), ...Array<string>(8 - part(head).length - part(tail).length).fill('0'), ...part(tail)];
  return groups.map((g) => parseInt(g, 16));
}

/**
 * GETs an http(s) URL for `/add`, refusing other schemes, private, loopback and link-local addresses
 * (checked on the address actually connected to, after DNS, and again on every redirect), bodies over
 * `maxBytes`, and fetches over `timeoutMs`. Every refusal is a UrlRefusedError with a readable reason.
 */
export async function fetchUrl(url: string, options: FetchUrlOptions = {}): Promise<FetchedPage> {
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let current = url;
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop++) {
    const target = checkUrl(current, options.allowLoopback ?? false);
    try {
      const res = await get(target, { allowLoopback: options.allowLoopback ?? false, signal, headers: options.headers, accept: options.accept });
      const status = res.statusCode ?? 0;
      if (status === 304 && isConditional(options.headers)) {
        res.resume();
        return { url: target.href, body: Buffer.alloc(0), contentType: null, status, ...validators(res) };
      }
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        current = new URL(res.headers.location, target).href;
        continue;
      }
      if (status < 200 || status >= 300) {
        res.resume();
        throw new UrlRefusedError(`The address answered HTTP ${status}.`);
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > maxBytes) {
        res.destroy();
        throw tooLarge(maxBytes);
      }
      const body = await readCapped(res, maxBytes);
      return { url: target.href, body, contentType: res.headers['content-type'] ?? null, status, ...validators(res) };
    } catch (err) {
      if (err instanceof UserError) throw err;
      if (options.signal?.aborted) throw new UrlRefusedError('The fetch was stopped.', { cause: err });
      if (signal.aborted) throw new UrlRefusedError(`Fetching the address took longer than ${Math.round(timeoutMs / 1000)} s.`, { cause: err });
      throw new UrlRefusedError(`Could not fetch the address: ${(err as Error).message}`, { cause: err });
    }
  }
  throw new UrlRefusedError('The address redirects too many times.');
}

const isConditional = (headers: Record<string, string> | undefined) =>
  Object.keys(headers ?? {}).some((h) => /^if-(none-match|modified-since)$/i.test(h));

function validators(res: http.IncomingMessage): Pick<FetchedPage, 'etag' | 'lastModified'> {
  return { etag: res.headers.etag ?? null, lastModified: res.headers['last-modified'] ?? null };
}

function checkUrl(raw: string, allowLoopback: boolean): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UrlRefusedError('That is not a valid URL.');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UrlRefusedError(`Only http and https addresses can be added, not ${u.protocol.replace(':', '')}.`);
  if (u.username || u.password) throw new UrlRefusedError('Addresses with a user name or password are refused.');
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) && !isAllowedAddress(host, allowLoopback)) throw refusedAddress();
  return u;
}

const refusedAddress = () => new UrlRefusedError('That address points to a private, loopback or link-local network, which is refused.');
const tooLarge = (max: number) => new UrlRefusedError(`The page is larger than ${Math.round(max / 1024 / 1024)} MB.`);

interface GetOptions {
  allowLoopback: boolean;
  signal: AbortSignal;
  headers: Record<string, string> | undefined;
  accept: string | undefined;
}

const DEFAULT_ACCEPT = 'text/html,text/plain,text/markdown;q=0.9,*/*;q=0.5';

function get(u: URL, { allowLoopback, signal, headers, accept }: GetOptions): Promise<http.IncomingMessage> {
  let refused: UrlRefusedError | null = null;
  const lookup: net.LookupFunction = (hostname, opts, callback) => {
    dns.lookup(hostname, { ...opts, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as dns.LookupAddress[];
      if (list.length === 0 || list.some((a) => !isAllowedAddress(a.address, allowLoopback))) {
        refused = refusedAddress();
        return callback(refused, '', 4);
      }
      if (opts.all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      else callback(null, list[0]!.address, list[0]!.family);
    });
  };
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.get(u, { lookup, signal, headers: { 'user-agent': 'coverage-bot/0.1', accept: accept ?? DEFAULT_ACCEPT, ...headers } }, resolve);
    req.on('error', (err) => reject(refused ?? err));
  });
}

async function readCapped(res: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      res.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
