import { coverageRoute } from '../coverage/coverage-route';
import { dashboardRoute } from '../dashboard/dashboard-route';
import type { PlatformRoute } from './route-context';
import { wellKnownRoute } from '../receipts/well-known-route';
import { publicColumnRoute } from '../public-column/public-column-route';
import { recordsRoute } from '../records/records-route';

/**
 * The platform's routes beyond the reference protocol, tried in order before it; each feature adds
 * its own line here.
 */
export const PLATFORM_ROUTES: readonly PlatformRoute[] = [wellKnownRoute, coverageRoute, recordsRoute, dashboardRoute, publicColumnRoute()];
