import { composeCatalogue } from './catalogue';
import { app } from './messages/app';
import { attachments } from './messages/attachments';
import { backup } from './messages/backup';
import { browserHost } from './messages/browser-host';
import { commandLine } from './messages/command-line';
import { connection } from './messages/connection';
import { delivery } from './messages/delivery';
import { desktop } from './messages/desktop';
import { draftList } from './messages/draft-list';
import { drafts } from './messages/drafts';
import { editor } from './messages/editor';
import { fonts } from './messages/fonts';
import { history } from './messages/history';
import { letterCategories } from './messages/letter-categories';
import { letterFields } from './messages/letter-fields';
import { letterProblems } from './messages/letter-problems';
import { outbox } from './messages/outbox';
import { outboxBatch } from './messages/outbox-batch';
import { packageMessages } from './messages/package';
import { pdf } from './messages/pdf';
import { preview } from './messages/preview';
import { profile } from './messages/profile';
import { publication } from './messages/publication';
import { receipt } from './messages/receipt';
import { review } from './messages/review';
import { signing } from './messages/signing';
import { submit } from './messages/submit';
import { staff } from './messages/staff';
import { batch } from './messages/batch';
import { batchPrint } from './messages/batch-print';
import { staffLetters } from './messages/staff-letters';
import { progress } from './messages/progress';
import { progressPdf } from './messages/progress-pdf';
import { itemProgress } from './messages/item-progress';
import { calendar } from './messages/calendar';
import { records } from './messages/records';
import { recordsOutbox } from './messages/records-outbox';
import { serviceCards } from './messages/service-cards';
import { progressScreen } from './messages/progress-screen';
import { progressReports } from './messages/progress-reports';

/**
 * Every user-facing string of Pledge Desk but the receiving platform's own (platform/i18n), one
 * area file per part of the program in messages/. Placeholders are written `{name}` and filled by `t`.
 */
export const zhCN = composeCatalogue({
  app,
  desktop,
  letterCategories,
  letterFields,
  letterProblems,
  pdf,
  receipt,
  commandLine,
  draftList,
  drafts,
  editor,
  preview,
  profile,
  fonts,
  review,
  signing,
  attachments,
  history,
  backup,
  package: packageMessages,
  submit,
  outbox,
  outboxBatch,
  connection,
  delivery,
  browserHost,
  staff,
  batch,
  batchPrint,
  staffLetters,
  publication,
  records,
  progress,
  progressPdf,
  itemProgress,
  calendar,
  recordsOutbox,
  serviceCards,
  progressScreen,
  progressReports,
});

export type MessageKey = keyof typeof zhCN;
