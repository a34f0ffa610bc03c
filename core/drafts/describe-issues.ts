import type { z } from 'zod';

/**
 * Why a stored record did not parse, one `path: message` per issue, for the quarantine's reason:
 * short enough to show, precise enough for whoever repairs the record.
 *
 * @example describeIssues(error) // 'status: Invalid option…; createdAt: Invalid input…'
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '$'}: ${issue.message}`).join('; ');
}
