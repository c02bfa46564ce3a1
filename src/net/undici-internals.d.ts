// undici's Client and its request() on their own: the package's index also loads fetch, WebSocket, cookies,
// caches and mocks (~60 ms of start-up on the path of the first HTTP probe), none of which the doctor uses.
// package.json pins undici exactly, so these paths are the ones the tests ran against.
declare module 'undici/lib/dispatcher/client.js' {
  import type { Client } from 'undici';
  const UndiciClient: typeof Client;
  export default UndiciClient;
}

/** The index assigns it to Dispatcher.prototype as `request`; called here with the Client as `this`. */
declare module 'undici/lib/api/api-request.js' {
  import type { Dispatcher } from 'undici';
  const request: (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;
  export default request;
}
