/** Set at build time by Vite from package.json; falls back to the package version under tsx. */
export const APP_VERSION = '0.1.0';
