#!/usr/bin/env python3
"""Checks what the overlays render to, as Kubernetes would read it (deploy/k8s/check.sh runs it).

Usage: check_rendered.py RENDERED_DIR   with base.yaml, local.yaml and gpu-cluster.yaml from `kustomize build`.

- every rendering: the four services mount the model root (PVC mnemo-models) read-only where MNEMO_MODELS says;
- gpu-cluster: trainer and eval run the -gpu images, request nvidia.com/gpu, sit on GPU nodes, carry the CUDA
  settings of Dockerfile.gpu and MNEMO_DEVICE_EXPECT=gpu; data and results do not;
- base and local: nothing requests a GPU or expects one;
- Dockerfile.gpu's versions are the root pom's; jobs/import-model.yaml writes the model root with the HF token.
"""
import pathlib
import re
import sys

import yaml

DEPLOY = pathlib.Path(__file__).resolve().parent.parent
SERVICES = ("data-service", "trainer-service", "eval-service", "results-service")
ON_GPU = ("trainer-service", "eval-service")
GPU = "nvidia.com/gpu"

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def documents(path):
    return [d for d in yaml.safe_load_all(path.read_text()) if d]


def deployments(docs):
    return {d["metadata"]["name"]: d for d in docs if d["kind"] == "Deployment"}


def container(deployment):
    return deployment["spec"]["template"]["spec"]["containers"][0]


def env(deployment):
    return {e["name"]: e.get("value") for e in container(deployment).get("env", [])}


def common_config(docs):
    maps = [d for d in docs if d["kind"] == "ConfigMap" and d["metadata"]["name"].startswith("mnemo-common")]
    return maps[0]["data"] if maps else {}


def gpu_limit(deployment):
    return int(container(deployment).get("resources", {}).get("limits", {}).get(GPU, 0))


def dockerfile_settings():
    """ARG defaults and ENV values of Dockerfile.gpu (${ARG} references resolved)."""
    text = (DEPLOY / "docker" / "Dockerfile.gpu").read_text().replace("\\\n", " ")
    args = dict(re.findall(r"^ARG (\w+)=(\S+)", text, re.M))
    values = dict(args)
    for line in re.findall(r"^ENV (.+)$", text, re.M):
        for name, value in re.findall(r"(\w+)=(\"[^\"]*\"|\S+)", line):
            values[name] = re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), m.group(0)), value.strip('"'))
    return values


def pom_property(name):
    match = re.search(rf"<{name}>([^<]+)</{name}>", (DEPLOY.parent / "pom.xml").read_text())
    return match.group(1) if match else None


def check_model_root(label, docs):
    models = common_config(docs).get("MNEMO_MODELS")
    check(models, f"{label}: ConfigMap mnemo-common has no MNEMO_MODELS")
    check(any(d["kind"] == "PersistentVolumeClaim" and d["metadata"]["name"] == "mnemo-models" for d in docs),
          f"{label}: no PersistentVolumeClaim mnemo-models")
    found = deployments(docs)
    for name in SERVICES:
        if not check(name in found, f"{label}: no Deployment {name}"):
            continue
        pod = found[name]["spec"]["template"]["spec"]
        volumes = {v["name"]: v for v in pod.get("volumes", [])}
        mounts = [m for m in container(found[name]).get("volumeMounts", [])
                  if volumes.get(m["name"], {}).get("persistentVolumeClaim", {}).get("claimName") == "mnemo-models"]
        check(len(mounts) == 1 and mounts[0]["mountPath"] == models and mounts[0].get("readOnly") is True,
              f"{label}: {name} must mount PVC mnemo-models read-only at MNEMO_MODELS ({models}), mounts {mounts}")


