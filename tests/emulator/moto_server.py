"""Starts moto's server with one correction that makes it answer like AWS.

moto returns an SQS queue's RedrivePolicy (and Policy) re-serialized with
Python's default `", "` and `": "` separators; AWS returns the compact JSON
it was given. The AWS provider compares that text with the compact JSON of
the configuration, so against plain moto every plan shows drift on every
queue with a dead-letter queue, drift AWS itself never shows. No spelling of
the configuration avoids it, so the emulator is corrected instead.

Usage: python moto_server.py [moto_server arguments]
"""

import json
import sys

import moto.sqs.models as sqs_models
from moto.server import main


class _CompactJson:
    """The `json` module as moto's SQS models use it, dumping compactly."""

    loads = staticmethod(json.loads)
    JSONDecodeError = json.JSONDecodeError

    @staticmethod
    def dumps(value, **options):
        options.setdefault("separators", (",", ":"))
        return json.dumps(value, **options)


sqs_models.json = _CompactJson

if __name__ == "__main__":
    sys.exit(main())
