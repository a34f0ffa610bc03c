import type { PlatformRoute } from './route-context';

/**
 * The platform's routes beyond the reference protocol, tried in order before it; each feature adds
 * its own line here.
 */
export const PLATFORM_ROUTES: readonly PlatformRoute[] = [];
