export declare const ROOT: string;
export declare const APP_DIR: string;
export declare function appIsStale(): boolean;
/** Returns true when it built. */
export declare function ensureAppBuilt(): Promise<boolean>;
