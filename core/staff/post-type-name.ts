import { t } from '../i18n/translate';
import type { PostType } from './staff-member';

/**
 * 岗位类别 as the roster and the screens write it.
 *
 * @example postTypeName('enforcement') // '行政执法'
 */
export function postTypeName(postType: PostType): string {
  return t(`post-type.${postType}`);
}
