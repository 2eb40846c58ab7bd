import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** The Fastify server; the dev server forwards API calls and the API docs to it. */
const apiTarget = process.env['PAVILION_API_URL'] ?? 'http://localhost:3000';

// No `changeOrigin`: the browser's Origin and the Host the server sees stay the same
// (localhost:5173), so a same-origin check on cookie-authenticated writes still passes.
const proxied = { target: apiTarget };

const antdModule = /[\\/]node_modules[\\/]antd[\\/]/;
const antdMobileModule = /[\\/]node_modules[\\/]antd-mobile[\\/]/;

/** Which UI kit each face may load: the storefront is antd-mobile only, the consoles antd only. */
const faceRules = [
  { face: '/src/store/store-app.tsx', forbidden: antdModule, kit: 'antd' },
  { face: '/src/exporter/exporter-app.tsx', forbidden: antdMobileModule, kit: 'antd-mobile' },
  { face: '/src/operator/operator-app.tsx', forbidden: antdMobileModule, kit: 'antd-mobile' },
];

/** Fails the build when a face's chunk (with everything it imports) pulls in the other UI kit. */
function faceIsolation(): Plugin {
  return {
    name: 'pavilion-face-isolation',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item]] : [])));
      for (const rule of faceRules) {
        const entry = [...chunks.values()].find((chunk) => chunk.facadeModuleId?.endsWith(rule.face));
        if (entry === undefined) this.error(`no chunk for the face ${rule.face}`);
        const seen = new Set<string>();
        const pending = [entry.fileName];
        for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
          const chunk = chunks.get(file);
          if (chunk === undefined || seen.has(file)) continue;
          seen.add(file);
          const leak = chunk.moduleIds.find((id) => rule.forbidden.test(id));
          if (leak !== undefined) this.error(`${rule.face} loads ${rule.kit} through ${file} (${leak})`);
          pending.push(...chunk.imports);
        }
      }
    },
  };
}

const nodeModule = (packages: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${packages})[\\\\/]`);

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), faceIsolation()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': proxied, '/media': proxied, '/docs': proxied, '/openapi.json': proxied },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Each face is a React.lazy chunk (src/app.tsx), so a UI kit is only imported by the faces
        // that use it; rolldown's automatic splitting keeps it that way, and faceIsolation() checks it.
        // The groups only name what every face loads first, so it stays cached across releases.
        // (No group for antd or antd-mobile: a group also captures its dependencies, such as
        // classnames, and would then make the other face load the kit.)
        // The chunk both consoles share is mostly antd: name it so rather than after one of its modules.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => antdModule.test(id)) && !chunk.isDynamicEntry
            ? 'assets/console-antd-[hash].js'
            : 'assets/[name]-[hash].js',
        codeSplitting: {
          groups: [
            { name: 'react', test: nodeModule('react|react-dom|scheduler|react-router') },
            { name: 'i18n', test: nodeModule('i18next|react-i18next') },
            { name: 'contracts', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]packages[\\/]contracts[\\/]/ },
          ],
        },
      },
    },
  },
});
