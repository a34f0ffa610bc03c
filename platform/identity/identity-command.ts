import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatKeyId } from '../../core/protocol/receipt-signature';
import { t } from '../i18n/translate';
import type { CommandOutput } from '../token-command';
import { checkIdentity, loadIdentity, saveIdentity } from './identity-file';
import { openReceiptKey } from './receipt-key';

/**
 * `identity set --data <dir> --name <承诺受理单位> --code <统一社会信用代码> --region <行政区划代码>`
 * and `identity show --data <dir>`: who the platform says it is in its well-known document and its
 * receipts. `set` makes the receipt key too, so `show` can print the fingerprint units compare.
 * Answers the exit code: 0, 1 for a refused value or no identity to show, 2 for a wrong command line.
 */
export async function runIdentityCommand(args: readonly string[], out: CommandOutput): Promise<number> {
  const parsed = parse(args);
  const [action, ...rest] = parsed?.positionals ?? [];
  if (!parsed || parsed.values.data === undefined || rest.length > 0) return usage(out);
  const { values } = parsed;
  const dataDir = resolve(values.data!);

  if (action === 'set') {
    const checked = checkIdentity({ name: values.name, creditCode: values.code, regionCode: values.region });
    if (!checked.ok) {
      out.stderr.write(`${checked.problems.join('\n')}\n`);
      return 1;
    }
    await saveIdentity(dataDir, checked.identity);
    out.stdout.write(`${t('platform.identity.saved')}\n`);
    return show(dataDir, out);
  }
  if (action === 'show' && values.name === undefined && values.code === undefined && values.region === undefined) {
    return show(dataDir, out);
  }
  return usage(out);
}

async function show(dataDir: string, out: CommandOutput): Promise<number> {
  let identity;
  try {
    identity = await loadIdentity(dataDir);
  } catch (error) {
    out.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  if (!identity) {
    out.stderr.write(`${t('platform.identity.notSet', { data: dataDir })}\n`);
    return 1;
  }
  const { key } = await openReceiptKey(dataDir);
  out.stdout.write(`${t('platform.identity.show', { ...identity, keyId: formatKeyId(key.keyId) })}\n`);
  return 0;
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: { data: { type: 'string' }, name: { type: 'string' }, code: { type: 'string' }, region: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch {
    return undefined;
  }
}

function usage(out: CommandOutput): number {
  out.stderr.write(`${t('platform.identity.usage')}\n`);
  return 2;
}
