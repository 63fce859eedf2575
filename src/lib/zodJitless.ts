import { config } from 'zod';

// zod probes for eval with `new Function("")` when it builds its first object schema. Under the
// Content-Security-Policy we deploy with (no 'unsafe-eval') that probe is a reported violation,
// so it is switched off before any schema exists. Must be the first import of every entry.
config({ jitless: true });
