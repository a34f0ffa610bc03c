import { translator, type MessageParams } from '../../core/i18n/translate';
import { platformZhCN, type PlatformMessageKey } from './zh-cn';

/**
 * Looks up one of the platform's messages and fills its `{name}` placeholders, as core's `t` does.
 *
 * @example t('platform.error.notFound', { id }) // '平台上没有报送编号为 … 的报送记录。'
 */
export const t: (key: PlatformMessageKey, params?: MessageParams) => string = translator(platformZhCN);
