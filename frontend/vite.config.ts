/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

// dist/.gitkeep is committed so `//go:embed all:frontend/dist` compiles on a fresh
// clone; Vite empties dist/ before each build, so put it back afterwards.
function keepGitkeep(): Plugin {
  return {
    name: 'qunzhu-keep-gitkeep',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '.gitkeep', source: '' })
    },
  }
}

// Wails serves dist/ from the root (and so does `-devserver 127.0.0.1:PORT`), so the
// default base '/' gives asset URLs that work in both.
export default defineConfig({
  plugins: [vue(), keepGitkeep()],
  define: {
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    host: '127.0.0.1',
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/testing/setup.ts'],
    restoreMocks: true,
    // A view test mounts the real Naive UI tree in happy-dom: about a
    // second each on an idle 2-core machine, several under load (a build
    // beside it). The default 5 s made a busy machine's run fail on time
    // alone; a test that hangs still fails, at 20 s.
    testTimeout: 20_000,
  },
})
