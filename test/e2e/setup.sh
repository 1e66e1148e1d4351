#!/usr/bin/env bash
# Installs what the real-editor tests need on a bare Debian machine that reaches only
# Debian's apt and the npm registry (see README "Real-editor tests"):
#   - apt: chromium (drives the VS Code web workbench), neovim (the Neovim LSP check),
#     libkrb5-dev + pkg-config (build code-server's native `kerberos` module), ripgrep
#     (VS Code's search needs an `rg` binary; @vscode/ripgrep would download one), pre-commit
#     (runs .pre-commit-hooks.yaml as a user's repository would).
#   - code-server 4.100.3 (= VS Code 1.100.3, the last line that runs on Node 20) under
#     .tools/code-server, with its postinstall done by hand: the stock one downloads
#     ripgrep and prebuilt binaries, which these machines cannot reach.
# Idempotent: each step is skipped when its result is already there.
set -euo pipefail

readonly CODE_SERVER_VERSION=4.100.3
readonly APT_PACKAGES=(chromium neovim libkrb5-dev pkg-config ripgrep pre-commit)
# The native addons of lib/vscode besides node-pty (handled on its own below); each ships
# sources and builds with node-gyp offline (@parcel/watcher uses its glibc prebuilt package).
readonly VSCODE_NATIVE_MODULES=(kerberos @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog)

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools_dir="${SHAPELINT_TOOLS_DIR:-$repo_root/.tools}/code-server"
install_marker="$tools_dir/.installed-$CODE_SERVER_VERSION"

log() { printf '[setup] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_apt_packages() {
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    log "apt packages already installed: ${APT_PACKAGES[*]}"
    return
  fi
  log "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  # dpkg's per-file chatter goes to the log only when the install fails.
  local apt_log
  apt_log="$(mktemp)"
  if ! DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    exit 1
  fi
  rm -f "$apt_log"
}

# node-gyp would download Node's headers; the Node install ships them under include/node.
use_local_node_headers() {
  local node_prefix
  node_prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  if [ -f "$node_prefix/include/node/node.h" ]; then
    export npm_config_nodedir="$node_prefix"
  fi
}

install_code_server() {
  if [ -f "$install_marker" ]; then
    log "code-server $CODE_SERVER_VERSION already installed in $tools_dir"
    return
  fi
  local node_major
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$node_major" != 20 ]; then
    echo "code-server $CODE_SERVER_VERSION needs Node 20; this is Node $node_major" >&2
    exit 1
  fi
  use_local_node_headers
  mkdir -p "$tools_dir"
  cd "$tools_dir"
  [ -f package.json ] || echo '{ "private": true }' > package.json

  log "npm install code-server@$CODE_SERVER_VERSION (scripts off)"
  npm install --no-audit --no-fund --ignore-scripts "code-server@$CODE_SERVER_VERSION"

  local package_dir="$tools_dir/node_modules/code-server"
  log "lib/vscode dependencies"
  cd "$package_dir/lib/vscode"
  npm install --no-audit --no-fund --omit=dev --ignore-scripts
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  log "rebuild native modules: ${VSCODE_NATIVE_MODULES[*]} node-pty"
  npm rebuild --no-audit --no-fund "${VSCODE_NATIVE_MODULES[@]}"
  # node-pty's post-install step (compile_commands.json via npx node-gyp) fails after its
  # addon has built; the require check below is what decides.
  npm rebuild --no-audit --no-fund node-pty >/dev/null 2>&1 || log "node-pty post-install step failed (expected); checking the addon"
  local module
  for module in "${VSCODE_NATIVE_MODULES[@]}" node-pty; do
    node -e "require('$module')" || { echo "native module $module does not load" >&2; exit 1; }
  done
  ln -sfn node_modules node_modules.asar
  ln -sfn code-linux.sh bin/remote-cli/code-server
  ln -sfn browser-linux.sh bin/helpers/browser.sh

  log "lib/vscode/extensions dependencies"
  cd extensions
  npm install --no-audit --no-fund --omit=dev --ignore-scripts

  log "argon2 from source (its prebuilt download needs the internet)"
  cd "$tools_dir"
  npm_config_build_from_source=true npm rebuild --no-audit --no-fund argon2
  node -e "require('argon2')" || { echo "argon2 does not load" >&2; exit 1; }

  touch "$install_marker"
  log "code-server $CODE_SERVER_VERSION installed in $tools_dir"
}

main() {
  local started=$SECONDS
  install_apt_packages
  install_code_server
  log "done in $((SECONDS - started)) s"
}

main "$@"
