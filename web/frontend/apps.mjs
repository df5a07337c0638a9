// The three apps, each built on its own (build.mjs) with its own base path: the diner's phone never downloads the
// kitchen's or the dashboard's code.
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
    // Preact's React-compatible layer in place of React: the same components (written and type-checked against React's
    // API), some 60 kB less for a phone to download and run before it shows the menu (bench/web)
    resolve: {
      alias: [
        { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
        { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
        { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
        { find: /^react-dom$/, replacement: 'preact/compat' },
        { find: /^react$/, replacement: 'preact/compat' },
      ],
    },
    plugins: [preloadDynamicImports(`/${app}/`)],
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false },
  };
}

/**
 * The page preloads what its entry imports dynamically, with its own imports: the browser downloads the diner app's
 * components alongside its small entry, which meanwhile asks for the menu. (Vite preloads only what an entry imports
 * statically; a dynamic import's files it would fetch only once the import runs, a round trip later.)
 * @param {string} base
 * @returns {import('vite').Plugin}
 */
function preloadDynamicImports(base) {
  return {
    name: 'urop-preload-dynamic-imports',
    transformIndexHtml: {
      order: 'post',
      handler(html, { chunk, bundle }) {
        if (!chunk || !bundle) {
          return html;
        }
        const files = new Set();
        const visit = (file) => {
          const imported = bundle[file];
          if (imported?.type !== 'chunk' || files.has(file) || file === chunk.fileName || chunk.imports.includes(file)) {
            return;
          }
          files.add(file);
          imported.imports.forEach(visit);
        };
        chunk.dynamicImports.forEach(visit);
        return [...files].map((file) => ({
          tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: base + file }, injectTo: 'head',
        }));
      },
    },
  };
}
