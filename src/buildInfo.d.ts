// Constants that vite.config.ts defines at build time (see `define` there).
declare const __APP_VERSION__: string;
declare const __BUILD_ID__: string;
