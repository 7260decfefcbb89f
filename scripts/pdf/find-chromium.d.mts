export declare const WELL_KNOWN_CHROMIUM_PATHS: readonly string[];
export declare const INSTALL_HINT: string;
export declare const CHROMIUM_ENV_VARS: readonly string[];
export declare function isExecutableFile(path: string): boolean;
export declare function lookForChromium(
  env?: NodeJS.ProcessEnv,
  candidates?: readonly string[],
): { path: string; error?: undefined; fromEnv?: undefined } | { path?: undefined; error: string; fromEnv: string | null };
