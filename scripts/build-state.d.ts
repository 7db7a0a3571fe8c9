/** Types of build-state.js (plain JavaScript: the build runs before anything is compiled). */
export declare const root: string;
export declare const stamp: string;
export declare function serverStale(): boolean;
