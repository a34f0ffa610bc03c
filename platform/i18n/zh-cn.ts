import { serverMessages } from './messages/server';
import { rosterMessages } from './messages/roster';
import { dashboardMessages } from './messages/dashboard';
import { publicColumnMessages } from './messages/public-column';
import { receiptMessages } from './messages/receipts';
import { storageMessages } from './messages/storage';
import { recordsMessages } from './messages/records';
import { progressMessages } from './messages/progress';
import { fulfilmentMessages } from './messages/fulfilment';

/**
 * The receiving platform's catalogue, one area per file in ./messages: what only the platform says.
 * Refusals both sides give, such as a package that fails core/package/verify-package, stay in
 * core's catalogue. Placeholders are written `{name}` and filled by `t` (./translate).
 */
export const platformZhCN = {
  ...serverMessages,
  ...rosterMessages,
  ...dashboardMessages,
  ...publicColumnMessages,
  ...receiptMessages,
  ...storageMessages,
  ...recordsMessages,
  ...progressMessages,
  ...fulfilmentMessages,
} as const;

export type PlatformMessageKey = keyof typeof platformZhCN;
