"""A webhook receiver for the tests, run as its own process on a free loopback port.

It writes every request it gets (headers, body, time) to a JSON-lines log *before*
answering, so a test sees a request even when the sender dies waiting for the answer.
``--fail N``: answer the first N requests with 500. ``--hang SECONDS``: keep the first
request waiting that long before answering (a slow or stuck receiver)."""

import argparse
import contextlib
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--fail", type=int, default=0)
    parser.add_argument("--hang", type=float, default=0)
    options = parser.parse_args()
    lock = threading.Lock()
    seen = {"count": 0}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            with lock:
                seen["count"] += 1
                number = seen["count"]
                with open(options.log, "a", encoding="utf-8") as log:
                    record = {
                        "number": number,
                        "path": self.path,
                        "headers": {key.lower(): value for key, value in self.headers.items()},
                        "body": body.decode("utf-8"),
                        "at": time.time(),
                    }
                    log.write(json.dumps(record) + "\n")
                    log.flush()
                    os.fsync(log.fileno())
            if number == 1 and options.hang:
                time.sleep(options.hang)
            status = 500 if number <= options.fail else 200
            answer = b'{"ok": false, "error": "database is busy"}' if status == 500 else b'{"ok": true}'
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    with open(options.port_file + ".tmp", "w") as port_file:
        port_file.write(str(server.server_address[1]))
    os.replace(options.port_file + ".tmp", options.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
