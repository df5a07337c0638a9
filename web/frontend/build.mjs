// Builds each app into $UROP_WEB_OUT/<app> (the Maven build sets it to target/classes/static; dist/ otherwise), then
// weighs each app's JavaScript as a phone downloads it (gzipped): the diner's must stay within its budget.
import { build } from 'vite';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { apps, appConfig } from './apps.mjs';

/** Kilobytes of gzipped JavaScript an app may make a phone download before its first render. */
const BUDGET_KB = { table: 150 };

const out = process.env.UROP_WEB_OUT ?? resolve(import.meta.dirname, 'dist');
let over = false;
for (const app of apps) {
  const outDir = resolve(out, app);
  await build({ ...appConfig(app, outDir), configFile: false });
  const assets = resolve(outDir, 'assets');
  const bytes = readdirSync(assets).filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipSync(readFileSync(resolve(assets, file)), { level: 9 }).length, 0);
  const kb = Math.round(bytes / 102.4) / 10;
  const budget = BUDGET_KB[app];
  console.log(`${app}: ${kb} kB of JavaScript gzipped${budget ? ` (budget ${budget} kB)` : ''}`);
  if (budget && kb > budget) {
    console.error(`${app} is over its budget of ${budget} kB`);
    over = true;
  }
}
process.exitCode = over ? 1 : 0;
