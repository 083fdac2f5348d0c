import type { IncomingMessage } from 'node:http';
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

/** The language a URL prefix names: Spanish under /es/…; English, the default, has none (ADR 0026). */
const PREFIX = /^\/es(?=[/?#]|$)/;
/** Paths that are never prefixed: the back office, the API, files, and form posts that redirect. */
const UNPREFIXED =
  /^\/(admin|api|assets|vendor|media|repair-center-photos|locale|logout|healthz|robots\.txt|sitemap\.xml|sitemaps)(?=[/?#.]|$)/;

/** Where a raw request carries the language its URL named, once the prefix is stripped for routing. */
const urlLocaleKey = Symbol('hc.urlLocale');
type RawWithLocale = IncomingMessage & { [urlLocaleKey]?: Locale };

/**
 * Fastify's `rewriteUrl`: "/es/x" is routed as "/x" in Spanish, so every route exists once
 * and the unprefixed (old) URLs keep working.
 */
export function stripLocalePrefix(raw: IncomingMessage): string {
  const url = raw.url ?? '/';
  if (!PREFIX.test(url)) return url;
  (raw as RawWithLocale)[urlLocaleKey] = 'es';
  const rest = url.slice(3);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** The language the request's URL named (/es/…), if any. */
export const urlLocale = (req: FastifyRequest): Locale | undefined => (req.raw as RawWithLocale)[urlLocaleKey];

/** A site path in a language: "/x" in English, "/es/x" in Spanish; the back office and files stay as they are. */
export function localePath(locale: Locale, path: string): string {
  if (locale === 'en' || !path.startsWith('/') || path.startsWith('//') || UNPREFIXED.test(path)) return path;
  return `/es${path}`;
}

/**
 * A 303 to a site path in the language the request's URL named: a form posted under /es/
 * goes on under /es/ (a visitor with no cookie and an English browser stays in Spanish);
 * an unprefixed post redirects unprefixed, served by cookie or Accept-Language as before.
 */
export function seeOther(req: FastifyRequest, reply: FastifyReply, path: string) {
  const named = urlLocale(req);
  return reply.code(303).redirect(named ? localePath(named, path) : path);
}

/**
 * Locale: the URL's prefix (/es/…), else the user's remembered choice (cookie), else
 * Accept-Language, else English. An unprefixed page depends on the last two, hence `Vary`.
 */
export function registerLocale(
  app: FastifyInstance,
  opts: {
    /** PUBLIC_URL, given to views for absolute links. */
    publicUrl: string;
    secure: boolean /** Remembers a logged-in user's choice (their e-mails use it). */;
    onChoose?: (req: FastifyRequest, locale: Locale) => Promise<void>;
  },
) {
  app.decorateRequest('i18n', null as never);
  app.decorateRequest('publicUrl', opts.publicUrl);
  app.addHook('onRequest', async (req, reply) => {
    const named = urlLocale(req);
    if (named) {
      req.i18n = i18n(named);
      return;
    }
    const chosen = req.cookies[COOKIE];
    req.i18n = i18n(isLocale(chosen) ? chosen : negotiateLocale(req.headers['accept-language']));
    reply.header('vary', 'Accept-Language, Cookie');
  });

  const input = z.object({ locale: z.enum(locales), back: z.string().optional() });
  app.post('/locale', async (req, reply) => {
    const parsed = input.safeParse(req.body);
    if (parsed.success) {
      rememberLocale(reply, parsed.data.locale, opts.secure);
      await opts.onChoose?.(req, parsed.data.locale);
    }
    // Back to the same page in the chosen language (/x ⇄ /es/x); a refused path goes home.
    const back = safeBackPath(parsed.data?.back, '');
    const locale = parsed.data?.locale;
    return reply.code(303).redirect(back && locale ? localePath(locale, stripPrefix(back)) : back || '/');
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

/** "/es/x" → "/x": a back path may name the language it came from. */
const stripPrefix = (path: string) => {
  if (!PREFIX.test(path)) return path;
  const rest = path.slice(3);
  return rest.startsWith('/') ? rest : `/${rest}`;
};
