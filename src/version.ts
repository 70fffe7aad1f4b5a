/** compat-gate's version, as reports and the CLI show it (kept equal to package.json by a test). */
export const VERSION = '1.0.0';
