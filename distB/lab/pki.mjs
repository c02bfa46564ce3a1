import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CORPORATE_PRODUCTS,
  KeyStore,
  PUBLIC_INTERMEDIATE_SUBJECT,
  PUBLIC_ROOT_SUBJECT,
  corporateProductOptions,
  mintCorporateCa,
  mintPublicPki,
  signCertificate
} from "../chunks/chunk-BGTIPJF2.mjs";
import {
  toPem
} from "../chunks/chunk-QRNDIB45.mjs";
import "../chunks/chunk-JO3HUCP3.mjs";
export {
  CORPORATE_PRODUCTS,
  KeyStore,
  PUBLIC_INTERMEDIATE_SUBJECT,
  PUBLIC_ROOT_SUBJECT,
  corporateProductOptions,
  mintCorporateCa,
  mintPublicPki,
  signCertificate,
  toPem
};
