/** Types for manifest-url.js (a CommonJS build helper used by webpack.config.js and the tests). */
export declare const DEV_URL: string;
export declare function productionBase(value: string | undefined | null): string | null;
export declare function rewriteManifest(xml: string, base: string | null): string;
