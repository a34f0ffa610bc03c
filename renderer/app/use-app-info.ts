import { useEffect, useState } from 'react';
import type { AppInfo } from '../../core/bridge/desktop-api';
import { desktop } from '../bridge/desktop';
import { errorText } from '../../core/errors/error-text';

export type AppInfoState = { readonly info: AppInfo } | { readonly error: string } | null;

/** Asks the host once for version, shell and data location. */
export function useAppInfo(): AppInfoState {
  const [state, setState] = useState<AppInfoState>(null);
  useEffect(() => {
    let live = true;
    desktop.call('app.getInfo').then(
      (info) => live && setState({ info }),
      (error: unknown) => live && setState({ error: errorText(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
