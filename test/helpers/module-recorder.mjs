// A preload (`node --import`) that records every module the process loads into $MODULE_RECORDER_FILE, one
// URL a line, ESM or CommonJS, from the files of a package to the ESM the bin loads with require(). It asks
// V8 through the inspector which scripts it compiles (load hooks see neither require()d ESM nor what a
// CommonJS package requires). Node's own start-up modules are left out; built-ins loaded later are in.
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';

const file = process.env.MODULE_RECORDER_FILE;
if (file) {
  const urls = new Set();
  let started = false;
  const session = new Session();
  session.connect();
  session.on('Debugger.scriptParsed', ({ params }) => {
    // Enabling the debugger first replays what is already compiled: of that, only files are kept.
    if (params.url && (started || params.url.startsWith('file:'))) urls.add(params.url);
  });
  session.post('Debugger.enable');
  started = true;
  process.on('exit', () => writeFileSync(file, [...urls].map((url) => `${url}\n`).join('')));
}
