import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  asSocketError,
  clientOver
} from "./chunk-X6WYDSF5.mjs";
import "./chunk-Q546YOJN.mjs";
import "./chunk-JO3HUCP3.mjs";
export {
  asSocketError,
  clientOver
};
