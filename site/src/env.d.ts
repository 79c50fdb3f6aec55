/** Absolute path of the lessons folder, set by `vite.define` in astro.config.mjs. */
declare const __PLAYGROUND_LESSONS_DIR__: string;
