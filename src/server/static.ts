import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2', '.map': 'application/json',
};

/**
 * The built web UI (web/dist): files by path, hashed assets cached for good, and index.html for
 * any other page path so the UI's own routes reload. Without a build, a page says how to make one.
 */
export function serveWeb(app: FastifyInstance, dir: string): void {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const path = decodeURIComponent(req.url.split('?')[0] ?? '/');
    if (path.startsWith('/api/')) return reply.callNotFound();
    const file = normalize(join(root, path));
    if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) {
      reply.type(TYPES[extname(file)] ?? 'application/octet-stream');
      if (path.startsWith('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      return reply.send(createReadStream(file));
    }
    if (extname(path) && path !== '/') return reply.callNotFound();
    if (!existsSync(index)) return reply.type('text/plain; charset=utf-8').send('The web UI is not built: run npm run build:web, then reload.\nThe API is at /api (see /api/openapi.json).\n');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(createReadStream(index));
  });
}
