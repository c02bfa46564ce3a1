// An answer's headers as lists by lower-case name, in a map with no prototype: a header a server or proxy names
// `__proto__` or `constructor` is just a header, never a property of Object.prototype.

export type HeaderLists = Record<string, string[]>;

/** From raw name/value pairs (Node's rawHeaders, llhttp's Buffers). */
export function headerLists(raw: ReadonlyArray<Buffer | string>): HeaderLists {
  const headers: HeaderLists = Object.create(null) as HeaderLists;
  for (let i = 0; i + 1 < raw.length; i += 2) (headers[raw[i]!.toString('latin1').toLowerCase()] ??= []).push(raw[i + 1]!.toString('latin1'));
  return headers;
}

/** From a parsed header object (undici's response.headers). */
export function headerListsOf(headers: Record<string, string | string[] | undefined>): HeaderLists {
  const lists: HeaderLists = Object.create(null) as HeaderLists;
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) lists[name.toLowerCase()] = Array.isArray(value) ? value : [value];
  }
  return lists;
}
