import { parseArgs } from 'node:util';
import { t } from '../../core/i18n/translate';
import { canonicalJson } from '../../core/protocol/canonical-json';
import { formatKeyId } from '../../core/protocol/receipt-signature';
import { platformDocumentUrl, type PlatformDocument } from '../../core/protocol/platform-document';
import { parseEndpoint } from '../../core/protocol/endpoint';
import { fetchPlatformDocument, parsePlatformDocument } from '../../node/receipts/fetch-platform-document';
import { checkReceipt } from '../../node/receipts/receipt-signature';
import { CliFailure, EXIT, type CliIo, type ExitCode } from '../exit-codes';
import { readInputFile } from '../read-input-file';
import { readJsonObjectFile } from '../read-json-file';

/**
 * `pledge receipt verify <receipt.json> --platform <file or URL of its well-known document>`:
 * exit 0 when the receipt was signed with that platform's key and not a byte of what it says was
 * changed since, 1 when it was (or bears no signature, or another key's), 2 for a file that cannot
 * be read or a wrong command line.
 */
export async function receiptCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { positionals, values } = parseArgs({ args, options: { platform: { type: 'string' } }, allowPositionals: true, strict: true });
  const [action, file, extra] = positionals;
  if (action !== 'verify') throw new CliFailure(t('cli.receipt.usage'), EXIT.unusable);
  if (file === undefined) throw new CliFailure(t('cli.receipt.usage'), EXIT.unusable);
  if (extra !== undefined) throw new CliFailure(t('cli.extra-argument', { option: extra }), EXIT.unusable);
  if (values.platform === undefined) throw new CliFailure(t('cli.receipt.missing-platform'), EXIT.unusable);

  const receipt = await readJsonObjectFile(file);
  const document = await readDocument(values.platform);
  const check = checkReceipt(receipt, document.receiptKey);
  const keyId = formatKeyId(document.receiptKey.keyId);
  switch (check.result) {
    case 'unsigned':
      io.stdout.write(`${t('cli.receipt.unsigned', { file })}\n`);
      return EXIT.invalid;
    case 'other-key':
      io.stdout.write(`${t('cli.receipt.other-key', { file, keyId: formatKeyId(check.keyId), expected: keyId, office: document.platform.name })}\n`);
      return EXIT.invalid;
    case 'forged':
      io.stdout.write(`${t('cli.receipt.forged', { file, office: document.platform.name })}\n`);
      return EXIT.invalid;
    case 'verified':
      break;
  }
  // Signed with the key, but naming another office than the document does: not this platform's receipt.
  if (receipt['platform'] !== undefined && canonicalJson(receipt['platform']) !== canonicalJson(document.platform)) {
    io.stdout.write(`${t('cli.receipt.other-office', { file, office: document.platform.name })}\n`);
    return EXIT.invalid;
  }
  io.stdout.write(`${describeVerified(file, receipt, document, keyId)}\n`);
  return EXIT.ok;
}

function describeVerified(file: string, receipt: Record<string, unknown>, document: PlatformDocument, keyId: string): string {
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '—');
  const unit = receipt['unit'] as { name?: unknown; creditCode?: unknown } | undefined;
  return t('cli.receipt.verified', {
    file,
    office: document.platform.name,
    platformCode: document.platform.creditCode,
    keyId,
    unit: text(unit?.name),
    unitCode: text(unit?.creditCode),
    commitmentCode: text(receipt['commitmentCode']),
    receiptId: text(receipt['receiptId']),
    submissionId: text(receipt['submissionId']),
    receivedAt: text(receipt['receivedAt']),
    sha256: text(receipt['sha256']),
  });
}

/** The well-known document from a URL (https, or http on this machine: the key is what proves, so it must not be swapped on the way) or from a file saved from one. */
async function readDocument(where: string): Promise<PlatformDocument> {
  let answer;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(where)) {
    // The document's own address, or the platform's (the document is then at its well-known path).
    const parsed = parseEndpoint(where);
    if (!parsed.ok) throw new CliFailure(parsed.message, EXIT.unusable);
    answer = await fetchPlatformDocument(parsed.url.endsWith('.json') ? parsed.url : platformDocumentUrl(parsed.url));
    if (answer.kind === 'none') throw new CliFailure(t('receipt.document.missing', { url: where }), EXIT.unusable);
  } else {
    answer = parsePlatformDocument((await readInputFile(where)).toString('utf8'), where);
  }
  if (answer.kind !== 'document') throw new CliFailure(answer.kind === 'failed' ? answer.message : t('receipt.document.missing', { url: where }), EXIT.unusable);
  return answer.document;
}
