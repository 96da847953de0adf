#!/usr/bin/env bash
# Builds SafariDesk's container images with podman or Docker, whichever this machine has:
#   <prefix>/helpdesk-api, <prefix>/tenant-provisioning, <prefix>/worker, <prefix>/keycloak, <prefix>/front-door
# and, with --stand-ins, local builds of the third-party images for machines that reach no registry:
#   localhost/postgres:15, localhost/rabbitmq:3.10-management, localhost/greenmail/standalone:<greenmail.version>
# Usage: infra/bin/safaridesk images [--stand-ins] [--skip-build]
#   SAFARIDESK_BASE_IMAGE    base of every image (default docker.io/library/debian:bookworm-slim)
#   SAFARIDESK_IMAGE_PREFIX  name prefix (default localhost/safaridesk); SAFARIDESK_IMAGE_TAG (default: the version)
#   SAFARIDESK_CONTAINER_ENGINE  podman or docker (default: podman if installed, else docker)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
images="$repo/infra/images"
context="$repo/infra/target/images"
stand_ins=false build_jars=true
for argument in "$@"; do
  case "$argument" in
    --stand-ins) stand_ins=true ;;
    --skip-build) build_jars=false ;;
    *) echo "unknown option: $argument (known: --stand-ins, --skip-build)" >&2; exit 2 ;;
  esac
done

engine="${SAFARIDESK_CONTAINER_ENGINE:-}"
if [ -z "$engine" ]; then
  if command -v podman >/dev/null; then engine=podman
  elif command -v docker >/dev/null && docker info >/dev/null 2>&1; then engine=docker
  else echo "Neither podman nor a running Docker engine found (see .ci/podman-setup)" >&2; exit 1
  fi
fi
base="${SAFARIDESK_BASE_IMAGE:-docker.io/library/debian:bookworm-slim}"
prefix="${SAFARIDESK_IMAGE_PREFIX:-localhost/safaridesk}"
property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$repo/pom.xml" | head -1; }
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$repo/pom.xml" | head -1)"
tag="${SAFARIDESK_IMAGE_TAG:-$version}"
JAVA_HOME="${JAVA_HOME:-$("$repo/infra/bin/find-jdk")}"
java="$JAVA_HOME/bin/java"
started=$(date +%s)

if [ "$build_jars" = true ]; then
  echo "Building the jars..."
  "$repo/mvnw" -q -B -f "$repo/pom.xml" -DskipTests -Dspotless.check.skip=true \
    -pl helpdesk-api,tenant-provisioning,worker,keycloak -am package
fi
mkdir -p "$context/downloads"
download() { # groupId:artifactId:version[:type]
  "$repo/mvnw" -q -B -f "$repo/pom.xml" -N dependency:copy -Dartifact="$1" -DoutputDirectory="$context/downloads" \
    -Dmdep.stripVersion=true
}

# One small JRE for every Java image, linked from the build's JDK once per JDK release and kept in the cache
# directory (a fresh clone on a machine with the cache skips jlink).
cache="${SAFARIDESK_CACHE:-${SAFARIDESK_HOME:-$HOME/.safaridesk}/cache}/images"
jdk_release="$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JAVA_HOME/release")"
jre="$cache/jre-$jdk_release"
if [ "$(cat "$jre/.jdk" 2>/dev/null)" != "$jdk_release" ]; then
  echo "Linking a JRE from $JAVA_HOME ($jdk_release)..."
  rm -rf "$jre"; mkdir -p "$cache"
  "$JAVA_HOME/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.cryptoki,jdk.zipfs,jdk.charsets,jdk.localedata,jdk.management,jdk.management.agent,jdk.jfr,jdk.naming.dns,jdk.security.auth,jdk.security.jgss,jdk.httpserver,jdk.net \
    --include-locales=en --strip-debug --no-header-files --no-man-pages --compress=zip-6 --output "$jre"
  echo "$jdk_release" > "$jre/.jdk"
fi

# A build context per image; hard links keep the shared JRE from being copied.
prepare() { # name
  rm -rf "$context/$1"; mkdir -p "$context/$1"
  cp "$images/healthcheck" "$context/$1/"
}
with_jre() { cp -al "$jre" "$context/$1/jre" 2>/dev/null || cp -a "$jre" "$context/$1/jre"; }

for service in helpdesk-api tenant-provisioning worker; do
  prepare "$service"; with_jre "$service"
  cp "$repo/$service/target/$service-exec.jar" "$context/$service/app.jar"
  (cd "$context/$service" && "$java" -Djarmode=tools -jar app.jar extract --layers --destination app && rm app.jar)
  for layer in dependencies spring-boot-loader snapshot-dependencies application; do
    mkdir -p "$context/$service/app/$layer"
  done
done

