import http from "node:http";

// An attacker's post of a large body, shared by the body-limit tests (Vitest and Playwright):
// the body is made as it is sent, never held whole, so the client itself stays small.

export const CHUNK_BYTES = 64 * 1024;

export interface StreamedPost {
  /** Body bytes, declared with Content-Length or sent chunked. */
  total: number;
  chunked: boolean;
  /** Send the headers only and wait for the answer (a declared length must be judged alone). */
  headersOnly?: boolean;
  /** Go away (destroy the connection) after this many bytes, without waiting for an answer. */
  abortAfter?: number;
  contentType?: string;
  /** More request headers (a cookie, X-Forwarded-For for a test server that trusts it). */
  headers?: http.OutgoingHttpHeaders;
}

export interface StreamedAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Body bytes the client handed to its socket before the answer came (or it went away). */
  sent: number;
}

/**
 * Posts `total` bytes of `a`, chunk by chunk as the socket takes them, and stops writing as
 * soon as the answer arrives: a server that stops reading keeps the client from sending it.
 */
export function streamedPost(url: string, options: StreamedPost): Promise<StreamedAnswer> {
  const { total, chunked, headersOnly = false, abortAfter } = options;
  const chunk = Buffer.alloc(CHUNK_BYTES, 97);
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = {
      "Content-Type": options.contentType ?? "application/x-www-form-urlencoded",
      ...options.headers,
    };
    if (!chunked) headers["Content-Length"] = total;
    // A connection of its own (no keep-alive agent): the server closes it after a refusal.
    const request = http.request(url, { method: "POST", headers, agent: false });
    let sent = 0;
    let answered = false;
    // A write the server's close cuts off can fail on the socket after the request is done
    // with it; that is expected, not an error of the test.
    request.on("socket", (socket) => socket.on("error", () => {}));
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => (body += text));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, sent });
      });
      response.on("error", reject);
    });
    request.on("error", (error) => {
      if (abortAfter !== undefined) resolve({ status: 0, headers: {}, body: "", sent });
      // Once answered, a write cut off by the server's close is expected.
      else if (!answered) reject(error);
    });
    if (headersOnly) {
      request.flushHeaders();
      return;
    }
    const write = () => {
      while (!answered && sent < total) {
        if (abortAfter !== undefined && sent >= abortAfter) {
          request.destroy();
          return;
        }
        const size = Math.min(CHUNK_BYTES, total - sent);
        sent += size;
        const more = request.write(size === CHUNK_BYTES ? chunk : chunk.subarray(0, size));
        if (!more) {
          request.once("drain", write);
          return;
        }
      }
      if (!answered && sent >= total) request.end();
    };
    write();
  });
}
