import { z } from 'zod';

/**
 * Imported first by every renderer entry (the page and each worker). zod 4 compiles object
 * schemas with `new Function` when it may, and probes for that with a try; under the app's
 * Content Security Policy (no eval) the probe alone is a policy violation. Jitless zod never
 * tries, at the cost of slightly slower parsing.
 */
z.config({ jitless: true });
