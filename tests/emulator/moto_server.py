"""Starts moto's server with one correction that makes it answer like AWS.

moto returns an SQS queue's RedrivePolicy (and Policy) re-serialized with
Python's default `", "` and `": "` separators; AWS returns the compact JSON
it was given. The AWS provider compares that text with the compact JSON of
the configuration, so against plain moto every plan shows drift on every
queue with a dead-letter queue, drift AWS itself never shows. No spelling of
the configuration avoids it, so the emulator is corrected instead.

The server binds its port itself (port 0: any free one) and prints the
port it listens on as its first line, so that tests starting many servers at
once never race for a port another test was told is free.

Usage: python moto_server.py HOST PORT
"""

import json
import os
import signal
import sys

import moto.sqs.models as sqs_models
from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import make_server


class _CompactJson:
    """The `json` module as moto's SQS models use it, dumping compactly."""

    loads = staticmethod(json.loads)
    JSONDecodeError = json.JSONDecodeError

    @staticmethod
    def dumps(value, **options):
        options.setdefault("separators", (",", ":"))
        return json.dumps(value, **options)


sqs_models.json = _CompactJson


def serve(host, port):
    """moto's server as `moto_server` runs it, on a port bound here."""
    app = DomainDispatcherApplication(create_backend_app)
    app.debug = True
    server = make_server(host, port, app, threaded=True, request_handler=MotoRequestHandler)
    # moto builds some URLs (SQS queue URLs) from MOTO_PORT.
    os.environ["MOTO_PORT"] = str(server.port)
    print(server.port, flush=True)
    # Nothing else goes to the pipe the harness read the port from.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server.serve_forever()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    serve(sys.argv[1], int(sys.argv[2]))
