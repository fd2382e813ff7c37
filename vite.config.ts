import { fileURLToPath } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import { tanstackRouter } from '@tanstack/router-plugin/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const devApiTarget = process.env.LETTA_ADMIN_DEV_API ?? 'http://127.0.0.1:8283'

export default defineConfig({
  // Relative asset URLs resolve against the page's <base href>, which the server sets for --base-path.
  base: './',
  plugins: [
    // The router plugin must run before React's, so route files are split before JSX is compiled.
    tanstackRouter({ target: 'react', autoCodeSplitting: true }),
    react(),
    tailwindcss(),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/v1': { target: devApiTarget, changeOrigin: false },
      '/openapi.json': { target: devApiTarget },
    },
  },
  build: {
    // Monaco (~3.4 MB, ~0.9 MB gzip) is one chunk, loaded only by the tool editor route.
    chunkSizeWarningLimit: 3600,
  },
})
