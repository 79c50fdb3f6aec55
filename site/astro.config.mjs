// @ts-check
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { lessonSidebarLinks } from './src/lessons/sidebar.ts';

// Nothing leaves the machine: no anonymous usage reports to astro.build. Read by
// Astro when it records its session, which happens after this file loads.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// Lessons live outside the site, in <repo>/lessons. PLAYGROUND_LESSONS_DIR points
// the build at another folder (test fixtures) without touching the real ones.
const lessonsDir = process.env.PLAYGROUND_LESSONS_DIR
  ? resolve(process.env.PLAYGROUND_LESSONS_DIR)
  : resolve(repoRoot, 'lessons');

// In `npm run dev` the signal-server runs API-only on its own port; the Astro
// dev server forwards the API, the health check and the PeerJS socket to it.
const apiTarget = `http://127.0.0.1:${process.env.PLAYGROUND_API_PORT ?? 4323}`;

export default defineConfig({
  outDir: './dist',
  integrations: [
    starlight({
      title: 'WebRTC Playground',
      description: 'Learn WebRTC by editing and running real code beside each lesson.',
      favicon: '/favicon.svg',
      // Starlight's sidebar plus the learner's progress marks (a small script on every page).
      components: { Sidebar: './src/components/Sidebar.astro' },
      sidebar: [
        { label: 'Home', link: '/' },
        { label: 'How a lesson works', link: '/how-it-works/' },
        { label: 'SDP inspector', link: '/inspector/' },
        { label: 'Lessons', items: lessonSidebarLinks(lessonsDir) },
      ],
      customCss: ['./src/styles/site.css'],
      // Pagefind is Starlight's default search; said here because lesson pages rely on it.
      pagefind: true,
      // The 404 page is src/content/docs/404.md, rendered like any other page.
      disable404Route: true,
    }),
  ],
  vite: {
    define: {
      // Lesson pages read files/ and solution/ from here at build time.
      __PLAYGROUND_LESSONS_DIR__: JSON.stringify(lessonsDir),
    },
    server: {
      // lessons/ and sandbox/ are outside site/: let the dev server read them.
      fs: { allow: [repoRoot] },
      // Frames reach the signaller on PORT: a dev server that quietly moved elsewhere would break them.
      strictPort: true,
      proxy: {
        '/api': { target: apiTarget },
        '/healthz': { target: apiTarget },
        '/peerjs': { target: apiTarget, ws: true },
        '/rooms': { target: apiTarget, ws: true },
      },
    },
    // Monaco and its language workers are megabytes, but only lesson pages load
    // them, lazily; the default 500 kB warning would fire on every build.
    build: { chunkSizeWarningLimit: 8000 },
    // Monaco's language workers are `?worker` imports that split into chunks: ES workers only.
    worker: { format: 'es' },
  },
});
