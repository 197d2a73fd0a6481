// Serves the built editor app: files of the static folder with their content types, and
// index.html for any other page path (the app routes in the browser). Hashed assets are cached
// for good; everything else is revalidated.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { sendText } from './http-io.js';
import { mimeTypeOf } from './mime-types.js';

async function fileAt(path: string): Promise<{ path: string; size: number } | undefined> {
  const s = await stat(path).catch(() => undefined);
  if (s?.isFile()) return { path, size: s.size };
  if (s?.isDirectory()) return fileAt(join(path, 'index.html'));
  return undefined;
}

function inside(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const full = resolve(root, `.${decoded}`);
  return full === root || full.startsWith(root + sep) ? full : undefined;
}

export function staticHandler(staticDir: string) {
  const root = resolve(staticDir);
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return sendText(res, 405, `method \`${req.method}\` is not allowed here\n`, 'text/plain; charset=utf-8');
    }
    const target = inside(root, pathname);
    let file = target ? await fileAt(target) : undefined;
    // A path without an extension is a page of the app: index.html, the app routes it.
    if (!file && target && !extname(pathname)) file = await fileAt(join(root, 'index.html'));
    // A build with relative asset paths opened at a deep link asks for `/edit/x/assets/f.js`.
    const assets = pathname.lastIndexOf('/assets/');
    if (!file && assets > 0) file = await fileAt(inside(root, pathname.slice(assets)) ?? root);
    if (!file) {
      const hint = (await fileAt(join(root, 'index.html'))) ? '' : ` (the editor app is not built: no \`${join(staticDir, 'index.html')}\`)`;
      return sendText(res, 404, `not found: \`${pathname}\`${hint}\n`, 'text/plain; charset=utf-8');
    }
    const hashed = pathname.includes('/assets/');
    res.writeHead(200, {
      'content-type': mimeTypeOf(file.path),
      'content-length': String(file.size),
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') return void res.end();
    await new Promise<void>((done) => {
      const stream = createReadStream(file.path);
      stream.on('error', () => {
        res.destroy();
        done();
      });
      stream.on('end', done);
      stream.pipe(res);
    });
  };
}
