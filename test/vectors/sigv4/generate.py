"""Signs sample IAM/STS requests with the real botocore and writes them as test vectors.

Run from this folder: python3 generate.py > botocore.json
"""
import json

from botocore.auth import SigV4Auth, SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

CREDS = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
SESSION = Credentials("ASIAEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "FQoGZXIvYXdzEXAMPLE+/=")


def now_of(amz_date):
    """The verifier's clock for a vector: the moment it was signed."""
    d = amz_date
    return f"{d[0:4]}-{d[4:6]}-{d[6:8]}T{d[9:11]}:{d[11:13]}:{d[13:15]}Z"


def signed(name, body, host="127.0.0.1:4599", service="iam", region="us-east-1", creds=CREDS):
    request = AWSRequest(
        method="POST",
        url=f"http://{host}/",
        data=body.encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
    )
    SigV4Auth(creds, service, region).add_auth(request)
    return {
        "name": name,
        "method": "POST",
        "path": "/",
        "query": "",
        "headers": {k.lower(): v for k, v in request.headers.items()} | {"host": host},
        "body": body,
        "secret": creds.secret_key,
        "now": now_of(request.headers["X-Amz-Date"]),
    }


def presigned(name, query, host="127.0.0.1:4599"):
    request = AWSRequest(method="GET", url=f"http://{host}/?{query}")
    SigV4QueryAuth(CREDS, "iam", "us-east-1", expires=300).add_auth(request)
    url = request.url
    amz_date = url.split("X-Amz-Date=", 1)[1][:16]
    return {
        "name": name,
        "method": "GET",
        "path": "/",
        "query": url.split("?", 1)[1],
        "headers": {"host": host},
        "body": "",
        "secret": CREDS.secret_key,
        "now": now_of(amz_date),
    }


vectors = [
    signed("ListUsers", "Action=ListUsers&Version=2010-05-08"),
    signed(
        "TagMFADevice with plus, space and escapes",
        "Action=TagMFADevice&Version=2010-05-08&SerialNumber=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Falice"
        "&Tags.member.1.Key=a+b&Tags.member.1.Value=x%2By%20z%C3%A9",
    ),
    signed("eu-west-1 scope", "Action=GetUser&Version=2010-05-08", region="eu-west-1"),
    signed("default port host", "Action=GetUser&Version=2010-05-08", host="iam.example.test"),
    signed(
        "STS GetSessionToken with session credentials",
        "Action=GetCallerIdentity&Version=2011-06-15",
        service="sts",
        creds=SESSION,
    ),
    presigned("presigned ListUsers", "Action=ListUsers&Version=2010-05-08"),
]
print(json.dumps(vectors, indent=2))
