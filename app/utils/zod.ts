import { z } from "zod";

// Every module takes zod from here. Zod compiles object schemas with `new Function` when it
// may, and merely probing whether it may (when the first object schema is built) is an eval
// that our Content-Security-Policy forbids and reports. Switching the compiler off here, in
// the module every schema imports first, keeps the probe from ever running.
z.config({ jitless: true });

export { z };
