import { z } from 'zod'

// Zod probes `Function('')` to compile faster parsers; under the console's Content-Security-Policy
// (no eval) that probe is reported as a violation, so it is switched off before any schema exists.
z.config({ jitless: true })
