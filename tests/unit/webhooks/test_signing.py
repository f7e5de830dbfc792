import base64
import time

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from shared.webhooks.signing import generate_secret, key_id, secret_key, sign, webhook_headers

BODY = b'{"type":"claim.observed","data":{"claim":{"subject":"helicopter"}}}'


def test_a_secret_is_whsec_and_base64_of_random_bytes():
    secret = generate_secret()
    assert secret.startswith("whsec_")
    assert len(secret_key(secret)) == 32
    assert generate_secret() != secret
    assert key_id(secret) == key_id(secret) and secret not in key_id(secret)


def test_standardwebhooks_verifies_our_signature():
    secret = generate_secret()
    headers = webhook_headers([secret], "msg_1", int(time.time()), BODY)
    assert Webhook(secret).verify(BODY, headers) == {"type": "claim.observed", "data": {"claim": {"subject": "helicopter"}}}


def test_a_tampered_body_fails_verification():
    secret = generate_secret()
    headers = webhook_headers([secret], "msg_1", int(time.time()), BODY)
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(BODY.replace(b"helicopter", b"tank"), headers)


def test_another_message_id_or_secret_fails_verification():
    secret = generate_secret()
    headers = webhook_headers([secret], "msg_1", int(time.time()), BODY)
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(BODY, {**headers, "webhook-id": "msg_2"})
    with pytest.raises(WebhookVerificationError):
        Webhook(generate_secret()).verify(BODY, headers)


def test_an_old_timestamp_fails_verification():
    secret = generate_secret()
    old = int(time.time()) - 10 * 60
    headers = webhook_headers([secret], "msg_1", old, BODY)
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(BODY, headers)


def test_during_rotation_both_secrets_sign_and_either_verifies():
    old, new = generate_secret(), generate_secret()
    headers = webhook_headers([new, old], "msg_1", int(time.time()), BODY)
    assert len(headers["webhook-signature"].split(" ")) == 2
    Webhook(old).verify(BODY, headers)
    Webhook(new).verify(BODY, headers)


def test_signature_is_hmac_sha256_of_id_timestamp_body_known_vector():
    # The example from the Standard Webhooks specification's reference implementations.
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    signature = sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, b'{"test": 2432232314}')
    assert signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    assert base64.b64decode(signature[3:])


def test_no_secret_no_headers():
    with pytest.raises(ValueError):
        webhook_headers([], "msg_1", 1, BODY)
