import type { Publicity } from '../letter/letter-schema';
import type { PublicityType } from './national-template';

const PUBLICITY_TYPE: Readonly<Record<Publicity, PublicityType>> = { public: '可向社会公开', restricted: '特定范围内公开', private: '不可公开' };

/**
 * The template's 公开类型 for a letter's `publicity`; a letter that says nothing is public.
 *
 * @example publicityType(undefined) // '可向社会公开'
 */
export function publicityType(publicity: Publicity | undefined): PublicityType {
  return PUBLICITY_TYPE[publicity ?? 'public'];
}