def check_gpu_cluster(docs, dockerfile):
    found = deployments(docs)
    expected = {"MNEMO_DEVICE_EXPECT": "gpu", "PYTORCH_FLAVOR": dockerfile.get("CUDA_FLAVOR"),
                "PYTORCH_LIBRARY_PATH": dockerfile.get("PYTORCH_LIBRARY_PATH"), "DJL_OFFLINE": "true"}
    for name in ON_GPU:
        d = found[name]
        pod = d["spec"]["template"]["spec"]
        check(container(d)["image"].endswith("-gpu"), f"gpu-cluster: {name} runs {container(d)['image']}, not a -gpu image")
        check(gpu_limit(d) >= 1, f"gpu-cluster: {name} does not request {GPU}")
        check(pod.get("nodeSelector", {}).get("nvidia.com/gpu.present") == "true",
              f"gpu-cluster: {name} has no GPU node selector")
        check(any(t.get("key") == GPU for t in pod.get("tolerations", [])),
              f"gpu-cluster: {name} does not tolerate the {GPU} taint")
        values = env(d)
        for key, value in expected.items():
            check(value is not None and values.get(key) == value,
                  f"gpu-cluster: {name} sets {key}={values.get(key)}, expected {value} (Dockerfile.gpu)")
    for name in set(SERVICES) - set(ON_GPU):
        check(gpu_limit(found[name]) == 0 and not container(found[name])["image"].endswith("-gpu"),
              f"gpu-cluster: {name} must not use a GPU")


def check_no_gpu(label, docs):
    for name, d in deployments(docs).items():
        check(gpu_limit(d) == 0, f"{label}: {name} requests a GPU")
        check(env(d).get("MNEMO_DEVICE_EXPECT") != "gpu", f"{label}: {name} expects a GPU")
        check(not container(d)["image"].endswith("-gpu"), f"{label}: {name} runs a GPU image")


def check_versions(dockerfile):
    for arg, prop in (("LIBTORCH_VERSION", "libtorch.version"), ("DJL_VERSION", "djl.version")):
        check(dockerfile.get(arg) == pom_property(prop),
              f"Dockerfile.gpu ARG {arg}={dockerfile.get(arg)}, pom.xml {prop}={pom_property(prop)}")


def check_import_job():
    job = documents(DEPLOY / "k8s" / "jobs" / "import-model.yaml")[0]
    pod = job["spec"]["template"]["spec"]
    claims = [v["persistentVolumeClaim"]["claimName"] for v in pod["volumes"] if "persistentVolumeClaim" in v]
    check(claims == ["mnemo-models"], f"jobs/import-model.yaml: mounts {claims}, expected the model root only")
    download, = pod["initContainers"]
    importer, = pod["containers"]
    token = [e for e in download["env"] if e["name"] == "HF_TOKEN"]
    check(token and token[0].get("valueFrom", {}).get("secretKeyRef", {}).get("name") == "hf-token",
          "jobs/import-model.yaml: HF_TOKEN must come from Secret hf-token")
    names = {c["name"]: {e["name"]: e.get("value") for e in c["env"]}.get("MODEL_NAME") for c in (download, importer)}
    check(len(set(names.values())) == 1, f"jobs/import-model.yaml: the containers name different models {names}")
    check("mnemo import-model" in " ".join(importer["command"]), "jobs/import-model.yaml: the import runs no mnemo import-model")


def main(rendered):
    rendered = pathlib.Path(rendered)
    dockerfile = dockerfile_settings()
    renderings = {label: documents(rendered / f"{label}.yaml") for label in ("base", "local", "gpu-cluster")}
    for label, docs in renderings.items():
        check_model_root(label, docs)
    check_gpu_cluster(renderings["gpu-cluster"], dockerfile)
    check_no_gpu("base", renderings["base"])
    check_no_gpu("local", renderings["local"])
    check_versions(dockerfile)
    check_import_job()
    for failure in failures:
        print(f"  FAILED {failure}")
    if failures:
        return 1
    print("  gpu-cluster: trainer and eval on -gpu images with nvidia.com/gpu, GPU nodes, "
          f"PYTORCH_FLAVOR={dockerfile['CUDA_FLAVOR']}, MNEMO_DEVICE_EXPECT=gpu; base and local use no GPU")
    print("  every overlay: the four services mount the model root read-only at MNEMO_MODELS; "
          "Dockerfile.gpu's versions match pom.xml; jobs/import-model.yaml checked")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
