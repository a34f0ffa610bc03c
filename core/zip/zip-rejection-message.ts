import { t, type MessageKey } from '../i18n/translate';
import type { ZipProblemCode, ZipRejected } from './zip-rejected';

/** The message key a kind of file (backup, package) uses for each way a ZIP can be refused. */
export type ZipMessageKeys = Readonly<Record<ZipProblemCode, MessageKey>>;

/**
 * Words a {@link ZipRejected} for the user with the caller's own messages, so a backup says
 * "备份" and a package says "报送包".
 *
 * @example zipRejectionMessage(error, PACKAGE_ZIP_MESSAGES) // '报送包中的文件路径“../x”不安全…'
 */
export function zipRejectionMessage(rejection: ZipRejected, keys: ZipMessageKeys): string {
  return t(keys[rejection.code], rejection.params);
}