keycloak_version="$(property keycloak.version)"
if [ ! -f "$context/keycloak-dist-$keycloak_version/bin/kc.sh" ]; then
  download "org.keycloak:keycloak-quarkus-dist:$keycloak_version:zip"
  rm -rf "$context/keycloak-dist-$keycloak_version" "$context/unzip"
  mkdir -p "$context/unzip"
  (cd "$context/unzip" && "$JAVA_HOME/bin/jar" xf "$context/downloads/keycloak-quarkus-dist.zip")
  mv "$context/unzip/keycloak-$keycloak_version" "$context/keycloak-dist-$keycloak_version"
  chmod +x "$context/keycloak-dist-$keycloak_version"/bin/*.sh
  rm -rf "$context/unzip"
fi
prepare keycloak; with_jre keycloak
cp -al "$context/keycloak-dist-$keycloak_version" "$context/keycloak/keycloak-dist"
cp "$repo/keycloak/target/safaridesk-keycloak-$version.jar" "$context/keycloak/safaridesk-keycloak.jar"

prepare front-door
cp "$images/front-door/nginx.conf" "$images/front-door/front-door" "$context/front-door/"

build() { # image-name containerfile context-dir
  local began; began=$(date +%s)
  local options=(--build-arg "BASE_IMAGE=$base" -t "$1" -f "$2" "${@:4}")
  # podman writes OCI images by default, which drop HEALTHCHECK; the Docker format keeps it
  [ "$engine" = podman ] && options+=(--format docker)
  # --network host: apt-get in the front door and stand-ins reaches the machine's mirror as the host does
  "$engine" build -q --network host "${options[@]}" "$3" >/dev/null
  echo "  $1 built in $(( $(date +%s) - began )) s"
}

# The base image's identity, for the cache keys: the digest of the root file system it was imported from (a label
# .ci/podman-setup sets), else its image id.
base_identity="$("$engine" image inspect --format '{{index .Config.Labels "io.safaridesk.rootfs"}}' "$base" 2>/dev/null \
  || true)"
case "$base_identity" in ""|"<no value>") base_identity="$("$engine" image inspect --format '{{.Id}}' "$base" \
  2>/dev/null || echo "$base")" ;; esac

# cached_build IMAGE CONTAINERFILE CONTEXT INPUTS...: builds an image whose inputs rarely change (Keycloak, the front
# door, the stand-ins) only when they did. The key is a digest of the base, the Containerfile and INPUTS (files
# hashed, other words taken as they are); the image carries it as a label. An image with the key already present is
# kept; else an archive of it under $cache is loaded; else it is built and archived there (older archives of the same
# image are removed). A fresh machine with the cache thus loads in seconds what took minutes to build.
cached_build() {
  local image="$1" containerfile="$2" dir="$3"; shift 3
  local key input began; began=$(date +%s)
  key="$( { echo "$base_identity"; sha256sum < "$containerfile"
    for input in "$@"; do if [ -f "$input" ]; then sha256sum < "$input"; else echo "$input"; fi; done; } \
    | sha256sum | cut -c1-24)"
  local archive="$cache/$(echo "$image" | tr '/:' '__')-$key.tar"
  if [ "$("$engine" image inspect --format '{{index .Config.Labels "io.safaridesk.inputs"}}' "$image" 2>/dev/null)" = "$key" ]; then
    echo "  $image is up to date"
  elif [ -f "$archive" ] && "$engine" load -q -i "$archive" >/dev/null; then
    echo "  $image loaded from the cache in $(( $(date +%s) - began )) s"
  else
    build "$image" "$containerfile" "$dir" --label "io.safaridesk.inputs=$key"
    if [ "${SAFARIDESK_IMAGE_CACHE:-true}" = true ]; then
      mkdir -p "$cache"
      rm -f "$cache/$(echo "$image" | tr '/:' '__')"-*.tar
      "$engine" save -q -o "$archive.partial" "$image" && mv "$archive.partial" "$archive"
    fi
  fi
}
echo "Building images with $engine on $base..."
for service in helpdesk-api tenant-provisioning worker; do
  build "$prefix/$service:$tag" "$images/service/Containerfile" "$context/$service"
done
# a jar's identity by its entries' names and contents (CRC-32), not its bytes: a rebuild of unchanged sources differs
# only in the entries' timestamps
jar_digest() {
  python3 -c 'import sys, zipfile
print("\n".join(sorted(f"{i.filename} {i.CRC:08x}" for i in zipfile.ZipFile(sys.argv[1]).infolist())))' "$1" \
    | sha256sum | cut -c1-64
}
keycloak_jar="$context/keycloak/safaridesk-keycloak.jar"
cached_build "$prefix/keycloak:$tag" "$images/keycloak/Containerfile" "$context/keycloak" \
  "keycloak-dist $keycloak_version" "jre $jdk_release" "$images/healthcheck" "$(jar_digest "$keycloak_jar")"
cached_build "$prefix/front-door:$tag" "$images/front-door/Containerfile" "$context/front-door" \
  "$images/front-door/nginx.conf" "$images/front-door/front-door" "$images/healthcheck"

if [ "$stand_ins" = true ]; then
  greenmail_version="$(property greenmail.version)"
  prepare postgres; cp "$images/stand-ins/postgres/entrypoint" "$context/postgres/"
  cached_build localhost/postgres:15 "$images/stand-ins/postgres/Containerfile" "$context/postgres" \
    "$images/stand-ins/postgres/entrypoint"
  prepare rabbitmq; cp "$images/stand-ins/rabbitmq/entrypoint" "$context/rabbitmq/"
  cached_build localhost/rabbitmq:3.10-management "$images/stand-ins/rabbitmq/Containerfile" "$context/rabbitmq" \
    "$images/stand-ins/rabbitmq/entrypoint"
  [ -f "$context/downloads/greenmail-standalone-$greenmail_version.jar" ] || {
    download "com.icegreen:greenmail-standalone:$greenmail_version"
    mv "$context/downloads/greenmail-standalone.jar" "$context/downloads/greenmail-standalone-$greenmail_version.jar"
  }
  prepare greenmail; with_jre greenmail
  cp "$context/downloads/greenmail-standalone-$greenmail_version.jar" "$context/greenmail/greenmail-standalone.jar"
  cached_build "localhost/greenmail/standalone:$greenmail_version" "$images/stand-ins/greenmail/Containerfile" \
    "$context/greenmail" "greenmail $greenmail_version" "jre $jdk_release"
fi

echo "Images built in $(( $(date +%s) - started )) s:"
"$engine" images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E "^($prefix/|localhost/(postgres|rabbitmq|greenmail))" | grep -v '<none>' || true
