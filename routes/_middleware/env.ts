import type { IslandManifest } from "../../lib/build_islands.ts";
import type { Logger } from "../../lib/log.ts";

/** Per-request values on `c.var`, typed once for every route module. */
export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    /** The signed-in user, or null. */
    userId: string | null;
    sessionId: string | null;
    /** The built islands (read once by createApp), or null before `deno task build`. */
    islands: IslandManifest | null;
  };
};
