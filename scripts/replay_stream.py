#!/usr/bin/env python3
"""Turns records of a DynamoDB stream back into the event Lambda gives the
conflict detector, so a batch the detector gave up on can be judged again.

A failed batch's message (from the `...-failed-batches` queue) names the
stream, the shard and the sequence range; the stream keeps records 24 hours.

    python3 scripts/replay_stream.py --failed-batch message.json > event.json
    aws lambda invoke --function-name conflict-detector-us-east-1-prod \\
        --cli-binary-format raw-in-base64-out --payload fileb://event.json out.json

Or every record the stream still holds: --stream-arn ARN (with --shard-id,
one shard's). Needs boto3 and the usual AWS credentials; --endpoint-url
points it at an emulator.
"""

import argparse
import json
import sys

import boto3


def region_of(stream_arn):
    parts = stream_arn.split(":")
    if len(parts) < 6 or parts[2] != "dynamodb":
        sys.exit(f"error: {stream_arn} is not a DynamoDB stream ARN; pass the streamArn of the failed batch")
    return parts[3]


def batch_of(path):
    """The stream, shard and sequence range of a failed-batch message."""
    try:
        with open(path) as f:
            message = json.load(f)
    except (OSError, ValueError) as error:
        sys.exit(f"error: cannot read {path} as JSON ({error}); save the SQS message body to a file")
    # The body itself, or a whole `aws sqs receive-message` answer.
    if "Messages" in message:
        message = json.loads(message["Messages"][0]["Body"])
    info = message.get("DDBStreamBatchInfo")
    if not info:
        sys.exit(f"error: {path} has no DDBStreamBatchInfo; it is not a failed batch of a DynamoDB stream")
    return info["streamArn"], info["shardId"], info["startSequenceNumber"], info["endSequenceNumber"]


def lambda_record(record, stream_arn):
    """A GetRecords record in the shape Lambda delivers."""
    change = dict(record["dynamodb"])
    created = change.get("ApproximateCreationDateTime")
    if created is not None and hasattr(created, "timestamp"):
        change["ApproximateCreationDateTime"] = created.timestamp()
    return {
        "eventID": record["eventID"],
        "eventName": record["eventName"],
        "eventVersion": record.get("eventVersion", "1.1"),
        "eventSource": "aws:dynamodb",
        "awsRegion": record.get("awsRegion", region_of(stream_arn)),
        "dynamodb": change,
        "eventSourceARN": stream_arn,
    }


def records(streams, stream_arn, shard_id, start, end):
    """The shard's records from `start` (or its oldest) to `end` (or its newest)."""
    position = (
        {"ShardIteratorType": "AT_SEQUENCE_NUMBER", "SequenceNumber": start}
        if start
        else {"ShardIteratorType": "TRIM_HORIZON"}
    )
    iterator = streams.get_shard_iterator(StreamArn=stream_arn, ShardId=shard_id, **position)["ShardIterator"]
    found = []
    while iterator:
        page = streams.get_records(ShardIterator=iterator)
        for record in page["Records"]:
            sequence = record["dynamodb"]["SequenceNumber"]
            if end and int(sequence) > int(end):
                return found
            found.append(record)
        if not page["Records"]:
            break
        iterator = page.get("NextShardIterator")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--failed-batch", help="a failed-batch message (its body, or receive-message output)")
    parser.add_argument("--stream-arn")
    parser.add_argument("--shard-id")
    parser.add_argument("--endpoint-url")
    args = parser.parse_args()
    if args.failed_batch:
        stream_arn, shard_id, start, end = batch_of(args.failed_batch)
    elif args.stream_arn:
        stream_arn, shard_id, start, end = args.stream_arn, args.shard_id, None, None
    else:
        parser.error("pass --failed-batch FILE, or --stream-arn (and --shard-id)")
    streams = boto3.client("dynamodbstreams", region_name=region_of(stream_arn), endpoint_url=args.endpoint_url)
    if shard_id:
        shards = [shard_id]
    else:
        description = streams.describe_stream(StreamArn=stream_arn)["StreamDescription"]
        shards = [shard["ShardId"] for shard in description["Shards"]]
    found = [record for shard in shards for record in records(streams, stream_arn, shard, start, end)]
    if not found:
        sys.exit(
            "error: no stream records in that range; the stream keeps records 24 hours, "
            "so older ones are gone (compare the tables' items by hand instead)"
        )
    json.dump({"Records": [lambda_record(r, stream_arn) for r in found]}, sys.stdout, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
