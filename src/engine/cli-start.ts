// Imported first by the CLI, before the modules it loads: they load from V8's code cache (compile-cache.ts).
import { enableCompileCache } from "./compile-cache";

enableCompileCache();
