import { z } from 'zod';
import { MAX_HELP_MARKDOWN } from './help.rules.js';

export const helpPageForm = z.object({
  markdown: z
    .string({ message: 'field.required' })
    .transform((v) => v.replace(/\r\n/g, '\n'))
    .pipe(z.string().trim().min(1, { message: 'field.required' }).max(MAX_HELP_MARKDOWN, { message: 'field.tooLong' })),
});

/** An order number to prefill the WhatsApp message with; anything odd is dropped. */
export const whatsappQuery = z.object({
  order: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,30}$/)
    .optional()
    .catch(undefined),
});
