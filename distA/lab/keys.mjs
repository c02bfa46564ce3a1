import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  DEFAULT_KEY_BITS,
  KeyStore,
  labKeys
} from "../chunks/chunk-2F75Z2HQ.mjs";
import "../chunks/chunk-JO3HUCP3.mjs";
export {
  DEFAULT_KEY_BITS,
  KeyStore,
  labKeys
};
