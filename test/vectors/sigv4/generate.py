"""Signs IAM/STS requests with the real botocore and writes them to botocore.json beside this file.

Run once after changing a case: python3 test/vectors/sigv4/generate.py

Client cases go through botocore's own serializer and signer; a before-send hook captures the
request and stops it, so nothing leaves the process. Hand-built cases sign an AWSRequest with
SigV4Auth directly, for shapes a client never produces (odd paths, repeated headers, a Date
header, a declared payload hash). botocore's canonical request and string to sign are recorded
as it computed them. The clock, request ids and the User-Agent (never signed) are pinned so the
output is the same on every run.
"""

import datetime
import hashlib
import hmac
import itertools
import json
import pathlib
import uuid
from unittest import mock
from urllib.parse import parse_qsl, urlsplit

import botocore.auth
import botocore.session
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

SIGNED_AT = datetime.datetime(2026, 1, 15, 10, 20, 30)
VERIFY_AT = "2026-01-15T10:20:32Z"
KEY_ID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
SESSION_KEY_ID = "ASIAIOSFODNN7EXAMPLE"
SESSION_SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"
SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE+tok/en=="
USER_AGENT = "Botocore/1.43.11 (user agent pinned by generate.py)"

captured = []


class Captured(Exception):
    """Raised by the before-send hook once botocore has signed the request."""


def record_signing(original_canonical, original_sts):
    def canonical_request(self, request):
        text = original_canonical(self, request)
        captured.append({"canonicalRequest": text})
        return text

    def string_to_sign(self, request, canonical):
        text = original_sts(self, request, canonical)
        captured[-1]["stringToSign"] = text
        return text

    return canonical_request, string_to_sign


