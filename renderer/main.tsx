// First: see zod-without-eval.ts.
import './app/zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { installErrorReporting } from './app/error-reporting';
import { rescueWritesInFlight, settleAllSaves } from './app/pending-saves';
import { desktop } from './bridge/desktop';
import './styles.css';

installErrorReporting();
// Outside React, so a window still closes promptly after the UI itself has failed: the desktop
// window waits for this before it closes, so the last keystrokes reach IndexedDB.
// A save still on its way when the page unloads (reload, closing the tab) is issued again at once.
window.addEventListener('pagehide', rescueWritesInFlight);
desktop.on('app.before-close', () => void settleAllSaves().finally(() => void desktop.call('app.readyToClose')));
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}
