// Debian's nginx in front of several app instances, as docs/OPERATIONS.md documents it: used by the
// load-balancer checks (`npm run load -- --instances 2`) and by the load run over several instances.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "../db/embedded-postgres.ts";
import { startProductionServer, waitUntilHealthy, type ProductionServer, type ProductionServerOptions } from "./app-server.ts";

/** The nginx configuration docs/OPERATIONS.md documents, with this run's ports and folders. */
export function nginxConfig(options: { dir: string; listen: number; upstreams: number[] }): string {
  return `${process.getuid?.() === 0 ? "user root;\n" : ""}worker_processes 1;
daemon off;
pid ${options.dir}/nginx.pid;
error_log ${options.dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${options.dir}/body;
  proxy_temp_path ${options.dir}/proxy;
  fastcgi_temp_path ${options.dir}/fastcgi;
  uwsgi_temp_path ${options.dir}/uwsgi;
  scgi_temp_path ${options.dir}/scgi;
  upstream baton {
${options.upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=10s;`).join("\n")}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${options.listen};
    client_max_body_size 20m;
    location / {
      proxy_pass http://baton;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 120s;
      # A dead instance: nginx tries the next one, for requests that are safe to repeat only (its default).
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
`;
}

/** Starts nginx on `listen` in front of `upstreams` (its files in `dir`) and waits until it answers. */
export async function startNginx(options: { dir: string; listen: number; upstreams: number[] }): Promise<ChildProcess> {
  await writeFile(path.join(options.dir, "nginx.conf"), nginxConfig(options));
  const nginx = spawn("nginx", ["-c", path.join(options.dir, "nginx.conf"), "-p", options.dir], { stdio: "inherit" });
  const failed = new Promise<never>((_, reject) => {
    nginx.once("error", (error) => reject(new Error(`nginx did not start (apt-get install -y nginx): ${error.message}`)));
    nginx.once("exit", (code) => reject(new Error(`nginx exited with ${code}; see ${options.dir}/error.log`)));
  });
  failed.catch(() => undefined);
  await Promise.race([waitUntilHealthy(`http://127.0.0.1:${options.listen}`, 30), failed]);
  return nginx;
}

/**
 * `instances` production servers over one database behind nginx: one session secret and one public
 * address for all, so a user signed in through one is signed in on every one (sessions live in
 * PostgreSQL). With one instance, the server alone. The returned `base` is nginx's.
 */
export async function startBehindNginx(options: ProductionServerOptions, instances: number): Promise<ProductionServer> {
  if (instances <= 1) return startProductionServer(options);
  const dir = await mkdtemp(path.join(os.tmpdir(), "baton-nginx-"));
  const listen = await findFreePort();
  const base = `http://127.0.0.1:${listen}`;
  const env = { NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: base, ...options.env };
  const servers: ProductionServer[] = [];
  let nginx: ChildProcess | undefined;
  const stop = async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.once("exit", resolve));
      nginx.kill("SIGTERM");
      await exited;
    }
    await Promise.all(servers.map((server) => server.stop()));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    // One after another: the first builds when the sources changed, the others find the build.
    for (let index = 0; index < instances; index++) servers.push(await startProductionServer({ ...options, env }));
    nginx = await startNginx({ dir, listen, upstreams: servers.map((server) => Number(new URL(server.base).port)) });
    return { base, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
