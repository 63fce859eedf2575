/// <reference types="vite/client" />

/** True when the build includes the in-browser demo backend (MSW). */
declare const __DEMO_BUILD__: boolean;
