import type { PlatformIdentity } from '../../platform/identity/platform-identity';

/** The invented city credit office every test platform receives for: it begins every 承诺编码 with 239900. */
export const OFFICE: PlatformIdentity = { name: '青山市社会信用体系建设领导小组办公室', creditCode: '112399000123456719', regionCode: '239900' };
