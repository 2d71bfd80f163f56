// nginx in front of the app processes with the repository's own configuration
// (deploy/nginx/open-letters.conf inside deploy/nginx/standalone.conf.template, filled in
// by e2e/nginx.ts as the several-processes specs do: only the upstream servers, the
// listen address and the cache path are replaced), run from the pass's scratch
// directory, and stopped by cleanUp().
import path from "node:path";
import { startNginx as startDeployedNginx } from "../../e2e/nginx";
import { onCleanup } from "./cleanup";

export const NGINX_CONFIGURATION = "deploy/nginx/open-letters.conf";

export async function startNginx({ port, upstreams, dir }: { port: number; upstreams: string[]; dir: string }) {
  const nginx = await startDeployedNginx({
    directory: path.join(dir, "nginx"),
    port,
    upstreamPorts: upstreams.map((base) => Number(new URL(base).port)),
  });
  const stop = onCleanup("nginx", () => nginx.stop());
  return { url: `http://127.0.0.1:${port}`, configuration: NGINX_CONFIGURATION, stop };
}
