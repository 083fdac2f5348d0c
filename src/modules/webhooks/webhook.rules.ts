/**
 * When a failed delivery is tried again, and which URLs an endpoint may have. Pure: no IO.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The Standard Webhooks schedule: at once, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and
 * 10 h (eight attempts over a little more than 27 hours). Entry n is the wait after attempt n + 1.
 */
export const retryDelaysMs = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR] as const;
export const MAX_ATTEMPTS = retryDelaysMs.length + 1;

/** When to try again after `attempts` failed attempts, or null once the schedule is spent. */
export function nextAttemptAt(attempts: number, failedAt: Date): Date | null {
  const wait = retryDelaysMs[attempts - 1];
  return wait === undefined ? null : new Date(failedAt.getTime() + wait);
}

/** Only 2xx is a delivery (a redirect is not followed: it would leave the address the admin checked). */
export const delivered = (status: number) => status >= 200 && status < 300;

export type UrlProblem = 'field.webhookUrl' | 'field.webhookHttps' | 'field.webhookPrivate';

const privateHost =
  /^(localhost|.*\.localhost|.*\.local|.*\.internal|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|169\.254\.\d+\.\d+|0\.0\.0\.0|\[.*\])$/i;

/**
 * An endpoint's URL: http(s) only, no credentials in it. Without `allowPrivate` (production's
 * default) it must be https and not name a private host; the address it resolves to is checked
 * again when each delivery connects, so a DNS answer cannot point it inside later.
 */
export function checkEndpointUrl(raw: string, allowPrivate: boolean): UrlProblem | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'field.webhookUrl';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'field.webhookUrl';
  if (url.username || url.password) return 'field.webhookUrl';
  if (allowPrivate) return undefined;
  if (url.protocol !== 'https:') return 'field.webhookHttps';
  if (privateHost.test(url.hostname)) return 'field.webhookPrivate';
  return undefined;
}
