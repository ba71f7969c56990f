/**
 * Import first in every page entry: zod compiles fast parsers with `new Function` unless told
 * not to, and it decides when each object schema is built, at module load. Under the app's
 * Content-Security-Policy (no eval) that probe fails and is reported as a violation, so the
 * app turns the compiler off before any schema exists.
 */
import { z } from 'zod';

z.config({ jitless: true });
