import type { MessageKey } from '../../core/i18n/zh-cn';
import type { SigningErrorCode } from './signer';

/** The Chinese message for each refusal, shared by `pledge sign` and the app's 审核 tab. */
export const SIGNING_ERROR_MESSAGES: Readonly<Record<SigningErrorCode, MessageKey>> = {
  'p12-unreadable': 'signing.error.p12-unreadable',
  'p12-password': 'signing.error.p12-password',
  'p12-no-key': 'signing.error.p12-no-key',
  'not-pdf': 'signing.error.not-pdf',
  'no-empty-field': 'signing.error.no-empty-field',
  'image-unreadable': 'signing.error.image-unreadable',
  'signature-too-large': 'signing.error.signature-too-large',
};
