"""The virtual MFA lifecycle through boto3, as a Python application drives it.

Usage: python3 lifecycle.py ENDPOINT ACCESS_KEY_ID SECRET_ACCESS_KEY
Prints one JSON object with what it observed; the vitest suite asserts on it.
"""
import base64
import hashlib
import hmac
import json
import struct
import sys
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError


def totp(seed_base32, step):
    key = base64.b32decode(seed_base32 + "=" * (-len(seed_base32) % 8))
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    code = (struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


def error_code(call):
    try:
        call()
    except ClientError as error:
        return error.response["Error"]["Code"]
    return None


endpoint, key_id, secret = sys.argv[1:4]
config = Config(retries={"max_attempts": 1, "mode": "standard"})
session = boto3.session.Session(
    aws_access_key_id=key_id, aws_secret_access_key=secret, region_name="eu-west-1"
)
iam = session.client("iam", endpoint_url=endpoint, config=config)
sts = session.client("sts", endpoint_url=endpoint, config=config)

iam.create_user(UserName="Dora")
user_key = iam.create_access_key(UserName="Dora")["AccessKey"]
device = iam.create_virtual_mfa_device(VirtualMFADeviceName="Dora")["VirtualMFADevice"]
seed = device["Base32StringSeed"].decode()
serial = device["SerialNumber"]

while time.time() % 30 > 28:
    time.sleep(0.2)
step = int(time.time() // 30)
iam.enable_mfa_device(
    UserName="Dora",
    SerialNumber=serial,
    AuthenticationCode1=totp(seed, step - 1),
    AuthenticationCode2=totp(seed, step),
)

dora = boto3.session.Session(
    aws_access_key_id=user_key["AccessKeyId"],
    aws_secret_access_key=user_key["SecretAccessKey"],
    region_name="eu-west-1",
).client("sts", endpoint_url=endpoint, config=config)
wrong = "000000" if totp(seed, step + 1) != "000000" else "000001"
wrong_code = error_code(
    lambda: dora.get_session_token(SerialNumber=serial, TokenCode=wrong)
)
credentials = dora.get_session_token(SerialNumber=serial, TokenCode=totp(seed, step + 1))[
    "Credentials"
]
replayed = error_code(
    lambda: dora.get_session_token(SerialNumber=serial, TokenCode=totp(seed, step + 1))
)
identity = sts.get_caller_identity()

print(
    json.dumps(
        {
            "seedLength": len(seed),
            "serial": serial,
            "devices": [d["SerialNumber"] for d in iam.list_mfa_devices(UserName="Dora")["MFADevices"]],
            "sessionKeyPrefix": credentials["AccessKeyId"][:4],
            "wrongCode": wrong_code,
            "replayed": replayed,
            "rootArn": identity["Arn"],
            "deleteUserConflict": error_code(lambda: iam.delete_user(UserName="Dora")),
        }
    )
)
