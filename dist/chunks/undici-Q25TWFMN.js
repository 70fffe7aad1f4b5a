// compat-gate. Third-party licences: licenses.txt next to this file (dist/licenses.txt).
import { createRequire as __compatGateRequire } from 'node:module';
const require = __compatGateRequire(import.meta.url);
import {
  require_undici
} from "./chunk-E5IADTZF.js";
import "./chunk-5WCQBEE6.js";
export default require_undici();
