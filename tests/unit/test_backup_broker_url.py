"""The backup exports the broker definitions of the vhost AMQP_URI names, also when AMQP_URI lists
the nodes of a cluster (`;` between them)."""

from __future__ import annotations

from infra.backup_stores import broker_definitions_url

API = "http://admin:pw@10.0.0.9:15672"


def test_the_vhost_of_a_single_broker_and_of_a_cluster_is_the_same():
    one = "amqp://app:s3cret@10.0.0.1:5672/smile%2Fprod"
    cluster = f"{one};amqp://app:s3cret@10.0.0.2:5672/smile%2Fprod"
    expected = ("http://10.0.0.9:15672/api/definitions/smile%2Fprod", ("admin", "pw"))
    assert broker_definitions_url({"RABBIT_API_URI": API, "AMQP_URI": one}) == expected
    assert broker_definitions_url({"RABBIT_API_URI": API, "AMQP_URI": cluster}) == expected


def test_no_vhost_is_the_default_one():
    config = {"RABBIT_API_URI": API, "AMQP_URI": "amqp://10.0.0.1:5672/;amqp://10.0.0.2:5672/"}
    assert broker_definitions_url(config)[0].endswith("/api/definitions/%2F")
