import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeCreditCode } from '../core/letter/credit-code';
import { unitCreditCodeProblems } from '../core/letter/validate-letter';
import { t } from './i18n/translate';
import { issueToken, listTokens, revokeToken, type Subject } from './credentials';

export interface CommandOutput {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/**
 * `token issue|list|revoke`: the credentials a city credit office hands out. `issue` prints the
 * new token alone on standard output, so `TOKEN=$(npm run -s platform -- token issue …)` works;
 * everything meant for a person goes to standard error. Answers the exit code: 0, 1 when there was
 * nothing to revoke, 2 for a wrong command line.
 */
export async function runTokenCommand(args: readonly string[], out: CommandOutput): Promise<number> {
  const parsed = parse(args);
  if (!parsed) return usage(out);
  const { values, positionals } = parsed;
  const [action, ...rest] = positionals;
  if (values.data === undefined) return usage(out);
  const location = { dataDir: resolve(values.data), ...(values.database === undefined ? {} : { database: values.database }) };

  if (action === 'issue' && rest.length === 0) {
    const subject = subjectOf(values, out);
    if (subject === undefined) return usage(out);
    if (subject === 'invalid') return 2;
    const { id, token } = await issueToken(location, subject);
    out.stderr.write(`${t('platform.cli.issued', { kind: t('unit' in subject ? 'platform.cli.kind.unit' : 'platform.cli.kind.operator'), id })}\n`);
    out.stdout.write(`${token}\n`);
    return 0;
  }
  if (action === 'list' && rest.length === 0) {
    const rows = (await listTokens(location)).map((c) =>
      [c.id, t(c.kind === 'unit' ? 'platform.cli.kind.unit' : 'platform.cli.kind.operator'), c.unitCode ?? '', c.name ?? '', c.createdAt, c.revokedAt ?? ''].join('\t'),
    );
    out.stdout.write(`${[t('platform.cli.listHeader'), ...rows].join('\n')}\n`);
    return 0;
  }
  if (action === 'revoke' && rest.length === 1 && /^[1-9]\d*$/.test(rest[0]!)) {
    const id = Number(rest[0]);
    if (!(await revokeToken(location, id))) {
      out.stderr.write(`${t('platform.cli.notRevoked', { id })}\n`);
      return 1;
    }
    out.stdout.write(`${t('platform.cli.revoked', { id })}\n`);
    return 0;
  }
  return usage(out);
}

type Values = { data?: string; database?: string; unit?: string; operator?: boolean; name?: string };

/** Exactly one of `--unit` and `--operator`; the unit's code as the letter normalises it, and only a code that passes its checks. */
function subjectOf(values: Values, out: CommandOutput): Subject | 'invalid' | undefined {
  const name = values.name?.trim() ? { name: values.name.trim() } : {};
  if ((values.unit === undefined) === (values.operator !== true)) return undefined;
  if (values.operator) return { operator: true, ...name };
  const code = normalizeCreditCode(values.unit!);
  const problem = unitCreditCodeProblems(code)[0];
  if (problem) {
    out.stderr.write(`${problem.message}\n`);
    return 'invalid';
  }
  return { unit: code, ...name };
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: { data: { type: 'string' }, database: { type: 'string' }, unit: { type: 'string' }, operator: { type: 'boolean' }, name: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch {
    return undefined;
  }
}

export function usage(out: CommandOutput): number {
  out.stderr.write(`${t('platform.cli.usage')}\n`);
  return 2;
}
