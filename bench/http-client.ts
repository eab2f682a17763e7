/**
 * A lean keep-alive JSON client for the load generator (node:http, not fetch): the client's own cost is
 * paid equally by calls to the BFF and straight to the simulator, and kept small so it does not crowd out
 * the processes being measured on a 2-core machine.
 */
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

export interface JsonAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field by the flows.
  body: any;
}

/** One request; resolves with status and parsed JSON body (null when empty). */
export function request(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonAnswer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          accept: "application/json",
          ...(payload === undefined
            ? {}
            : { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          try {
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
          } catch (error) {
            reject(error);
          }
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** Same, but throws unless the status is the expected one. */
export async function expectStatus(
  status: number,
  method: string,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<JsonAnswer> {
  const answer = await request(method, url, body, headers);
  if (answer.status !== status) {
    throw new Error(
      `${method} ${new URL(url).pathname} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`,
    );
  }
  return answer;
}

/** Frees the sockets so the process can exit. */
export function closeClient(): void {
  agent.destroy();
}
