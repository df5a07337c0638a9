/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { appConfig } from './apps.mjs';

/** The gateway admits no foreign origin: through the proxy the app's calls are the gateway's own origin's. */
const sameOrigin = { configure: (proxy: { on: (event: 'proxyReq', listener: (request: { removeHeader: (name: string) => void }) => void) => void }) =>
  proxy.on('proxyReq', (request) => request.removeHeader('origin')) };

// `npx vite` serves the diner app for development, calling the API of a running devstack's gateway
export default defineConfig({
  ...appConfig('table', resolve(import.meta.dirname, 'dist', 'table')),
  server: {
    proxy: {
      '/api': { target: 'http://localhost:8080', ...sameOrigin },
      '/ws': { target: 'ws://localhost:8080', ws: true, ...sameOrigin },
    },
  },
  test: {
    root: import.meta.dirname,
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
