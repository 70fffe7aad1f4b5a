/** compat-gate's version, as reports and the CLI show it (kept equal to package.json by a test). */
export const VERSION = '0.1.0';
