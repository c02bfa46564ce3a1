// A preload (`node --import`) that records every module the process loads into $MODULE_RECORDER_FILE,
// one URL a line. A CommonJS package's entry point is recorded, the files it require()s internally are not.
import { register } from 'node:module';

const file = process.env.MODULE_RECORDER_FILE;
if (file) register(new URL('./module-recorder-hooks.mjs', import.meta.url), { data: { file } });