def signing_key(secret, date, region, service):
    key = ("AWS4" + secret).encode()
    for part in (date, region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return key.hex()


def text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else value


def node_headers(url, headers, body):
    """The headers as node would hand them over: lower-case names, Host and Content-Length."""
    out = {"host": botocore.auth._host_from_url(url)}
    for name in headers.keys():
        raw = headers.get_all(name) if hasattr(headers, "get_all") else [headers[name]]
        values = [text(v) for v in raw]
        out[name.lower()] = values if len(values) > 1 else values[0]
    if "user-agent" in out:
        out["user-agent"] = USER_AGENT
    if body:
        out["content-length"] = str(len(body))
    return out


def vector(name, description, method, url, headers, body, secret, now=VERIFY_AT):
    signing = captured.pop()
    assert not captured, "one signing per case"
    parts = urlsplit(url)
    scope_line = signing["stringToSign"].split("\n")[2]
    date, region, service, _ = scope_line.split("/")
    auth = text(headers.get("Authorization") or "")
    if auth:
        signature = auth.rsplit("Signature=", 1)[1]
    else:
        signature = dict(parse_qsl(parts.query))["X-Amz-Signature"]
    return {
        "name": name,
        "description": description,
        "secret": secret,
        "now": now,
        "request": {
            "method": method,
            "path": parts.path or "/",
            "query": parts.query,
            "headers": node_headers(url, headers, body),
            "body": text(body or b""),
        },
        "expected": {
            "canonicalRequest": signing["canonicalRequest"],
            "stringToSign": signing["stringToSign"],
            "signingKey": signing_key(secret, date, region, service),
            "signature": signature,
        },
    }


def client(service, endpoint, region, creds):
    session = botocore.session.get_session()
    made = session.create_client(
        service,
        region_name=region,
        endpoint_url=endpoint,
        aws_access_key_id=creds.access_key,
        aws_secret_access_key=creds.secret_key,
        aws_session_token=creds.token,
    )

    def stop(request, **_):
        made.last_request = request
        raise Captured()

    made.meta.events.register("before-send", stop)
    return made


def call(name, description, made, operation, secret, **params):
    try:
        getattr(made, operation)(**params)
    except Captured:
        pass
    sent = made.last_request
    return vector(name, description, sent.method, sent.url, sent.headers, sent.body, secret)


def presign(name, description, made, operation, secret, expires, method="GET", **params):
    url = made.generate_presigned_url(
        operation, Params=params, ExpiresIn=expires, HttpMethod=method
    )
    headers = AWSRequest(method=method, url=url, headers={"User-Agent": "x"}).headers
    return vector(name, description, method, url, headers, b"", secret)


def signed(name, description, method, url, secret, headers=None, body=b"", params=None,
           creds=None, service="iam", region="us-east-1"):
    creds = creds or Credentials(KEY_ID, SECRET)
    request = AWSRequest(method=method, url=url, headers=headers or {}, data=body, params=params)
    SigV4Auth(creds, service, region).add_auth(request)
    prepared = request.prepare()
    return vector(name, description, method, prepared.url, request.headers, body, secret)


def cases():
    long_term = Credentials(KEY_ID, SECRET)
    session = Credentials(SESSION_KEY_ID, SESSION_SECRET, SESSION_TOKEN)
    iam = client("iam", "http://127.0.0.1:9443", "eu-west-1", long_term)
    iam_tls = client("iam", "https://iam.tessera.test", "us-east-1", long_term)
    sts = client("sts", "http://localhost:4566", "ap-southeast-2", session)
    sts_plain = client("sts", "http://127.0.0.1:9443", "us-east-1", long_term)

    yield call(
        "iam-tag-user-form-encoding",
        "POST form body with '+', '%2B', '%20', UTF-8 and list members; host with a port",
        iam, "tag_user", SECRET, UserName="alice",
        Tags=[
            {"Key": "a b", "Value": "x+y"},
            {"Key": "caf\u00e9 \u2615", "Value": "100%20 & more=yes"},
            {"Key": "~tilde_-.", "Value": "/slash?"},
        ],
    )
    yield call(
        "iam-untag-user-list-members",
        "TagKeys.member.N list in the body",
        iam, "untag_user", SECRET, UserName="bob", TagKeys=["a b", "x+y", "\u00fc"],
    )
    yield call(
        "iam-list-users-https-default-port",
        "https endpoint: the signed Host has no port",
        iam_tls, "list_users", SECRET, PathPrefix="/",
    )
    yield call(
        "sts-get-caller-identity-session-token",
        "session credentials: x-amz-security-token is sent and signed",
        sts, "get_caller_identity", SESSION_SECRET,
    )
    yield presign(
        "sts-presigned-get-caller-identity",
        "generate_presigned_url, the shape EKS tokens use",
        sts_plain, "get_caller_identity", SECRET, 900,
    )
    yield presign(
        "iam-presigned-list-users-params",
        "presigned with operation parameters moved into the query",
        iam, "list_users", SECRET, 3600, PathPrefix="/a b+c/", MaxItems=5,
    )
    yield presign(
        "sts-presigned-session-token",
        "presigned with X-Amz-Security-Token in the query",
        sts, "get_caller_identity", SESSION_SECRET, 60,
    )
    yield presign(
        "sts-presigned-post-empty-body",
        "presigned URL sent with POST and no body",
        sts_plain, "get_caller_identity", SECRET, 300, method="POST",
    )
    yield signed(
        "iam-get-query-unsorted-repeated",
        "GET with parameters out of order and a repeated name",
        "GET", "http://127.0.0.1:9443/", SECRET,
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
        params=[
            ("Version", "2010-05-08"), ("Action", "ListUsers"), ("Marker", "b a"),
            ("PathPrefix", "/division a/\u00e9"), ("Marker", "a+b"), ("Empty", ""),
        ],
    )
    yield signed(
        "path-dot-segments-and-double-encoding",
        "dot and empty segments removed, each segment encoded again",
        "POST", "http://127.0.0.1:9443/tessera/./a%20b/../c%2Fd//e~f/", SECRET,
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
        body=b"Action=ListUsers&Version=2010-05-08",
    )
    request_headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
    trace = AWSRequest(method="POST", url="http://127.0.0.1:9443/", headers=request_headers).headers
    trace["X-Tessera-Trace"] = "a   b"
    trace["X-Tessera-Trace"] = "c"
    trace["X-Tessera-Note"] = "  spaced\t\tout   value "
    yield signed(
        "repeated-and-spaced-headers",
        "a header sent twice is joined with ','; runs of spaces and tabs collapse",
        "POST", "http://127.0.0.1:9443/", SECRET, headers=trace,
        body=b"Action=ListUsers&Version=2010-05-08",
    )
    yield signed(
        "date-header-instead-of-x-amz-date",
        "botocore signs the Date header (RFC 2822, -0000) and dates the string to sign ISO",
        "POST", "http://127.0.0.1:9443/", SECRET,
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                 "Date": "placeholder, replaced by botocore"},
        body=b"Action=ListUsers&Version=2010-05-08",
    )
    yield signed(
        "declared-payload-hash",
        "x-amz-content-sha256 sent, signed and equal to the body hash",
        "POST", "http://127.0.0.1:9443/", SECRET,
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                 "X-Amz-Content-SHA256": hashlib.sha256(
                     b"Action=ListUsers&Version=2010-05-08").hexdigest()},
        body=b"Action=ListUsers&Version=2010-05-08",
    )
    yield signed(
        "unsigned-payload",
        "x-amz-content-sha256: UNSIGNED-PAYLOAD, signed; the body is not covered",
        "POST", "http://127.0.0.1:9443/", SECRET,
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                 "X-Amz-Content-SHA256": "UNSIGNED-PAYLOAD"},
        body=b"Action=ListUsers&Version=2010-05-08",
    )


def main():
    ids = (uuid.UUID(int=n) for n in itertools.count(1))
    canonical, sts = record_signing(SigV4Auth.canonical_request, SigV4Auth.string_to_sign)
    with mock.patch.object(botocore.auth, "get_current_datetime", return_value=SIGNED_AT), \
            mock.patch.object(SigV4Auth, "canonical_request", canonical), \
            mock.patch.object(SigV4Auth, "string_to_sign", sts), \
            mock.patch("uuid.uuid4", lambda: next(ids)):
        vectors = list(cases())
    out = pathlib.Path(__file__).with_name("botocore.json")
    out.write_text(json.dumps(vectors, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {len(vectors)} vectors to {out}")


if __name__ == "__main__":
    main()
