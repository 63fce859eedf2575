#!/bin/sh
# Renders deploy/nginx.conf.template to stdout.
#
#   FRAME_ANCESTORS="'self' https://portal.example.com" \
#   CONNECT_SRC="https://prometheus.example.com" \
#   deploy/render-nginx-conf.sh > /etc/nginx/conf.d/observatory.conf
#
# Only the listed variables are substituted: nginx's own ($uri, …) are left alone.
set -eu

here=$(dirname "$0")
: "${LISTEN_PORT:=8080}"
: "${ROOT_DIR:=/usr/share/nginx/html}"
: "${BASE_PATH:=/}"
: "${CONNECT_SRC:=}"
: "${FRAME_ANCESTORS:='self'}"

fail() {
  echo "render-nginx-conf: $*" >&2
  exit 1
}

case "$LISTEN_PORT" in '' | *[!0-9]*) fail "LISTEN_PORT must be a port number" ;; esac
case "$BASE_PATH" in /*/ | /) ;; *) fail "BASE_PATH must start and end with / (got '$BASE_PATH')" ;; esac

# A quote, semicolon or newline would end the CSP header or the nginx directive early.
for name in ROOT_DIR BASE_PATH CONNECT_SRC FRAME_ANCESTORS; do
  eval "value=\$$name"
  case "$value" in
    *\"* | *\;* | *"
"*) fail "$name must not contain a double quote, semicolon or newline" ;;
  esac
done
case "$FRAME_ANCESTORS" in '') fail "FRAME_ANCESTORS must not be empty (use 'none' to forbid embedding)" ;; esac

export LISTEN_PORT ROOT_DIR BASE_PATH CONNECT_SRC FRAME_ANCESTORS
envsubst '${LISTEN_PORT} ${ROOT_DIR} ${BASE_PATH} ${CONNECT_SRC} ${FRAME_ANCESTORS}' \
  < "$here/nginx.conf.template"
