import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../../core/i18n/translate';
import { reportError } from './error-reporting';

/** A render error shows a Chinese message and is logged, never a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    reportError(error, `react${info.componentStack ? `: ${info.componentStack.split('\n')[1]?.trim() ?? ''}` : ''}`);
  }

  override render() {
    if (this.state.error) {
      return (
        <p role="alert" className="error">
          {t('ui.unexpected-error', { reason: this.state.error.message })}
        </p>
      );
    }
    return this.props.children;
  }
}
