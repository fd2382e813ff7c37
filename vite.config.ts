import { fileURLToPath } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import { tanstackRouter } from '@tanstack/router-plugin/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

import { refuseChunkCycles } from './scripts/chunk-cycles.ts'
import { precompress } from './scripts/precompress.ts'

const DIALOG_MODULES =
  /[\\/]node_modules[\\/](?:@radix-ui|@floating-ui|react-remove-scroll(?:-bar)?|aria-hidden|use-sidecar|use-callback-ref|react-style-singleton|tslib)[\\/]/

const SHARED_UI_MODULES =
  /[\\/](?:node_modules[\\/](?:lucide|class-variance-authority)|src[\\/]components)[\\/]/
/**
 * Components loaded only when first used (dialogs, the palette, toasts), those only a few pages
 * show (tabs, switches, progress bars), and what is not UI at all.
 */
const LAZY_UI_MODULES =
  /(?:-frame|command|password-dialog|ui[\\/](?:dialog|alert-dialog|sonner|tabs|switch|progress|choice-select)|[\\/]messages[\\/]|\.test\.)/

const devApiTarget = process.env.LETTA_ADMIN_DEV_API ?? 'http://127.0.0.1:8283'

export default defineConfig({
  // Relative asset URLs resolve against the page's <base href>, which the server sets for --base-path.
  base: './',
  plugins: [
    // The router plugin must run before React's, so route files are split before JSX is compiled.
    // Each route's loader and components go in one chunk, fetched on visit or hover: the first
    // page then carries no other page's code, and a visit costs one request.
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      codeSplittingOptions: {
        defaultBehavior: [
          ['loader', 'component', 'pendingComponent', 'errorComponent', 'notFoundComponent'],
        ],
      },
    }),
    react(),
    tailwindcss(),
    refuseChunkCycles(),
    precompress(),
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // TanStack Store asks for the shim that brings useSyncExternalStore to React 17; React 19
      // has it, and the same package's plain entry uses React's own, with no fallback to ship.
      'use-sync-external-store/shim/with-selector': 'use-sync-external-store/with-selector',
    },
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
    rolldownOptions: {
      output: {
        // Shared chunks are named after every route that uses them; the hash is name enough.
        chunkFileNames: (chunk) =>
          chunk.name.startsWith('shared') ? 'assets/shared-[hash].js' : 'assets/[name]-[hash].js',
        codeSplitting: {
          groups: [
            {
              // What every page runs (React, the router, the shell) in one chunk.
              name: 'app',
              tags: ['$initial'],
              priority: 2,
            },
            {
              // The dialog primitives and what they stand on (focus trapping, scroll locking), in
              // one chunk that the pages opening a dialog load, so the generic grouping below
              // cannot split them across chunks that import each other.
              name: 'dialog',
              test: DIALOG_MODULES,
              priority: 1.5,
            },
            {
              // The small components and icons most pages use, in one chunk: grouped by the set of
              // routes using each, they were scattered over many chunks that pulled in code of
              // other pages with them.
              name: 'ui',
              test: (id: string) => SHARED_UI_MODULES.test(id) && !LAZY_UI_MODULES.test(id),
              minShareCount: 2,
              priority: 1.2,
            },
            {
              // Code that two or more routes share, grouped by the set of routes that use it
              // (small groups merged into their nearest), rather than a chunk per module, which
              // kept the first page at dozens of requests.
              name: 'shared',
              minShareCount: 2,
              priority: 1,
              entriesAware: true,
              entriesAwareMergeThreshold: 2 * 1024,
              test: (id: string) => !/[\\/](?:monaco-editor|@monaco-editor)[\\/]/.test(id),
            },
          ],
        },
      },
    },
  },
})
