import { z } from 'zod';

export const noteInput = z.object({
  body: z.string().trim().min(1, { message: 'field.required' }).max(4000, { message: 'field.tooLong' }),
});

/** Tags are short labels, compared as typed after trimming and collapsing spaces. */
export const tagInput = z.object({
  tag: z
    .string()
    .transform((v) => v.trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(1, { message: 'field.required' }).max(40, { message: 'field.tooLong' })),
});
