import type { MessageKey } from '../../core/i18n/translate';
import type { ProfileImageKind } from '../../core/profile/profile-image';

/** What each profile image is called, on the 单位信息 screen and in the 审核 tab alike. */
export const PROFILE_IMAGE_LABELS: Readonly<Record<ProfileImageKind, MessageKey>> = {
  signature: 'ui.profile.image.signature',
  seal: 'ui.profile.image.seal',
};
