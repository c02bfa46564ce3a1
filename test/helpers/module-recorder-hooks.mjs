// ESM load hooks (run by Node off the main thread) that append the URL of every module a process loads,
// dynamic imports included, to the file named at registration. Registered by module-recorder.mjs.
import { appendFileSync } from 'node:fs';

let file;

export function initialize(data) {
  file = data.file;
}

export async function load(url, context, next) {
  appendFileSync(file, `${url}\n`);
  return next(url, context);
}
