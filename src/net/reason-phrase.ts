// The standard reason phrase of an HTTP status: undici does not surface HTTP/1.1's reason phrase and HTTP/2 has
// none, so Node's table stands in for it in what the doctor shows (`400 Bad Request`). node:http is loaded by
// undici itself.
import { STATUS_CODES } from 'node:http';

/** `Bad Request` for 400; empty for a status without a standard phrase. */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? '';
}
