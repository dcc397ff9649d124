import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import mantine from 'postcss-preset-mantine';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress';

const api = 'http://127.0.0.1:3000';

// The web app lives in web/; the server serves web/dist in production, and in
// development Vite proxies the API so the session cookie stays same-origin.
export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  resolve: {
    alias: { '@common': fileURLToPath(new URL('./common', import.meta.url)) },
  },
  css: { postcss: { plugins: [mantine()] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps: the served app should not hand out its sources (development has its own).
    sourcemap: false,
  },
  server: {
    proxy: { '/api': api, '/healthz': api, '/readyz': api },
  },
});
