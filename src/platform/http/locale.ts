import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { i18n, isLocale, type Locale, locales, negotiateLocale } from '../i18n/index.js';

const COOKIE = 'hc_locale';

/** Does the text hold a control character (U+0000–U+001F, U+007F), raw or percent-encoded? */
export function hasControlCharacter(text: string) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return /%(?:[01][0-9a-f]|7f)/i.test(text);
}

/** Locale: the user's remembered choice (cookie), else Accept-Language, else English. */
export function registerLocale(
  app: FastifyInstance,
  opts: {
    secure: boolean /** Remembers a logged-in user's choice (their e-mails use it). */;
    onChoose?: (req: FastifyRequest, locale: Locale) => Promise<void>;
  },
) {
  app.decorateRequest('i18n', null as never);
  app.addHook('onRequest', async (req) => {
    const chosen = req.cookies[COOKIE];
    req.i18n = i18n(isLocale(chosen) ? chosen : negotiateLocale(req.headers['accept-language']));
  });

  const input = z.object({ locale: z.enum(locales), back: z.string().optional() });
  app.post('/locale', async (req, reply) => {
    const parsed = input.safeParse(req.body);
    if (parsed.success) {
      rememberLocale(reply, parsed.data.locale, opts.secure);
      await opts.onChoose?.(req, parsed.data.locale);
    }
    return reply.code(303).redirect(safeBackPath(parsed.data?.back));
  });
}

/** The shop speaks this language to this browser from the next page on. */
export function rememberLocale(reply: FastifyReply, locale: Locale, secure: boolean) {
  reply.setCookie(COOKIE, locale, { path: '/', sameSite: 'lax', secure, httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
}

/**
 * Only same-site paths: "/x" but never "//evil.example" or "/\\evil", and no control
 * characters, raw or encoded (browsers drop a tab or newline, so "/\t/evil.example" is
 * "//evil.example").
 */
export function safeBackPath(path: string | undefined, fallback = '/'): string {
  return path && /^\/(?![/\\])/.test(path) && !hasControlCharacter(path) ? path : fallback;
}
