// Builds each app into $UROP_WEB_OUT/<app> (the Maven build sets it to target/classes/static; dist/ otherwise).
import { build } from 'vite';
import { resolve } from 'node:path';
import { apps, appConfig } from './apps.mjs';

const out = process.env.UROP_WEB_OUT ?? resolve(import.meta.dirname, 'dist');
for (const app of apps) {
  await build({ ...appConfig(app, resolve(out, app)), configFile: false });
}
