import { z } from 'zod';
import { CredentialInfoSchema } from '../protocol/reference-protocol';

/**
 * What a check of the platform settings found, step by step: the address (an address the app
 * refuses, nothing answering, something that is not a Pledge platform, a platform in trouble),
 * then the credential (none given, refused). `ok` carries whom the token stands for when the
 * platform says; an older platform without `GET /credential` gives no `credential`.
 */
export const ConnectionCheckSchema = z.discriminatedUnion('result', [
  z.object({ result: z.literal('bad-address'), message: z.string() }),
  z.object({ result: z.literal('unreachable'), message: z.string() }),
  z.object({ result: z.literal('not-platform'), message: z.string() }),
  z.object({ result: z.literal('platform-error'), message: z.string() }),
  z.object({ result: z.literal('token-missing') }),
  z.object({ result: z.literal('token-refused'), message: z.string() }),
  z.object({ result: z.literal('ok'), credential: CredentialInfoSchema.optional() }),
]);
export type ConnectionCheck = z.infer<typeof ConnectionCheckSchema>;
