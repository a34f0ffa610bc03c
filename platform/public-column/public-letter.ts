import { z } from 'zod';
import { CATEGORY_KEYS } from '../../core/letter/categories';

/**
 * What the public column shows of a letter, read from the stored package's `letter.json`
 * (pledge-letter/1). The schema names each field the pages show and nothing else: zod drops every
 * other key, so whatever a later format adds to a letter (a person's ID number for the national
 * record, say) never reaches a page, however the pages are written.
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

/** Parses the `letter.json` of a package the platform accepted; throws on one it cannot read, which no accepted package is. */
export function parsePublicLetter(bytes: Uint8Array): PublicLetter {
  const { principal, ...letter } = PublicLetterSchema.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  return letter.kind === 'person' ? letter : { ...letter, principal };
}
