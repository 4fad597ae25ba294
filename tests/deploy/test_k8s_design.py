"""What the issue asks of the manifests, read from the rendered production overlay."""

import re

from infra.config import load_config
from tests.deploy.manifests import K8S, render, shipped_config

PRODUCTION = render("overlays/production")
INGRESS_NAMESPACE = {"kubernetes.io/metadata.name": "ingress-nginx"}
MONITORING_NAMESPACE = {"kubernetes.io/metadata.name": "monitoring"}
UPGRADE = render("overlays/production/migrate")


def of_kind(kind, docs=PRODUCTION):
    return {doc["metadata"]["name"]: doc for doc in docs if doc["kind"] == kind}


def pod_spec(workload):
    return workload["spec"]["template"]["spec"]


def selects(selector, labels):
    return all(labels.get(key) == value for key, value in selector["matchLabels"].items())


def test_the_config_map_carries_the_shipped_smile_yaml():
    assert (K8S / "base" / "config" / "smile.yaml").read_text() == shipped_config()
    config_map = next(d for d in PRODUCTION if d["metadata"]["name"].startswith("smile-config-"))
    assert config_map["data"]["smile.yaml"] == shipped_config()


def test_every_process_runs_from_one_image_as_a_non_root_read_only_container():
    names = {*load_config()["SERVICES"], "gateway"}
    deployments = of_kind("Deployment")
    assert {f"smile-{name}" for name in names} == set(deployments)
    images = set()
    for name, deployment in deployments.items():
        (container,) = pod_spec(deployment)["containers"]
        assert container["command"] == ["python", "-m", "infra.runner", name.removeprefix("smile-")]
        assert container["securityContext"]["readOnlyRootFilesystem"] is True
        assert container["securityContext"]["runAsNonRoot"] is True
        assert {"mountPath": "/tmp", "name": "tmp"} in container["volumeMounts"]
        assert set(container["resources"]) == {"requests", "limits"}
        assert container["readinessProbe"]["httpGet"]["path"] == "/health/ready"
        assert container["livenessProbe"]["httpGet"]["path"] == "/health/live"
        images.add(container["image"])
    (job,) = of_kind("Job", UPGRADE).values()
    images.add(pod_spec(job)["containers"][0]["image"])
    assert len(images) == 1


def test_every_deployment_has_a_disruption_budget_and_the_gateway_scales():
    budgets = of_kind("PodDisruptionBudget").values()
    for deployment in of_kind("Deployment").values():
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert any(selects(budget["spec"]["selector"], labels) for budget in budgets)
    (autoscaler,) = of_kind("HorizontalPodAutoscaler").values()
    assert autoscaler["spec"]["scaleTargetRef"]["name"] == "smile-gateway"


def test_only_the_gateway_is_reachable_and_processes_reach_only_broker_and_database():
    policies = of_kind("NetworkPolicy")
    for name, deployment in of_kind("Deployment").items():
        policy = policies[name]
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert selects(policy["spec"]["podSelector"], labels)
        assert policy["spec"]["policyTypes"] == ["Ingress", "Egress"]
        sources = [rule["from"][0] for rule in policy["spec"]["ingress"]]
        namespaces = [s["namespaceSelector"]["matchLabels"] for s in sources]
        expected = [INGRESS_NAMESPACE] if name == "smile-gateway" else []
        assert namespaces == [*expected, MONITORING_NAMESPACE]
        ports = {p["port"] for rule in policy["spec"]["egress"] for p in rule["ports"]}
        assert {5672, 5432, 53} <= ports
    (ingress,) = of_kind("Ingress").values()
    assert ingress["spec"]["tls"][0]["secretName"]
    backends = {
        p["backend"]["service"]["name"] for p in ingress["spec"]["rules"][0]["http"]["paths"]
    }
    assert backends == {"smile-gateway"}


def test_the_upgrade_job_migrates_declares_the_queues_and_bootstraps():
    (job,) = of_kind("Job", UPGRADE).values()
    script = pod_spec(job)["containers"][0]["command"][-1]
    for name in {*load_config()["SERVICES"], "gateway"}:
        assert f"python -m infra.migrate upgrade {name}\n" in script
    steps = ["infra.migrate", "infra.topology", "services.teams.bootstrap"]
    assert sorted(steps, key=script.rindex) == steps


