import { t } from '../i18n/translate';
import type { ConnectionCheck } from './connection-check';

/**
 * What "测试连接" found, in one Chinese sentence that names the part that failed (the address or
 * the token) and, when all is well, whose token it is. `usable` is false for an operator's token:
 * it passes the check but cannot submit a unit's letter.
 *
 * @example describeConnectionCheck({ result: 'token-missing' }).usable // false
 */
export function describeConnectionCheck(found: ConnectionCheck): { readonly usable: boolean; readonly text: string } {
  switch (found.result) {
    case 'bad-address':
    case 'unreachable':
    case 'not-platform':
    case 'platform-error':
    case 'token-refused':
      return { usable: false, text: t(`ui.connection.check.${found.result}`, { reason: found.message }) };
    case 'token-missing':
      return { usable: false, text: t('ui.connection.check.token-missing') };
    case 'ok': {
      const { credential } = found;
      if (credential === undefined) return { usable: true, text: t('ui.connection.check.ok') };
      if (credential.kind === 'open') return { usable: true, text: t('ui.connection.check.ok-open') };
      if (credential.kind === 'operator') return { usable: false, text: t('ui.connection.check.ok-operator') };
      const text = credential.name ? t('ui.connection.check.ok-unit', { unit: credential.name, code: credential.creditCode }) : t('ui.connection.check.ok-unit-code', { code: credential.creditCode });
      return { usable: true, text };
    }
  }
}
