import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Addresses a webhook may not reach unless private addresses are allowed (loopback, private, link-local…). */
const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

const isBlocked = (address: string) => blocked.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * Resolves as usual, then refuses a private answer: checked at connect time, on the address
 * actually used, so a name that resolved to a public address when it was registered cannot
 * be turned to an internal one (DNS rebinding).
 */
const publicOnly: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const bad = addresses.find((a) => isBlocked(a.address));
    if (bad || !addresses.length)
      return callback(
        Object.assign(new Error(`refused private address ${bad?.address ?? ''}`), { code: 'EPRIVATE' }),
        '',
        0,
      );
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
};

export interface PostResult {
  status?: number;
  error?: string;
  durationMs: number;
}

/**
 * Posts one body and waits for the status line (the answer's body is discarded). Never throws:
 * a refused connection, a timeout or a private address is an error to log and retry.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  opts: { timeoutMs: number; allowPrivate: boolean },
): Promise<PostResult> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve({ error: 'invalid URL', durationMs: 0 });
    }
    // An address written in the URL is never looked up, so it is checked here.
    const literal = target.hostname.replace(/^\[|\]$/g, '');
    if (!opts.allowPrivate && (target.protocol !== 'https:' || (isIP(literal) && isBlocked(literal))))
      return resolve({ error: 'refused: not https to a public address', durationMs: 0 });
    const client = target.protocol === 'https:' ? https : http;
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Hashcart-Webhooks/1' },
        timeout: opts.timeoutMs,
        // A fresh connection per attempt: a kept-alive socket the receiver closed meanwhile would
        // fail the attempt, and every connection goes through the address check.
        agent: false,
        ...(opts.allowPrivate ? {} : { lookup: publicOnly }),
      },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode, durationMs: took() });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)));
    req.on('error', (err) => resolve({ error: String(err.message).slice(0, 300), durationMs: took() }));
    req.end(body);
  });
}
