"""AMQP_URI listing the nodes of a cluster: a log line shows none of their passwords."""

from __future__ import annotations

from infra.brokers import hidden_passwords, listed

CLUSTER = "amqp://app:s3cret@10.0.0.1:5672/smile;amqp://app:s3cret@10.0.0.2:5672/smile"


def test_every_broker_is_logged_without_its_password():
    assert hidden_passwords(CLUSTER) == (
        "amqp://app:********@10.0.0.1:5672/smile;amqp://app:********@10.0.0.2:5672/smile"
    )
    assert hidden_passwords("amqp://10.0.0.1:5672/") == "amqp://10.0.0.1:5672/"


def test_the_brokers_are_listed_in_order():
    assert listed(CLUSTER) == [
        "amqp://app:s3cret@10.0.0.1:5672/smile",
        "amqp://app:s3cret@10.0.0.2:5672/smile",
    ]
