// The three apps, each built on its own (build.mjs) with its own base path: the diner's phone never downloads the
// kitchen's or the dashboard's code.
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

export const apps = ['table', 'kitchen', 'admin'];

/**
 * One app: its page under src/<app>/, served at /<app>/ with its hashed files under /<app>/assets/.
 * @param {string} app
 * @param {string} outDir
 * @returns {import('vite').UserConfig}
 */
export function appConfig(app, outDir) {
  return {
    root: resolve(import.meta.dirname, 'src', app),
    base: `/${app}/`,
    publicDir: resolve(import.meta.dirname, 'public'),
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false },
  };
}
