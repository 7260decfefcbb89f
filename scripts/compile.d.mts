/** The file:// URL of a compiled entry point, compiling first when the sources changed; undefined without esbuild. */
export declare function compiled(entry?: 'eval-report' | 'bench-run' | 'bench-rebuild' | 'duckdb-peer'): Promise<string | undefined>;
