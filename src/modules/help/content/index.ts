import type { Locale } from '../../../platform/i18n/index.js';
import type { HelpSlug } from '../help.rules.js';
import { en } from './en.js';
import { es } from './es.js';

/** Default prose per locale; admins may override any page (help_pages). */
export const defaultHelp: Record<Locale, Record<HelpSlug, string>> = { en, es };
