#!/usr/bin/env python3
"""Asserts that a rendered overlay (kustomize build output) keeps Kafka closed, and says what it checked.

- every Kafka listener has TLS and authentication, and the cluster authorizes (simple ACLs);
- every KafkaUser authenticates, is authorized by simple ACLs, and its ACLs only Read/Write/Describe topics named
  mnemo.* and groups named mnemo-*: no cluster or transactionalId rights, no Create, Delete, Alter or All;
- every Deployment's containers speak SASL_SSL with SCRAM-SHA-512, read their JAAS line from the Secret of a
  KafkaUser of this overlay (never a literal), and trust a CA file; the bootstrap address is a TLS listener's port;
- every KEDA kafka trigger authenticates through a TriggerAuthentication of this overlay with SASL and TLS.

Usage: kafka-security.py RENDERED.yaml. Exit status 1, with every violation listed, when one fails.
"""
import sys

import yaml

ALLOWED_OPERATIONS = {"Read", "Write", "Describe"}


def check(objects):
    errors = []
    by_kind = {}
    for obj in objects:
        by_kind.setdefault(obj["kind"], []).append(obj)

    def name(obj):
        return f"{obj['kind']}/{obj['metadata']['name']}"

    tls_ports = set()
    for kafka in by_kind.get("Kafka", []):
        spec = kafka["spec"]["kafka"]
        for listener in spec.get("listeners", []):
            where = f"{name(kafka)} listener {listener.get('name')}"
            if listener.get("tls") is not True:
                errors.append(f"{where}: tls is not true")
            if not listener.get("authentication", {}).get("type"):
                errors.append(f"{where}: no authentication")
            if listener.get("tls") is True:
                tls_ports.add(str(listener.get("port")))
        if spec.get("authorization", {}).get("type") != "simple":
            errors.append(f"{name(kafka)}: authorization is not simple")
        if "userOperator" not in kafka["spec"].get("entityOperator", {}):
            errors.append(f"{name(kafka)}: no User Operator to manage the KafkaUsers")
    if not by_kind.get("Kafka"):
        errors.append("no Kafka resource rendered")

    users = {}
    for user in by_kind.get("KafkaUser", []):
        spec = user["spec"]
        users[user["metadata"]["name"]] = user
        if spec.get("authentication", {}).get("type") not in ("scram-sha-512", "tls"):
            errors.append(f"{name(user)}: authentication is not scram-sha-512 or tls")
        authorization = spec.get("authorization", {})
        if authorization.get("type") != "simple":
            errors.append(f"{name(user)}: authorization is not simple")
        for acl in authorization.get("acls", []):
            resource = acl["resource"]
            kind, resource_name = resource.get("type"), resource.get("name", "")
            where = f"{name(user)} ACL on {kind} {resource_name!r}"
            if acl.get("type", "allow") != "allow":
                continue  # a deny only takes rights away
            if kind == "topic" and not resource_name.startswith("mnemo."):
                errors.append(f"{where}: not a mnemo.* topic")
            elif kind == "group" and not resource_name.startswith("mnemo-"):
                errors.append(f"{where}: not a mnemo-* group")
            elif kind not in ("topic", "group"):
                errors.append(f"{where}: only topics and groups may be granted")
            extra = set(acl.get("operations", [])) - ALLOWED_OPERATIONS
            if extra:
                errors.append(f"{where}: operations {sorted(extra)} beyond Read, Write, Describe")

    config_maps = {cm["metadata"]["name"]: cm.get("data", {}) for cm in by_kind.get("ConfigMap", [])}
    deployments = by_kind.get("Deployment", [])
    for deployment in deployments:
        pod = deployment["spec"]["template"]["spec"]
        for container in pod["containers"]:
            where = f"{name(deployment)} container {container['name']}"
            env = {e["name"]: e for e in container.get("env", [])}
            for source in container.get("envFrom", []):
                for key, value in config_maps.get(source.get("configMapRef", {}).get("name"), {}).items():
                    env.setdefault(key, {"name": key, "value": value})
            if env.get("KAFKA_SECURITY_PROTOCOL", {}).get("value") != "SASL_SSL":
                errors.append(f"{where}: KAFKA_SECURITY_PROTOCOL is not SASL_SSL")
            if env.get("KAFKA_SASL_MECHANISM", {}).get("value") != "SCRAM-SHA-512":
                errors.append(f"{where}: KAFKA_SASL_MECHANISM is not SCRAM-SHA-512")
            jaas = env.get("KAFKA_SASL_JAAS_CONFIG", {})
            secret = jaas.get("valueFrom", {}).get("secretKeyRef", {})
            if "value" in jaas or secret.get("key") != "sasl.jaas.config":
                errors.append(f"{where}: KAFKA_SASL_JAAS_CONFIG is not the sasl.jaas.config key of a Secret")
            elif secret.get("name") not in users:
                errors.append(f"{where}: its JAAS Secret {secret.get('name')!r} is not a KafkaUser of this overlay")
            if not env.get("KAFKA_SSL_TRUSTSTORE_LOCATION", {}).get("value"):
                errors.append(f"{where}: no KAFKA_SSL_TRUSTSTORE_LOCATION")
            bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS", {}).get("value", "")
            if bootstrap.rpartition(":")[2] not in tls_ports:
                errors.append(f"{where}: KAFKA_BOOTSTRAP_SERVERS {bootstrap!r} is not a TLS listener's port")

    trigger_auths = {t["metadata"]["name"]: t for t in by_kind.get("TriggerAuthentication", [])}
    triggers = 0
    for scaled in by_kind.get("ScaledObject", []):
        for trigger in scaled["spec"].get("triggers", []):
            if trigger.get("type") != "kafka":
                continue
            triggers += 1
            where = f"{name(scaled)} kafka trigger"
            auth = trigger_auths.get(trigger.get("authenticationRef", {}).get("name"))
            if auth is None:
                errors.append(f"{where}: no authenticationRef to a TriggerAuthentication of this overlay")
                continue
            parameters = {ref["parameter"] for ref in auth["spec"].get("secretTargetRef", [])}
            missing = {"sasl", "username", "password", "tls", "ca"} - parameters
            if missing:
                errors.append(f"{where}: {name(auth)} lacks {sorted(missing)}")

    summary = (f"{len(by_kind.get('Kafka', []))} Kafka (TLS listener ports {sorted(tls_ports)}), "
               f"{len(users)} KafkaUsers, {len(deployments)} Deployments, {triggers} KEDA kafka triggers")
    return errors, summary


def main():
    with open(sys.argv[1]) as f:
        objects = [o for o in yaml.safe_load_all(f) if o]
    errors, summary = check(objects)
    for error in errors:
        print(f"    kafka security: {error}")
    if errors:
        sys.exit(1)
    print(f"    kafka security holds: {summary}")


if __name__ == "__main__":
    main()