def test_each_process_has_its_own_credentials():
    roles = of_kind("Cluster")["smile-postgres"]["spec"]["managed"]["roles"]
    assert all(role["createdb"] is False and role["superuser"] is False for role in roles)
    databases = of_kind("Database")
    users = of_kind("User")
    for name, deployment in of_kind("Deployment").items():
        env = {e["name"]: e for e in pod_spec(deployment)["containers"][0]["env"]}
        db_secret = env["DB_PASSWORD"]["valueFrom"]["secretKeyRef"]["name"]
        broker_secret = env["BROKER_PASSWORD"]["valueFrom"]["secretKeyRef"]["name"]
        assert db_secret == name.replace("smile-", "smile-db-")
        assert users[name]["spec"]["importCredentialsSecret"]["name"] == broker_secret
        assert databases[name]["spec"]["owner"] in env["DATABASE_URL"]["value"]


def test_the_broker_and_database_clusters_survive_a_node():
    rabbit = of_kind("RabbitmqCluster")["smile-rabbitmq"]["spec"]
    assert rabbit["replicas"] == 3
    assert "cluster_partition_handling = pause_minority" in rabbit["rabbitmq"]["additionalConfig"]
    anti = rabbit["affinity"]["podAntiAffinity"]
    keys = {t["topologyKey"] for t in anti["requiredDuringSchedulingIgnoredDuringExecution"]}
    keys |= {
        t["podAffinityTerm"]["topologyKey"]
        for t in anti["preferredDuringSchedulingIgnoredDuringExecution"]
    }
    assert keys == {"kubernetes.io/hostname", "topology.kubernetes.io/zone"}
    postgres = of_kind("Cluster")["smile-postgres"]["spec"]
    assert postgres["instances"] == 3
    assert postgres["plugins"][0]["isWALArchiver"] is True
    assert of_kind("ScheduledBackup")["smile-postgres-daily"]["spec"]["method"] == "plugin"
    assert of_kind("Pooler")["smile-postgres-pooler-rw"]["spec"]["type"] == "rw"


def settings_of(docs):
    config_map = next(d for d in docs if d["metadata"]["name"].startswith("smile-settings-"))
    return config_map["data"]


def test_prometheus_finds_and_may_reach_every_process_metrics():
    policies = of_kind("NetworkPolicy")
    for name, deployment in of_kind("Deployment").items():
        (container,) = pod_spec(deployment)["containers"]
        (declared,) = container["ports"]
        annotations = deployment["spec"]["template"]["metadata"]["annotations"]
        assert annotations["prometheus.io/scrape"] == "true"
        assert annotations["prometheus.io/port"] == str(declared["containerPort"])
        assert annotations["prometheus.io/path"] == "/metrics"
        scrape = policies[name]["spec"]["ingress"][-1]
        assert scrape["from"][0]["namespaceSelector"]["matchLabels"] == MONITORING_NAMESPACE
        assert scrape["ports"] == [{"protocol": "TCP", "port": declared["containerPort"]}]


def test_the_probes_ask_the_ports_the_processes_listen_on():
    settings = settings_of(PRODUCTION)
    for name, deployment in of_kind("Deployment").items():
        (container,) = pod_spec(deployment)["containers"]
        env = {e["name"]: e.get("value") for e in container["env"]}
        port = env["GATEWAY_ADDRESS"].rpartition(":")[2] if name == "smile-gateway" else None
        (declared,) = container["ports"]
        assert declared["containerPort"] == int(port or settings["HEALTH_PORT"])
        assert container["readinessProbe"]["httpGet"]["port"] == declared["name"]


def test_every_setting_given_is_one_the_configuration_reads():
    read = set(re.findall(r"\$\{([A-Z_]+):", shipped_config())) | {"ADMIN_PASSWORD"}
    composed_from = re.compile(r"(DB|BROKER)(_[A-Z]+)?_(USERNAME|PASSWORD)")
    given = set(settings_of(PRODUCTION))
    for workload in [*of_kind("Deployment").values(), *of_kind("Job", UPGRADE).values()]:
        given |= {e["name"] for e in pod_spec(workload)["containers"][0]["env"]}
    assert {name for name in given if not composed_from.fullmatch(name)} <= read
