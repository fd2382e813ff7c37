import { z } from 'zod'

// Zod probes `Function('')` to compile faster parsers; under the console's Content-Security-Policy
// (no eval) that probe is reported as a violation, so it is switched off before any schema parses.
// The pages whose URL search is read with zod import it from here.
z.config({ jitless: true })

export { z }
