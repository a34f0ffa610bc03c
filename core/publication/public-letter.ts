import { z } from 'zod';
import { CATEGORY_KEYS } from '../letter/categories';

/**
 * What the public may see of a letter, on the platform's column and on the unit's own site alike.
 * The schema names each field a public page shows and nothing else: zod drops every other key, so
 * whatever a letter holds besides (a person's ID number for the national record, say) never
 * reaches a page, however the pages are written.
 */
const PublicLetterSchema = z.object({
  kind: z.enum(['unit', 'person']),
  year: z.number().int(),
  title: z.string().optional(),
  statement: z.string().optional(),
  closing: z.string().optional(),
  unit: z.object({ name: z.string(), creditCode: z.string() }),
  // A personal letter shows the person's name and post only.
  person: z.object({ name: z.string(), position: z.string() }).optional(),
  items: z.array(z.object({ category: z.enum(CATEGORY_KEYS), content: z.string(), deadline: z.string().optional(), owner: z.string().optional() })),
  supervision: z.object({ phone: z.string(), email: z.string().optional(), hotline: z.string().optional() }),
  principal: z.object({ name: z.string(), title: z.string().optional() }),
  date: z.string(),
});

type ParsedLetter = z.output<typeof PublicLetterSchema>;
/** A personal letter has no `principal`: whoever signs it, the page names only the person. */
export type PublicLetter = Omit<ParsedLetter, 'principal'> & { readonly principal?: ParsedLetter['principal'] };

/** The public part of a letter (pledge-letter/1, as a package holds it); throws on one that is not a letter. */
export function publicLetter(letter: unknown): PublicLetter {
  const { principal, ...shown } = PublicLetterSchema.parse(letter);
  return shown.kind === 'person' ? shown : { ...shown, principal };
}
