import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// base './' so the built folder works from any sub-path of a static server (offline use).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
