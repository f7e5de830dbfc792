import base64
import re
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


SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def test_a_key_id_names_one_secret_for_good_without_revealing_it():
    """Key ids are written in events, so one secret's id never changes from one release to the next."""
    assert key_id(SPEC_SECRET) == "key_96ad2ccd81462a76"
    secret = generate_secret()
    assert re.fullmatch(r"key_[0-9a-f]{16}", key_id(secret))
    assert key_id(secret) != key_id(generate_secret())
    assert secret.removeprefix("whsec_")[:8] not in key_id(secret)


def test_a_secret_without_its_prefix_or_with_bad_base64_is_refused():
    bare = SPEC_SECRET.removeprefix("whsec_")
    with pytest.raises(ValueError, match=r"^a signing secret starts with whsec_$"):
        secret_key(bare)
    with pytest.raises(ValueError):
        secret_key("whsec_MfKQ9r8G*KYqr")
    with pytest.raises(ValueError):
        sign("whsec_MfKQ9r8G*KYqr", "msg_1", 1, BODY)


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


def test_the_headers_are_the_standard_webhooks_ones():
    headers = webhook_headers([SPEC_SECRET], "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, b'{"test": 2432232314}')
    assert headers == {
        "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "webhook-timestamp": "1614265330",
        "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        "content-type": "application/json",
    }


def test_no_secret_no_headers():
    with pytest.raises(ValueError, match=r"^no signing secret$"):
        webhook_headers([], "msg_1", 1, BODY)
