import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl, isAllowedAddress, UrlRefusedError } from '../../src/read/fetch-url.js';

let server: http.Server;
let port = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/ok') res.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
    else if (req.url === '/hop') res.writeHead(301, { location: '/ok' }).end();
    else if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end();
    else if (req.url === '/to-file') res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    else if (req.url === '/to-private') res.writeHead(302, { location: 'http://192.168.1.1/admin' }).end();
    else if (req.url === '/chunked') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 20; i++) res.write(Buffer.alloc(1024, 'x'));
      res.end();
    } else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end('late'), 2000).unref();
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise((r) => server.close(r));
});

const local = (p: string) => `http://127.0.0.1:${port}${p}`;
const refused = (p: Promise<unknown>, reason: RegExp) => expect(p).rejects.toThrow(expect.objectContaining({ name: 'UrlRefusedError', message: expect.stringMatching(reason) }));

describe('fetchUrl', () => {
  it('refuses loopback by default, also behind a host name (after DNS)', async () => {
    await refused(fetchUrl(local('/ok')), /private, loopback or link-local/);
    await refused(fetchUrl(`http://localhost:${port}/ok`), /private, loopback or link-local/);
  });

  it('fetches loopback only with the explicit setting, following redirects', async () => {
    const page = await fetchUrl(local('/hop'), { allowLoopback: true });
    expect(page.body.toString()).toBe('hello');
    expect(page.url).toBe(local('/ok'));
    expect(page.contentType).toBe('text/plain');
  });

  it('checks every redirect: scheme, private address, count', async () => {
    await refused(fetchUrl(local('/to-file'), { allowLoopback: true }), /Only http and https/);
    await refused(fetchUrl(local('/to-private'), { allowLoopback: true }), /private/);
    await refused(fetchUrl(local('/loop'), { allowLoopback: true }), /redirects too many times/);
  });

  it('caps the size even without a Content-Length', async () => {
    await refused(fetchUrl(local('/chunked'), { allowLoopback: true, maxBytes: 10_000 }), /larger than/);
  });

  it('caps the time', async () => {
    const started = Date.now();
    await refused(fetchUrl(local('/slow'), { allowLoopback: true, timeoutMs: 200 }), /took longer than/);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('refuses what is not a URL and URLs with credentials', async () => {
    await refused(fetchUrl('not a url'), /not a valid URL/);
    await refused(fetchUrl('https://user:pw@example.org/'), /user name or password/);
    await expect(fetchUrl('javascript:alert(1)')).rejects.toBeInstanceOf(UrlRefusedError);
  });
});

describe('isAllowedAddress', () => {
  it.each([
    ['93.184.216.34', true], ['2606:2800:220:1::1', true],
    ['127.0.0.1', false], ['10.0.0.1', false], ['172.16.5.4', false], ['192.168.0.1', false], ['169.254.169.254', false],
    ['100.64.0.1', false], ['0.0.0.0', false], ['224.0.0.1', false], ['255.255.255.255', false],
    ['::1', false], ['::', false], ['fe80::1', false], ['fd00::1', false], ['::ffff:10.0.0.1', false], ['::ffff:8.8.8.8', true],
  ])('%s → %s', (ip, allowed) => {
    expect(isAllowedAddress(ip)).toBe(allowed);
  });

  it.each([
    // IPv4-compatible ::/96, also as URL parsing writes it (hex)
    ['::127.0.0.1', false], ['::7f00:1', false], ['[::127.0.0.1]', false], ['::10.0.0.1', false], ['::8.8.8.8', true],
    // IPv4-mapped ::ffff:0:0/96, hex form
    ['::ffff:7f00:1', false], ['::ffff:a9fe:a9fe', false], ['::ffff:808:808', true],
    // IPv4-translated ::ffff:0:0:0/96
    ['::ffff:0:192.168.1.1', false], ['::ffff:0:c0a8:101', false], ['::ffff:0:8.8.8.8', true],
    // NAT64 64:ff9b::/96; the local-use 64:ff9b:1::/48 is refused outright
    ['64:ff9b::10.1.2.3', false], ['64:ff9b::a9fe:a9fe', false], ['64:ff9b::8.8.8.8', true], ['64:ff9b:1::8.8.8.8', false],
    // 6to4 2002:AABB:CCDD::/16 carries AA.BB.CC.DD
    ['2002:7f00:1::', false], ['2002:c0a8:101::1', false], ['2002:a9fe:a9fe:1::1', false], ['2002:808:808::1', true],
    // Teredo 2001::/32: the client address is the last 32 bits inverted (f5ff:fffe → 10.0.0.1, 80ff:fffe → 127.0.0.1, f7f7:f7f7 → 8.8.8.8)
    ['2001:0:4136:e378:8000:63bf:f5ff:fffe', false], ['2001::8000:63bf:80ff:fffe', false], ['2001:0:4136:e378:8000:63bf:f7f7:f7f7', true],
    // site-local fec0::/10
    ['fec0::1', false], ['feff::1', false],
  ])('embedded or site-local %s → %s', (ip, allowed) => {
    expect(isAllowedAddress(ip)).toBe(allowed);
  });

  it('refuses an embedded loopback in a URL before connecting', async () => {
    await refused(fetchUrl(`http://[::127.0.0.1]:${port}/ok`), /private, loopback or link-local/);
    await refused(fetchUrl(`http://[::ffff:0:127.0.0.1]:${port}/ok`), /private, loopback or link-local/);
    await refused(fetchUrl(`http://[2002:7f00:1::]:${port}/ok`), /private, loopback or link-local/);
  });

  it('lets only loopback through with allowLoopback', () => {
    expect(isAllowedAddress('127.0.0.1', true)).toBe(true);
    expect(isAllowedAddress('::1', true)).toBe(true);
    expect(isAllowedAddress('10.0.0.1', true)).toBe(false);
    expect(isAllowedAddress('169.254.169.254', true)).toBe(false);
  });
});
