"""Starts moto's server with two corrections that make it answer like AWS.

moto returns an SQS queue's RedrivePolicy (and Policy) re-serialized with
Python's default `", "` and `": "` separators; AWS returns the compact JSON
it was given. The AWS provider compares that text with the compact JSON of
the configuration, so against plain moto every plan shows drift on every
queue with a dead-letter queue, drift AWS itself never shows. No spelling of
the configuration avoids it, so the emulator is corrected instead.

moto's Service Quotas knows VPC quotas only; AWS answers GetServiceQuota
for every service. Lambda's "Concurrent executions" quota (L-B99A9384),
which the production profile reads at plan time, is answered with
$MOTO_LAMBDA_CONCURRENCY_QUOTA (default 1000, AWS's default quota), so a
test can play an account whose quota is lower; GetAWSDefaultServiceQuota,
which moto lacks and the provider also calls, answers AWS's default.

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
from moto.servicequotas.models import ServiceQuotasBackend
from moto.servicequotas.responses import ServiceQuotasResponse
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

LAMBDA_CONCURRENCY_QUOTA_CODE = "L-B99A9384"
_get_service_quota = ServiceQuotasBackend.get_service_quota


def _get_service_quota_with_lambda(self, service_code, quota_code):
    if (service_code, quota_code) == ("lambda", LAMBDA_CONCURRENCY_QUOTA_CODE):
        value = float(os.environ.get("MOTO_LAMBDA_CONCURRENCY_QUOTA", "1000"))
        return {
            "ServiceCode": "lambda",
            "ServiceName": "AWS Lambda",
            "QuotaArn": f"arn:aws:servicequotas:{self.region_name}:{self.account_id}:lambda/{quota_code}",
            "QuotaCode": quota_code,
            "QuotaName": "Concurrent executions",
            "Value": value,
            "Unit": "None",
            "Adjustable": True,
            "GlobalQuota": False,
        }
    return _get_service_quota(self, service_code, quota_code)


ServiceQuotasBackend.get_service_quota = _get_service_quota_with_lambda


def _get_aws_default_service_quota(self):
    """GetAWSDefaultServiceQuota, which moto lacks: the provider reads it
    beside the applied value. Lambda's default is 1000 whatever the account."""
    params = json.loads(self.body)
    service_code, quota_code = params.get("ServiceCode"), params.get("QuotaCode")
    quota = dict(_get_service_quota_with_lambda(self.backend, service_code, quota_code))
    if (service_code, quota_code) == ("lambda", LAMBDA_CONCURRENCY_QUOTA_CODE):
        quota["Value"] = 1000.0
    return json.dumps({"Quota": quota})


ServiceQuotasResponse.get_aws_default_service_quota = _get_aws_default_service_quota


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
