#!/usr/bin/env python3
"""serve.py DIR PORT [-q] [--gzip] — serve a static folder on 127.0.0.1 with the MIME types the explainer needs
(application/wasm for streaming compilation) and no caching, so a rebuilt site is what the browser sees.
--gzip compresses text and wasm responses as any real host does (the benchmarks measure the site served that way)."""
import functools
import gzip
import http.server
import os
import sys

COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".wasm", ".data", ".svg", ".webmanifest", ".txt", ".md")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".json": "application/json",
                      ".webmanifest": "application/manifest+json", ".svg": "image/svg+xml", ".data": "application/octet-stream"}

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the redirect to DIR/
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if "--gzip" not in sys.argv or not accepts or not path.endswith(COMPRESSIBLE) or not os.path.isfile(path):
            return super().do_GET()
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), 9)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went away (a test closed it): nothing to report

    def log_message(self, fmt, *args):
        if "-q" not in sys.argv:
            super().log_message(fmt, *args)


def main():
    directory, port = sys.argv[1], int(sys.argv[2])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=directory))
    print(f"Serving the explainer at http://127.0.0.1:{server.server_address[1]}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
