import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { freePort } from "../../support/postgres/server";

// Several app instances behind one address, as a load balancer puts them: the processes
// (`node server.js` on the built app) and a round-robin proxy in front of them.

export interface AppInstance {
  name: string;
  port: number;
  child: ChildProcess;
  /** What the process printed (for a failing test's message). */
  output: () => string;
  /** Kills it as a crash does (SIGKILL) and waits until it is gone. */
  kill: () => Promise<void>;
}

export async function startInstance(
  name: string,
  env: Record<string, string>,
): Promise<AppInstance> {
  const port = await freePort();
  const child = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      ACCESS_LOG: "off",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output = (output + String(chunk)).slice(-20_000)));
  child.stderr!.on("data", (chunk) => (output = (output + String(chunk)).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const instance: AppInstance = {
    name,
    port,
    child,
    output: () => output,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} stopped at start:\n${output}`);
    if (Date.now() > deadline) throw new Error(`${name} did not answer in time:\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" });
      await response.arrayBuffer();
      return instance;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface Balancer {
  url: string;
  /** Requests each instance answered. */
  served: Map<string, number>;
  close: () => Promise<void>;
}

/**
 * A round-robin proxy on loopback. A request that an instance refuses to connect (it is down)
 * goes to the next one, as a balancer's health check would arrange; a request cut off after
 * it reached an instance is answered 502, as a real balancer does: the client cannot know
 * whether it was done.
 */
export async function startBalancer(
  instances: readonly AppInstance[],
  port = 0,
): Promise<Balancer> {
  const served = new Map(instances.map((instance) => [instance.name, 0]));
  let next = 0;
  const forward = (
    request: http.IncomingMessage,
    body: Buffer,
    response: http.ServerResponse,
    tried: number,
  ) => {
    if (tried >= instances.length) {
      response.writeHead(502).end("no instance");
      return;
    }
    const instance = instances[next++ % instances.length]!;
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: instance.port,
        method: request.method,
        path: request.url,
        // As a balancer does: the client's address for the instances (TRUST_PROXY=1). A test
        // may stand in for many clients by sending the address it plays.
        headers: {
          ...request.headers,
          "x-forwarded-for":
            request.headers["x-forwarded-for"] ?? request.socket.remoteAddress ?? "",
        },
      },
      (answer) => {
        served.set(instance.name, (served.get(instance.name) ?? 0) + 1);
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        answer.on("error", () => response.destroy());
      },
    );
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNREFUSED" && !response.headersSent) {
        forward(request, body, response, tried + 1);
      } else if (!response.headersSent) {
        response.writeHead(502).end("instance failed");
      } else {
        response.destroy();
      }
    });
    upstream.end(body);
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => forward(request, Buffer.concat(chunks), response, 0));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
